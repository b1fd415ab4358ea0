// Bundles the three entry points with ncc into dist/. Source maps keep file and line for stack
// traces but drop sourcesContent: the sources are in the same commit, and the maps stay small.
import ncc from '@vercel/ncc';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import './root-action.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = { sign: 'src/sign/main.ts', gate: 'src/gate/main.ts', cli: 'src/cli.ts' };

// `node scripts/build.mjs cli` rebuilds only the named bundles, for a quicker edit-and-test loop.
const wanted = process.argv.slice(2);
for (const [name, entry] of Object.entries(entries).filter(([name]) => wanted.length === 0 || wanted.includes(name))) {
  const out = join(root, 'dist', name);
  await rm(out, { recursive: true, force: true });
  const { code, map, assets } = await ncc(join(root, entry), {
    minify: false,
    sourceMap: true,
    sourceMapRegister: true,
    license: 'licenses.txt',
    target: 'es2022',
    quiet: true,
    // `npm test` typechecks the whole project; here a type error elsewhere must not stop a bundle.
    transpileOnly: true,
  });
  await mkdir(out, { recursive: true });
  const banner = name === 'cli' ? '#!/usr/bin/env node\n' : '';
  await writeFile(join(out, 'index.js'), banner + code.replace(/^#!.*\n/, ''));
  const parsedMap = JSON.parse(map);
  delete parsedMap.sourcesContent;
  await writeFile(join(out, 'index.js.map'), JSON.stringify(parsedMap));
  const sources = new Set(parsedMap.sources);
  for (const [file, asset] of Object.entries(assets)) {
    if (file === 'licenses.txt') continue;
    await mkdir(dirname(join(out, file)), { recursive: true });
    if (file.endsWith('.map')) {
      const chunkMap = JSON.parse(asset.source.toString());
      delete chunkMap.sourcesContent;
      for (const source of chunkMap.sources) sources.add(source);
      await writeFile(join(out, file), JSON.stringify(chunkMap));
    } else {
      await writeFile(join(out, file), asset.source);
    }
  }
  await writeFile(join(out, 'licenses.txt'), await licensesOf(sources));
  console.log(`dist/${name}: ${(code.length / 1024).toFixed(0)} KiB`);
}

// The root action.yml runs one of the same two bundles, chosen by its `command` input.
await writeFile(
  join(root, 'dist', 'action.js'),
  `const command = (process.env.INPUT_COMMAND ?? '').trim();
if (command !== 'sign' && command !== 'gate') {
  process.stdout.write(\`::error::image-passport: input "command" must be "sign" or "gate", not "\${command}"\\n\`);
  process.exitCode = 1;
} else {
  await import(\`./\${command}/index.js\`);
}
`,
);

/**
 * The licence of every package whose code is in a bundle, found from the source maps of all its
 * chunks: ncc's own licences file covers only the last chunk it wrote.
 */
async function licensesOf(sources) {
  const packages = new Map();
  for (const source of sources) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source.slice(source.lastIndexOf('node_modules/')));
    if (match) packages.set(match[1], join(root, 'node_modules', match[1]));
  }
  const sections = [];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const licenseFile = (await readdir(dir)).find((file) => /^(licen[sc]e|copying)/i.test(file));
    const text = licenseFile ? (await readFile(join(dir, licenseFile), 'utf8')).trim() : '';
    sections.push(`${name}\n${manifest.license ?? 'UNKNOWN'}\n${text}`);
  }
  return sections.join('\n\n') + '\n';
}
