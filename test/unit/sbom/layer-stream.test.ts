import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SbomError } from '../../../src/sbom/errors.js';
import { generateSbom } from '../../../src/sbom/generate.js';
import { GZIP_LAYER, TAR_LAYER, gzipLayer, imageOf, tarOf, tarOfDirectory, zstdLayer, type Layer } from './fixtures.js';

const STATUS = readFileSync('/var/lib/dpkg/status');

async function failureOf(layers: Layer[], limits?: Parameters<typeof generateSbom>[1]['limits']): Promise<SbomError> {
  const image = imageOf(layers);
  const error = await generateSbom(image, { format: 'spdx-json', limits }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SbomError);
  const message = (error as SbomError).message;
  expect(message).not.toContain('\n');
  expect(message).toContain(image.layers[image.layers.length - 1]?.digest);
  return error as SbomError;
}

describe('reading layers', () => {
  let statusTar: Buffer;
  let expectedCount: number;

  beforeAll(async () => {
    statusTar = tarOfDirectory('/', ['var/lib/dpkg/status']);
    expectedCount = (await generateSbom(imageOf([gzipLayer(statusTar)]), { format: 'spdx-json' })).packages.length;
    expect(expectedCount).toBeGreaterThan(100);
  });

  it('reads zstd layers like gzip ones', async () => {
    const { packages } = await generateSbom(imageOf([zstdLayer(statusTar)]), { format: 'spdx-json' });
    expect(packages).toHaveLength(expectedCount);
  });

  it('reads uncompressed tar layers', async () => {
    const { packages } = await generateSbom(imageOf([{ bytes: statusTar, mediaType: TAR_LAYER }]), { format: 'spdx-json' });
    expect(packages).toHaveLength(expectedCount);
  });

  it('fails with one line naming the layer when gzip data is corrupt', async () => {
    const bytes = Buffer.from(gzipLayer(statusTar).bytes);
    for (let at = 200; at < 260; at++) bytes[at] = (bytes[at] as number) ^ 0x5a;
    const error = await failureOf([{ bytes, mediaType: GZIP_LAYER }]);
    expect(error.message).toMatch(/gzip data is corrupt/);
  });

  it('fails with one line naming the layer when gzip data is cut short', async () => {
    const bytes = gzipLayer(statusTar).bytes;
    const error = await failureOf([{ bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), mediaType: GZIP_LAYER }]);
    expect(error.message).toMatch(/gzip data is truncated/);
  });

  it('fails when a zstd layer is cut short', async () => {
    const bytes = zstdLayer(statusTar).bytes;
    const error = await failureOf([{ bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), mediaType: zstdLayer(statusTar).mediaType }]);
    expect(error.message).toMatch(/the zstd data is corrupt or truncated/);
  });

  it('fails when the tar stream inside a layer is cut short', async () => {
    const error = await failureOf([{ bytes: statusTar.subarray(0, 100_000), mediaType: TAR_LAYER }]);
    expect(error.message).toMatch(/tar stream is truncated/);
  });

  it('refuses a layer over the size limit before reading it', async () => {
    const layer = gzipLayer(statusTar);
    let opened = false;
    const image = imageOf([layer]);
    const open = image.openLayer.bind(image);
    image.openLayer = (descriptor) => {
      opened = true;
      return open(descriptor);
    };
    const error = await generateSbom(image, { format: 'spdx-json', limits: { maxLayerBytes: 1000 } }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `layer ${image.layers[0]?.digest} is ${layer.bytes.length} bytes, over the 1000-byte layer size limit`,
    );
    expect(opened).toBe(false);
  });

  it('stops a layer that sends more bytes than its descriptor states', async () => {
    const layer = gzipLayer(statusTar);
    const image = imageOf([layer]);
    (image.layers[0] as { size: number }).size = 1000;
    const error = await generateSbom(image, { format: 'spdx-json' }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/sent more than the 1000 bytes its descriptor states/);
  });

  it('stops a layer that unpacks past the uncompressed limit', async () => {
    const bomb = gzipLayer(await tarOf([{ name: 'zeros', content: Buffer.alloc(8 * 1024 * 1024) }]));
    const error = await failureOf([bomb], { maxUncompressedLayerBytes: 1024 * 1024 });
    expect(error.message).toMatch(/unpacks to more than the 1\.0 MiB uncompressed limit/);
  });

  it('refuses a layer whose media type is not a tar', async () => {
    const error = await failureOf([{ bytes: zlib.gzipSync(STATUS), mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip+json' }]);
    expect(error.message).toMatch(/is not a tar layer/);
  });

  it('names the layer when the registry stream fails', async () => {
    const image = imageOf([gzipLayer(statusTar)]);
    image.openLayer = async () => {
      throw new Error('GET blob: 404 Not Found');
    };
    const error = await generateSbom(image, { format: 'spdx-json' }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `layer ${image.layers[0]?.digest} of 127.0.0.1:5000/lab/app could not be opened: GET blob: 404 Not Found`,
    );
  });
});

describe('hostile tar entries', () => {
  it('skips an entry whose name climbs out with ../, with a warning', async () => {
    const manifest = JSON.stringify({ name: 'evil', version: '1.0.0' });
    const layer = gzipLayer(
      await tarOf([
        { name: '../../outside/node_modules/evil/package.json', content: manifest },
        { name: 'app/node_modules/fine/package.json', content: JSON.stringify({ name: 'fine', version: '1.0.0' }) },
      ]),
    );
    const { packages, warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages.map((pkg) => pkg.name)).toEqual(['fine']);
    expect(warnings).toEqual([expect.stringContaining('skipped tar entry "../../outside/node_modules/evil/package.json" has a ".." component')]);
  });

  it('skips a database that is an absolute symlink, with a warning, and never follows it', async () => {
    const layer = gzipLayer(
      await tarOf([
        { name: 'etc/passwd-like', content: 'Package: fake\nVersion: 1\n' },
        { name: 'var/lib/dpkg/status', type: 'symlink', linkname: '/etc/passwd-like' },
      ]),
    );
    const { packages, warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('skipped /var/lib/dpkg/status: it is a symlink to /etc/passwd-like')]);
  });

  it('refuses an os-release symlink that leaves the image root', async () => {
    const layer = gzipLayer(await tarOf([{ name: 'etc/os-release', type: 'symlink', linkname: '../../../../host/os-release' }]));
    const { warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(warnings).toEqual([expect.stringContaining('/etc/os-release is a symlink that leaves the image root')]);
  });

  it('skips a file over its cataloguer’s size cap with a warning', async () => {
    const huge = JSON.stringify({ name: 'big', version: '1.0.0', padding: 'x'.repeat(5 * 1024 * 1024) });
    const layer = gzipLayer(await tarOf([{ name: 'app/node_modules/big/package.json', content: huge }]));
    const { packages, warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/skipped \/app\/node_modules\/big\/package\.json: \d+ bytes is over the 4194304-byte cap for npm files/)]);
  });

  it('skips a package.json that is not JSON with a warning', async () => {
    const layer = gzipLayer(await tarOf([{ name: 'app/node_modules/bad/package.json', content: '{ nope' }]));
    const { packages, warnings } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('skipped /app/node_modules/bad/package.json:')]);
  });
});
