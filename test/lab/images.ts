import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedDir, cachedLayer, run, type LayerFile } from './image-layers.js';
import { digestOf, LabPusher, type PushTarget } from './image-push.js';
import { cacheRoot } from './cache.js';

/** Bump when a recipe changes: the cache is keyed by it. */
const RECIPE = 'v1';
const NPM_PACKAGES = { debug: '2.6.9', ms: '2.1.3' };
const PYTHON_PACKAGES = ['six==1.16.0', 'idna==3.7'];
const GO_REQUIRES = { 'github.com/google/uuid': 'v1.6.0', 'github.com/pkg/errors': 'v0.9.1' };
const PYTHON_SITE = 'usr/local/lib/python3.11/site-packages';
const GO_BINARY = 'usr/local/bin/lab-hello';
export const WHITEOUT_DELETES = 'etc/motd';

const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

export type LayerName = 'debian' | 'npm' | 'python' | 'go' | 'whiteout';

export interface LabLayer {
  name: LayerName;
  digest: string;
  diffId: string;
  size: number;
  mediaType: string;
  /** The cached .tar.gz on disk, for tests that read a layer without the registry. */
  path: string;
}

export interface PackageRecord {
  name: string;
  version: string;
  /** Where it sits in the image's filesystem (no leading slash). */
  path: string;
}

/** What the layers really hold, read from the built trees, for SBOM tests to compare against. */
export interface ImageContents {
  dpkg: PackageRecord[];
  npm: PackageRecord[];
  python: PackageRecord[];
  go: { path: string; module: string; goVersion: string; deps: { path: string; version: string }[] };
  /** Paths a later layer deletes with a `.wh.` entry. */
  whiteouts: string[];
}

export interface PlatformImage {
  platform: { os: string; architecture: string };
  digest: string;
  mediaType: string;
  size: number;
  configDigest: string;
  layers: LabLayer[];
}

export interface LabImage {
  repository: string;
  tag: string;
  /** `127.0.0.1:PORT/lab/app:1.0` */
  reference: string;
  /** `127.0.0.1:PORT/lab/app@sha256:…` */
  digestReference: string;
  digest: string;
  mediaType: string;
  /** One entry for a single-platform image; the index's children for `lab/multi`. */
  platforms: PlatformImage[];
}

export type LabImageName = 'debian' | 'app' | 'multi' | 'unsigned';

export interface BuiltLayers {
  layers: Record<LayerName, LabLayer>;
  contents: ImageContents;
}

export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export { cacheRoot };

async function buildDebianRootfs(dir: string): Promise<void> {
  await run('debootstrap', ['--variant=minbase', 'bookworm', dir, 'http://deb.debian.org/debian']);
}

