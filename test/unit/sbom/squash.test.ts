import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSbom } from '../../../src/sbom/generate.js';
import { SquashedTree, whiteoutOf } from '../../../src/sbom/squash.js';
import { gzipLayer, imageOf, npmProject, tarOf, tarOfDirectory, type Layer } from './fixtures.js';

const keys = (packages: { name: string; version: string }[]) => packages.map((pkg) => `${pkg.name}@${pkg.version}`).sort();

describe('squashing layers of a real npm install', () => {
  let dir: string;
  let base: Layer;
  let baseKeys: string[];

  beforeAll(async () => {
    dir = npmProject();
    base = gzipLayer(tarOfDirectory(dir, ['.'], ['--transform', 's,^\\.,app,']));
    baseKeys = keys((await generateSbom(imageOf([base]), { format: 'spdx-json' })).packages);
  }, 180_000);

  it('drops a package a higher layer whited out, and only that one', async () => {
    const upper = gzipLayer(await tarOf([{ name: 'app/node_modules/.wh.chalk' }]));
    const { packages } = await generateSbom(imageOf([base, upper]), { format: 'spdx-json' });
    expect(keys(packages)).toEqual(baseKeys.filter((key) => !key.startsWith('chalk@')));
  });

  it('empties a directory a higher layer marked opaque, nested packages included', async () => {
    const upper = gzipLayer(await tarOf([{ name: 'app/node_modules/debug/.wh..wh..opq' }]));
    const { packages } = await generateSbom(imageOf([base, upper]), { format: 'spdx-json' });
    expect(keys(packages)).toEqual(baseKeys.filter((key) => key !== 'debug@2.6.9' && key !== 'ms@2.0.0'));
  });

  it('keeps what the whiting-out layer itself writes, whichever comes first in its tar', async () => {
    const manifest = readFileSync(`${dir}/node_modules/@sindresorhus/is/package.json`);
    for (const order of ['marker-first', 'marker-last']) {
      const entries = [
        { name: 'app/node_modules/@sindresorhus/.wh..wh..opq' },
        { name: 'app/node_modules/@sindresorhus/is/package.json', content: manifest },
      ];
      const upper = gzipLayer(await tarOf(order === 'marker-first' ? entries : entries.reverse()));
      const image = imageOf([base, upper]);
      const { packages } = await generateSbom(image, { format: 'spdx-json' });
      const scoped = packages.filter((pkg) => pkg.name === '@sindresorhus/is');
      expect(scoped.map((pkg) => pkg.layerDigest)).toEqual([image.layers[1]?.digest]);
    }
  });

  it('replaces a package upgraded in a higher layer instead of listing both', async () => {
    const manifest = JSON.parse(readFileSync(`${dir}/node_modules/ms/package.json`, 'utf8')) as Record<string, unknown>;
    const upgraded = JSON.stringify({ ...manifest, version: '2.1.4' });
    const upper = gzipLayer(await tarOf([{ name: 'app/node_modules/ms/package.json', content: upgraded }]));
    const { packages } = await generateSbom(imageOf([base, upper]), { format: 'spdx-json' });
    expect(keys(packages)).toEqual(baseKeys.map((key) => (key === 'ms@2.1.3' ? 'ms@2.1.4' : key)).sort());
  });

  it('counts a path written again by a higher layer once', async () => {
    const { packages } = await generateSbom(imageOf([base, base]), { format: 'spdx-json' });
    expect(keys(packages)).toEqual(baseKeys);
  });

  it('hides what lower layers had beneath a path a higher layer turned into a file', async () => {
    const upper = gzipLayer(await tarOf([{ name: 'app/node_modules/debug', content: 'now a file' }]));
    const { packages } = await generateSbom(imageOf([base, upper]), { format: 'spdx-json' });
    expect(keys(packages)).toEqual(baseKeys.filter((key) => key !== 'debug@2.6.9' && key !== 'ms@2.0.0'));
  });
});

describe('whiteout names', () => {
  it('recognises plain and opaque whiteouts as the OCI layer spec names them', () => {
    expect(whiteoutOf('/a/b/.wh.c')).toEqual({ kind: 'whiteout', target: '/a/b/c' });
    expect(whiteoutOf('/a/b/.wh..wh..opq')).toEqual({ kind: 'opaque', target: '/a/b' });
    expect(whiteoutOf('/a/b/c.wh.d')).toBeUndefined();
  });

  it('resolves relative symlinks inside the image and refuses ones that leave it', () => {
    const tree = new SquashedTree();
    tree.beginLayer(0, 'sha256:0');
    tree.put('/usr/lib/os-release', { kind: 'file', records: new Map([['x', 1]]) });
    tree.put('/etc/os-release', { kind: 'link', target: '../usr/lib/os-release' });
    tree.put('/etc/escape', { kind: 'link', target: '../../../etc/shadow' });
    tree.put('/etc/absolute', { kind: 'link', target: '/etc/shadow' });
    expect(tree.resolve('/etc/os-release')).toEqual({ path: '/usr/lib/os-release' });
    expect(tree.resolve('/etc/escape')).toHaveProperty('refused');
    expect(tree.resolve('/etc/absolute')).toHaveProperty('refused');
  });
});
