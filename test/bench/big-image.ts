import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cachedDir, cachedLayer, run, type LayerFile } from '../lab/image-layers.js';
import { digestOf, LabPusher, type PushTarget } from '../lab/image-push.js';
import type { LabLayer } from '../lab/lab-info.js';
import { buildDebTree } from './deb-tree.js';

/** Bump when a recipe changes: the cache is keyed by it. */
const RECIPE = 'v2';
/** With their dependencies 166 packages and 780 MB installed on top of the lab's 88-package minbase. */
const DEBIAN_PACKAGES = ['build-essential', 'curl', 'git', 'imagemagick', 'openjdk-17-jre-headless', 'python3', 'python3-numpy', 'ruby', 'vim'];
const NPM_PACKAGES = {
  axios: '1.7.9',
  eslint: '8.57.1',
  express: '4.21.2',
  lodash: '4.17.21',
  moment: '2.30.1',
  react: '18.3.1',
  'react-dom': '18.3.1',
  typescript: '5.7.2',
  webpack: '5.97.1',
};
const PYTHON_PACKAGES = ['requests==2.32.3', 'flask==3.1.0', 'PyYAML==6.0.2', 'cryptography==44.0.0', 'SQLAlchemy==2.0.36', 'attrs==24.3.0'];
const PYTHON_SITE = 'usr/local/lib/python3.11/site-packages';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const BENCH_REPOSITORY = 'bench/big';

export interface BigImage {
  reference: string;
  digestReference: string;
  digest: string;
  /** Sum of the layers' uncompressed tar sizes. */
  uncompressedBytes: number;
  compressedBytes: number;
  layers: number;
}

async function buildNpmTree(dir: string): Promise<void> {
  const app = path.join(dir, 'srv', 'app');
  await mkdir(app, { recursive: true });
  await writeFile(path.join(app, 'package.json'), `${JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true, dependencies: NPM_PACKAGES }, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev'], { cwd: app });
}

async function buildPythonTree(dir: string): Promise<void> {
  await run('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-compile', '--only-binary=:all:', '--target', path.join(dir, PYTHON_SITE), ...PYTHON_PACKAGES]);
}

/** Uncompressed tar sizes by layer digest, remembered in the bench's cache so a layer is unpacked once. */
async function uncompressedSize(recipeDir: string, layer: LayerFile): Promise<number> {
  const sizesFile = path.join(recipeDir, 'uncompressed-sizes.json');
  const sizes = existsSync(sizesFile) ? (JSON.parse(await readFile(sizesFile, 'utf8')) as Record<string, number>) : {};
  const known = sizes[layer.digest];
  if (known !== undefined) return known;
  const bytes = Number((await run('sh', ['-c', 'gzip -dc "$1" | wc -c', 'sh', layer.path])).trim());
  await writeFile(sizesFile, `${JSON.stringify({ ...sizes, [layer.digest]: bytes }, null, 2)}\n`);
  return bytes;
}

/**
 * Builds (once, cached under `<cache>/bench/<recipe>`) and pushes a ~1 GiB image of real packages:
 * the lab's Debian layer, then real Debian .debs, an npm application and Python wheels, one layer each.
 */
export async function pushBigImage(cacheDir: string, debianLayer: LabLayer, debianRootfs: string, target: PushTarget & { host: string }): Promise<BigImage> {
  const recipeDir = path.join(cacheDir, 'bench', RECIPE);
  const layersDir = path.join(recipeDir, 'layers');
  const debTree = await cachedDir(path.join(recipeDir, 'trees', 'debs'), (dir) => buildDebTree(dir, debianRootfs, DEBIAN_PACKAGES, path.join(recipeDir, 'debs')));
  const npmTree = await cachedDir(path.join(recipeDir, 'trees', 'npm'), buildNpmTree);
  const pythonTree = await cachedDir(path.join(recipeDir, 'trees', 'python'), buildPythonTree);
  const built: LayerFile[] = [
    await cachedLayer(layersDir, 'debs', debTree, (await readdir(debTree)).sort()),
    await cachedLayer(layersDir, 'npm', npmTree, ['srv']),
    await cachedLayer(layersDir, 'python', pythonTree, ['usr']),
  ];
  const layers: LayerFile[] = [{ digest: debianLayer.digest, diffId: debianLayer.diffId, size: debianLayer.size, path: debianLayer.path }, ...built];

  const created = '2025-01-01T00:00:00Z';
  const config = Buffer.from(
    JSON.stringify({
      created,
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `PYTHONPATH=/${PYTHON_SITE}`], Cmd: ['bash'], WorkingDir: '/srv/app' },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
      history: ['debian', 'debs', 'npm', 'python'].map((name) => ({ created, created_by: `image-passport bench: ${name} layer` })),
    }),
  );
  const pusher = new LabPusher(target);
  for (const layer of layers) await pusher.pushBlob(BENCH_REPOSITORY, { digest: layer.digest, path: layer.path });
  const configDigest = digestOf(config);
  await pusher.pushBlob(BENCH_REPOSITORY, { digest: configDigest, bytes: config });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: layers.map((layer) => ({ mediaType: OCI_LAYER, digest: layer.digest, size: layer.size })),
    }),
  );
  const digest = await pusher.putManifest(BENCH_REPOSITORY, '1.0', manifest, 'application/vnd.oci.image.manifest.v1+json');
  let uncompressedBytes = 0;
  for (const layer of layers) uncompressedBytes += await uncompressedSize(recipeDir, layer);
  return {
    reference: `${target.host}/${BENCH_REPOSITORY}:1.0`,
    digestReference: `${target.host}/${BENCH_REPOSITORY}@${digest}`,
    digest,
    uncompressedBytes,
    compressedBytes: layers.reduce((sum, layer) => sum + layer.size, 0),
    layers: layers.length,
  };
}
