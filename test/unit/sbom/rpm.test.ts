import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRpmDatabase } from '../../../src/sbom/catalogers/rpm.js';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import { cachedFixture, gzipLayer, imageOf, tarOf, tarOfDirectory, writeFile } from './fixtures.js';

// Long descriptions make each header larger than a 4 KiB SQLite page, so the blobs spill into
// overflow pages; 21 rows no longer fit one leaf page, so the table gets interior pages too.
const DESCRIPTION = 'A description long enough to push the header past one SQLite page. '.repeat(80);
const LIBRARIES = 20;

function spec(): string {
  let text = `Name: fixture-base\nVersion: 1.2.3\nRelease: 4.fc40\nSummary: base\nLicense: MIT AND Apache-2.0\n%description\n${DESCRIPTION}\n%files\n`;
  for (let i = 0; i < LIBRARIES; i++) {
    text += `\n%package -n fixture-lib${i}\nVersion: 0.${i}.1\nRelease: ${i + 1}.fc40\n${i === 0 ? 'Epoch: 3\n' : ''}Summary: lib\nLicense: GPLv2+\n`;
    text += `%description -n fixture-lib${i}\n${DESCRIPTION}\n%files -n fixture-lib${i}\n`;
  }
  return text;
}

/** Packages built by rpmbuild and recorded by rpm itself (`--justdb`) in a fresh SQLite rpmdb. */
function rpmRoot(): string {
  return cachedFixture('rpm-database', 'root/usr/lib/sysimage/rpm/rpmdb.sqlite', (dir) => {
    writeFile(`${dir}/fixture.spec`, spec());
    execFileSync('rpmbuild', ['--define', `_topdir ${dir}/top`, '-bb', `${dir}/fixture.spec`], { stdio: 'pipe' });
    const rpms = readdirSync(`${dir}/top/RPMS`).flatMap((arch) => readdirSync(`${dir}/top/RPMS/${arch}`).map((name) => `${dir}/top/RPMS/${arch}/${name}`));
    const dbpath = `${dir}/root/usr/lib/sysimage/rpm`;
    execFileSync('rpm', ['--dbpath', dbpath, '--initdb'], { stdio: 'pipe' });
    execFileSync('rpm', ['--dbpath', dbpath, '-i', '--nodeps', '--justdb', ...rpms], { stdio: 'pipe' });
    writeFile(`${dir}/root/etc/os-release`, 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=40\n');
  });
}

/** What `rpm -qa` says is installed: name, [epoch:]version-release, arch, licence, source rpm. */
function rpmQa(dir: string): string[] {
  const out = execFileSync(
    'rpm',
    ['--dbpath', `${dir}/root/usr/lib/sysimage/rpm`, '-qa', '--qf', '%{NAME}|%{EPOCH}|%{VERSION}-%{RELEASE}|%{ARCH}|%{LICENSE}|%{SOURCERPM}\\n'],
    { encoding: 'utf8' },
  );
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [name, epoch, versionRelease, arch, license, source] = line.split('|');
      return `${name} ${epoch === '(none)' ? '' : `${epoch}:`}${versionRelease} ${arch} ${license} ${source}`;
    })
    .sort();
}

describe('rpm cataloguer on an rpm database written by rpm', () => {
  let dir: string;
  let sbom: GeneratedSbom;

  beforeAll(async () => {
    dir = rpmRoot();
    sbom = await generateSbom(imageOf([gzipLayer(tarOfDirectory(`${dir}/root`, ['.']))]), { format: 'spdx-json' });
  }, 300_000);

  it('lists every package rpm -qa lists, with epoch, version, release, arch and source rpm', () => {
    const expected = rpmQa(dir);
    expect(expected).toHaveLength(LIBRARIES + 1);
    const entries = parseRpmDatabase(readFileSync(`${dir}/root/usr/lib/sysimage/rpm/rpmdb.sqlite`));
    const found = entries
      .map((e) => `${e.name} ${e.epoch !== undefined ? `${e.epoch}:` : ''}${e.version}-${e.release} ${e.arch} ${e.license} ${e.sourceRpm}`)
      .sort();
    expect(found).toEqual(expected);
    expect(sbom.packages.filter((pkg) => pkg.type === 'rpm')).toHaveLength(expected.length);
    expect(sbom.warnings).toEqual([]);
  });

  it('writes rpm purls with arch, epoch, upstream and distro qualifiers', () => {
    const arch = execFileSync('rpm', ['--eval', '%{_arch}'], { encoding: 'utf8' }).trim();
    const lib0 = sbom.packages.find((pkg) => pkg.name === 'fixture-lib0');
    expect(lib0).toMatchObject({
      version: '3:0.0.1-1.fc40',
      purl: `pkg:rpm/fedora/fixture-lib0@0.0.1-1.fc40?arch=${arch}&epoch=3&upstream=fixture-base-1.2.3-4.fc40.src.rpm&distro=fedora-40`,
      path: '/usr/lib/sysimage/rpm/rpmdb.sqlite',
    });
    const base = sbom.packages.find((pkg) => pkg.name === 'fixture-base');
    expect(base?.purl).toBe(`pkg:rpm/fedora/fixture-base@1.2.3-4.fc40?arch=${arch}&upstream=fixture-base-1.2.3-4.fc40.src.rpm&distro=fedora-40`);
    expect(base?.licenses).toBe('MIT AND Apache-2.0');
    // Fedora's pre-SPDX licence tags such as "GPLv2+" are not guessed at.
    expect(lib0?.licenses).toBeUndefined();
  });

  it('warns instead of passing silently when the database is in Berkeley DB format', async () => {
    const layer = gzipLayer(await tarOf([{ name: 'var/lib/rpm/Packages', content: Buffer.alloc(8192, 0x61) }]));
    const { packages, warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages).toEqual([]);
    expect(warnings).toEqual(['/var/lib/rpm/Packages: rpm databases in Berkeley DB format are not read; the image\'s rpm packages are missing']);
  });

  it('warns about a write-ahead log with changes never checkpointed into the database', async () => {
    const database = readFileSync(`${dir}/root/usr/lib/sysimage/rpm/rpmdb.sqlite`);
    const layer = gzipLayer(
      await tarOf([
        { name: 'var/lib/rpm/rpmdb.sqlite', content: database },
        { name: 'var/lib/rpm/rpmdb.sqlite-wal', content: Buffer.alloc(4096, 1) },
      ]),
    );
    const { packages, warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages).toHaveLength(LIBRARIES + 1);
    expect(warnings).toEqual([expect.stringMatching(/^\/var\/lib\/rpm\/rpmdb\.sqlite-wal: the rpm database has changes that were never checkpointed/)]);
  });

  it('skips a truncated database with a warning naming the file', async () => {
    const database = readFileSync(`${dir}/root/usr/lib/sysimage/rpm/rpmdb.sqlite`);
    const layer = gzipLayer(await tarOf([{ name: 'var/lib/rpm/rpmdb.sqlite', content: database.subarray(0, 3 * 4096) }]));
    const { packages, warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/skipped \/var\/lib\/rpm\/rpmdb\.sqlite: it refers to page \d+, outside its 3 pages/)]);
  });
});
