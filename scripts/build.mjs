// Bundles the three entry points with ncc into dist/. Source maps keep file and line for stack
// traces but drop sourcesContent: the sources are in the same commit, and the maps stay small.
import ncc from '@vercel/ncc';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import './root-action.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = { sign: 'src/sign/main.ts', gate: 'src/gate/main.ts', cli: 'src/cli.ts' };

for (const [name, entry] of Object.entries(entries)) {
  const out = join(root, 'dist', name);
  await rm(out, { recursive: true, force: true });
  const { code, map, assets } = await ncc(join(root, entry), {
    minify: false,
    sourceMap: true,
    sourceMapRegister: true,
    license: 'licenses.txt',
    target: 'es2022',
    quiet: true,
  });
  await mkdir(out, { recursive: true });
  const banner = name === 'cli' ? '#!/usr/bin/env node\n' : '';
  await writeFile(join(out, 'index.js'), banner + code.replace(/^#!.*\n/, ''));
  const parsedMap = JSON.parse(map);
  delete parsedMap.sourcesContent;
  await writeFile(join(out, 'index.js.map'), JSON.stringify(parsedMap));
  for (const [file, asset] of Object.entries(assets)) {
    await mkdir(dirname(join(out, file)), { recursive: true });
    await writeFile(join(out, file), asset.source);
  }
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