async function buildNpmTree(dir: string): Promise<void> {
  const app = path.join(dir, 'app');
  await mkdir(app, { recursive: true });
  await writeFile(path.join(app, 'package.json'), `${JSON.stringify({ name: 'lab-app', version: '1.0.0', private: true, dependencies: NPM_PACKAGES }, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev'], { cwd: app });
}

async function buildPythonTree(dir: string): Promise<void> {
  const target = path.join(dir, PYTHON_SITE);
  await run('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--no-compile', '--only-binary=:all:', '--target', target, ...PYTHON_PACKAGES]);
}

async function buildGoTree(dir: string, work: string): Promise<void> {
  await mkdir(work, { recursive: true });
  const requires = Object.entries(GO_REQUIRES).map(([module, version]) => `\t${module} ${version}`).join('\n');
  await writeFile(path.join(work, 'go.mod'), `module example.com/lab-hello\n\ngo 1.21\n\nrequire (\n${requires}\n)\n`);
  await writeFile(
    path.join(work, 'main.go'),
    'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/google/uuid"\n\t"github.com/pkg/errors"\n)\n\nfunc main() {\n\tfmt.Println(errors.Wrap(fmt.Errorf("lab"), uuid.NewString()))\n}\n',
  );
  const env = { ...process.env, CGO_ENABLED: '0', GOOS: 'linux', GOARCH: 'amd64', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
  await run('go', ['mod', 'tidy'], { cwd: work, env });
  await run('go', ['build', '-trimpath', '-buildvcs=false', '-o', path.join(dir, GO_BINARY), '.'], { cwd: work, env });
}

async function buildWhiteoutTree(dir: string): Promise<void> {
  const parent = path.join(dir, path.dirname(WHITEOUT_DELETES));
  await mkdir(parent, { recursive: true });
  await writeFile(path.join(parent, `.wh.${path.basename(WHITEOUT_DELETES)}`), '');
}

/** What the ecosystems' own tools say is installed: the yardstick the SBOM tests compare against. */
async function readDpkg(rootfs: string): Promise<PackageRecord[]> {
  const output = await run('dpkg-query', [`--admindir=${path.join(rootfs, 'var/lib/dpkg')}`, '-W', '-f', '${Package}\t${Version}\t${db:Status-Abbrev}\n']);
  return output
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([name, , status]) => name && status?.startsWith('ii'))
    .map(([name, version]) => ({ name: name!, version: version!, path: 'var/lib/dpkg/status' }));
}

interface NpmLsNode {
  version?: string;
  dependencies?: Record<string, NpmLsNode>;
}

async function readNpm(tree: string): Promise<PackageRecord[]> {
  const appDir = path.join(tree, 'app');
  if (!existsSync(path.join(appDir, 'node_modules'))) return [];
  const listing = JSON.parse(await run('npm', ['ls', '--all', '--json', '--offline'], { cwd: appDir })) as NpmLsNode;
  const found: PackageRecord[] = [];
  const walk = (node: NpmLsNode, parent: string): void => {
    for (const [name, child] of Object.entries(node.dependencies ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      const packageDir = `${parent}/node_modules/${name}`;
      if (child.version && existsSync(path.join(tree, packageDir, 'package.json'))) {
        found.push({ name, version: child.version, path: packageDir });
        walk(child, packageDir);
      }
    }
  };
  walk(listing, 'app');
  return found;
}

async function readPython(tree: string): Promise<PackageRecord[]> {
  const site = path.join(tree, PYTHON_SITE);
  const records: PackageRecord[] = [];
  for (const entry of (await readdir(site)).filter((name) => name.endsWith('.dist-info')).sort()) {
    const metadata = await readFile(path.join(site, entry, 'METADATA'), 'utf8');
    const name = /^Name: (.+)$/m.exec(metadata)?.[1]?.trim() ?? '';
    const version = /^Version: (.+)$/m.exec(metadata)?.[1]?.trim() ?? '';
    records.push({ name, version, path: `${PYTHON_SITE}/${entry}` });
  }
  return records;
}

async function readGo(tree: string): Promise<ImageContents['go']> {
  const output = await run('go', ['version', '-m', path.join(tree, GO_BINARY)]);
  const goVersion = /:\s+(go\S+)/.exec(output)?.[1] ?? '';
  const module = /^\s+mod\s+(\S+)/m.exec(output)?.[1] ?? '';
  const deps = [...output.matchAll(/^\s+dep\s+(\S+)\s+(\S+)/gm)].map((match) => ({ path: match[1] ?? '', version: match[2] ?? '' }));
  return { path: GO_BINARY, module, goVersion, deps };
}

/** Builds every lab layer once (minutes) and afterwards reads them from the cache (milliseconds). */
export async function buildLabLayers(cacheDir = cacheRoot()): Promise<BuiltLayers> {
  const base = path.join(cacheDir, 'lab-images');
  const recipeDir = path.join(base, RECIPE);
  const contentsFile = path.join(recipeDir, 'contents-by-tools.json');
  const layersDir = path.join(recipeDir, 'layers');
  // The rootfs is kept outside the recipe folder: debootstrap is the slow part and its recipe rarely changes.
  const rootfs = await cachedDir(path.join(base, 'rootfs', 'debian-12-minbase'), buildDebianRootfs);
  const npmTree = await cachedDir(path.join(recipeDir, 'trees', 'npm'), buildNpmTree);
  const pythonTree = await cachedDir(path.join(recipeDir, 'trees', 'python'), buildPythonTree);
  const goTree = await cachedDir(path.join(recipeDir, 'trees', 'go'), (dir) => buildGoTree(dir, path.join(recipeDir, 'go-src')));
  const whiteoutTree = await cachedDir(path.join(recipeDir, 'trees', 'whiteout'), buildWhiteoutTree);

  const rootEntries = (await readdir(rootfs)).sort();
  const files: Record<LayerName, LayerFile> = {
    // As in Docker's debian images: no device nodes (mounted at run time), no downloaded .debs or apt lists.
    debian: await cachedLayer(layersDir, 'debian-12-minbase', rootfs, rootEntries, {
      fixedMtime: false,
      exclude: ['dev/*', 'proc/*', 'sys/*', 'var/cache/apt/archives/*.deb', 'var/cache/apt/*.bin', 'var/lib/apt/lists/*'],
    }),
    npm: await cachedLayer(layersDir, 'npm', npmTree, ['app']),
    python: await cachedLayer(layersDir, 'python', pythonTree, ['usr']),
    go: await cachedLayer(layersDir, 'go', goTree, ['usr']),
    whiteout: await cachedLayer(layersDir, 'whiteout', whiteoutTree, [path.dirname(WHITEOUT_DELETES)]),
  };
  const layers = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [name, { name: name as LayerName, digest: file.digest, diffId: file.diffId, size: file.size, mediaType: MEDIA.ociLayer, path: file.path }]),
  ) as Record<LayerName, LabLayer>;

  let contents: ImageContents;
  if (existsSync(contentsFile)) {
    contents = JSON.parse(await readFile(contentsFile, 'utf8')) as ImageContents;
  } else {
    contents = { dpkg: await readDpkg(rootfs), npm: await readNpm(npmTree), python: await readPython(pythonTree), go: await readGo(goTree), whiteouts: [WHITEOUT_DELETES] };
    await writeFile(contentsFile, `${JSON.stringify(contents, null, 2)}\n`);
  }
  return { layers, contents };
}

interface ImageRecipe {
  layers: LayerName[];
  architecture: string;
  format: 'oci' | 'docker';
  title: string;
}

function imageConfig(recipe: ImageRecipe, built: BuiltLayers): Buffer {
  const created = '2025-01-01T00:00:00Z';
  const hasGo = recipe.layers.includes('go');
  return Buffer.from(
    JSON.stringify({
      created,
      architecture: recipe.architecture,
      os: 'linux',
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `PYTHONPATH=/${PYTHON_SITE}`],
        Cmd: hasGo ? [`/${GO_BINARY}`] : ['bash'],
        WorkingDir: recipe.layers.includes('npm') ? '/app' : '/',
        Labels: { 'org.opencontainers.image.title': recipe.title, 'org.opencontainers.image.source': 'https://github.com/acme/app' },
      },
      rootfs: { type: 'layers', diff_ids: recipe.layers.map((name) => built.layers[name].diffId) },
      history: recipe.layers.map((name) => ({ created, created_by: `image-passport lab: ${name} layer` })),
    }),
  );
}

async function pushSingle(pusher: LabPusher, repository: string, tag: string | null, recipe: ImageRecipe, built: BuiltLayers): Promise<PlatformImage> {
  const config = imageConfig(recipe, built);
  const configDigest = digestOf(config);
  for (const name of recipe.layers) await pusher.pushBlob(repository, { digest: built.layers[name].digest, path: built.layers[name].path });
  await pusher.pushBlob(repository, { digest: configDigest, bytes: config });
  const docker = recipe.format === 'docker';
  const mediaType = docker ? MEDIA.dockerManifest : MEDIA.ociManifest;
  const layers = recipe.layers.map((name) => ({ ...built.layers[name], mediaType: docker ? MEDIA.dockerLayer : MEDIA.ociLayer }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: { mediaType: docker ? MEDIA.dockerConfig : MEDIA.ociConfig, digest: configDigest, size: config.length },
      layers: layers.map((layer) => ({ mediaType: layer.mediaType, digest: layer.digest, size: layer.size })),
    }),
  );
  const digest = await pusher.putManifest(repository, tag ?? digestOf(manifest), manifest, mediaType);
  return { platform: { os: 'linux', architecture: recipe.architecture }, digest, mediaType, size: manifest.length, configDigest, layers };
}

/** Pushes lab/debian:12 (Docker schema 2), lab/app:1.0, lab/unsigned:1.0 and the two-platform lab/multi:1.0 (OCI). */
export async function pushLabImages(target: PushTarget & { host: string }, built: BuiltLayers): Promise<Record<LabImageName, LabImage>> {
  const pusher = new LabPusher(target);
  const appLayers: LayerName[] = ['debian', 'npm', 'python', 'go', 'whiteout'];
  const image = (repository: string, tag: string, digest: string, mediaType: string, platforms: PlatformImage[]): LabImage => ({
    repository,
    tag,
    reference: `${target.host}/${repository}:${tag}`,
    digestReference: `${target.host}/${repository}@${digest}`,
    digest,
    mediaType,
    platforms,
  });
  const single = async (repository: string, tag: string, recipe: ImageRecipe): Promise<LabImage> => {
    const pushed = await pushSingle(pusher, repository, tag, recipe, built);
    return image(repository, tag, pushed.digest, pushed.mediaType, [pushed]);
  };

  const debian = await single('lab/debian', '12', { layers: ['debian'], architecture: 'amd64', format: 'docker', title: 'lab/debian' });
  const app = await single('lab/app', '1.0', { layers: appLayers, architecture: 'amd64', format: 'oci', title: 'lab/app' });
  const unsigned = await single('lab/unsigned', '1.0', { layers: ['debian', 'npm'], architecture: 'amd64', format: 'oci', title: 'lab/unsigned' });
  const platforms: PlatformImage[] = [];
  for (const architecture of ['amd64', 'arm64']) {
    platforms.push(await pushSingle(pusher, 'lab/multi', null, { layers: appLayers, architecture, format: 'oci', title: 'lab/multi' }, built));
  }
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: platforms.map((entry) => ({ mediaType: entry.mediaType, digest: entry.digest, size: entry.size, platform: entry.platform })),
    }),
  );
  const indexDigest = await pusher.putManifest('lab/multi', '1.0', index, MEDIA.ociIndex);
  return { debian, app, unsigned, multi: image('lab/multi', '1.0', indexDigest, MEDIA.ociIndex, platforms) };
}
