import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../lab/image-layers.js';

/** Top-level directories Debian 12 merged into /usr: a layer must not turn the base's symlinks into directories. */
const MERGED_DIRS = ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32'];

interface Paragraph {
  key: string;
  text: string;
}

function field(text: string, name: string): string {
  return new RegExp(`^${name}: *(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
}

/** dpkg names a package's info files `<name>:<arch>` only when it may be co-installed for several architectures. */
function infoName(control: string): string {
  const name = field(control, 'Package');
  return field(control, 'Multi-Arch') === 'same' ? `${name}:${field(control, 'Architecture')}` : name;
}

function paragraphKey(text: string): string {
  return `${field(text, 'Package')}:${field(text, 'Architecture')}`;
}

/** What `apt-get install` would add to the base root filesystem, resolved against its own dpkg status. */
async function resolveInstall(baseRootfs: string, packages: string[]): Promise<string[]> {
  const output = await run('apt-get', ['-s', '-o', `Dir::State::status=${path.join(baseRootfs, 'var/lib/dpkg/status')}`, '--no-install-recommends', 'install', ...packages]);
  return [...output.matchAll(/^Inst (\S+) (?:\[\S+\] )?\((\S+)/gm)].map((match) => `${match[1]}=${match[2]}`);
}

async function moveMergedDirs(tree: string): Promise<void> {
  for (const dir of MERGED_DIRS) {
    const from = path.join(tree, dir);
    if (!existsSync(from)) continue;
    await mkdir(path.join(tree, 'usr', dir), { recursive: true });
    await run('cp', ['-a', '--', `${from}/.`, path.join(tree, 'usr', dir)]);
    await rm(from, { recursive: true, force: true });
  }
}

/** The status paragraph dpkg writes after configuring a package: its control fields plus Status. */
function statusParagraph(control: string): string {
  const lines = control.trimEnd().split('\n');
  const packageLine = lines.findIndex((line) => line.startsWith('Package:'));
  lines.splice(packageLine + 1, 0, 'Status: install ok installed');
  return lines.join('\n');
}

/**
 * A layer tree as `apt-get install <packages>` on the lab's Debian rootfs would leave it: the real .debs
 * unpacked, `/var/lib/dpkg/status` (base entries plus the new ones) and each package's `.list` and `.md5sums`.
 * Maintainer scripts are not run: the tree is read, never booted.
 */
export async function buildDebTree(tree: string, baseRootfs: string, packages: string[], downloads: string): Promise<void> {
  const wanted = await resolveInstall(baseRootfs, packages);
  await mkdir(downloads, { recursive: true });
  await run('apt-get', ['download', '-q', ...wanted], { cwd: downloads });
  const debs = (await readdir(downloads)).filter((name) => name.endsWith('.deb')).sort();
  const infoDir = path.join(tree, 'var/lib/dpkg/info');
  await mkdir(infoDir, { recursive: true });
  const installed: Paragraph[] = [];
  const scratch = path.join(downloads, '.control');
  for (const deb of debs) {
    const file = path.join(downloads, deb);
    await run('dpkg-deb', ['-x', file, tree]);
    await rm(scratch, { recursive: true, force: true });
    await run('dpkg-deb', ['-e', file, scratch]);
    const control = await readFile(path.join(scratch, 'control'), 'utf8');
    const name = infoName(control);
    const listed = (await run('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -t', 'sh', file]))
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => (line === './' ? '/.' : line.replace(/^\./, '').replace(/\/$/, '')));
    await writeFile(path.join(infoDir, `${name}.list`), `${listed.join('\n')}\n`);
    if (existsSync(path.join(scratch, 'md5sums'))) await rename(path.join(scratch, 'md5sums'), path.join(infoDir, `${name}.md5sums`));
    installed.push({ key: paragraphKey(control), text: statusParagraph(control) });
  }
  await rm(scratch, { recursive: true, force: true });
  await moveMergedDirs(tree);

  const base = (await readFile(path.join(baseRootfs, 'var/lib/dpkg/status'), 'utf8'))
    .split(/\n\n+/)
    .filter((text) => text.trim().length > 0)
    .map((text) => ({ key: paragraphKey(text), text: text.trimEnd() }));
  const merged = new Map<string, Paragraph>();
  for (const paragraph of [...base, ...installed]) merged.set(paragraph.key, paragraph);
  const status = [...merged.values()].sort((a, b) => a.key.localeCompare(b.key)).map((paragraph) => paragraph.text);
  await writeFile(path.join(tree, 'var/lib/dpkg/status'), `${status.join('\n\n')}\n\n`);
}
