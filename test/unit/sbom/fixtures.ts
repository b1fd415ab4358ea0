import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import type { ImageSource, LayerDescriptor } from '../../../src/sbom/image-source.js';
import { cacheRoot } from '../../lab/cache.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixtureCache = path.join(cacheRoot(), 'sbom-fixtures');

export const GZIP_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const ZSTD_LAYER = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const TAR_LAYER = 'application/vnd.oci.image.layer.v1.tar';

export interface Layer {
  bytes: Buffer;
  mediaType: string;
}

export interface TarEntry {
  name: string;
  content?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  linkname?: string;
  mode?: number;
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A tar built entry by entry, for the cases real tools refuse to write (`../` names, whiteouts). */
export async function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of pack as unknown as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  })();
  for (const entry of entries) {
    const content = typeof entry.content === 'string' ? Buffer.from(entry.content) : entry.content;
    await new Promise<void>((resolve, reject) => {
      pack.entry(
        { name: entry.name, type: entry.type ?? 'file', linkname: entry.linkname, mode: entry.mode ?? 0o644 },
        entry.type === undefined || entry.type === 'file' ? (content ?? Buffer.alloc(0)) : Buffer.alloc(0),
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }
  pack.finalize();
  await collected;
  return Buffer.concat(chunks);
}

/** A tar written by GNU tar from real files, the way image builders archive a root filesystem. */
export function tarOfDirectory(root: string, paths: string[], extraArgs: string[] = []): Buffer {
  return execFileSync('tar', ['-C', root, '--numeric-owner', ...extraArgs, '-cf', '-', ...paths], {
    maxBuffer: 1024 * 1024 * 1024,
  });
}

export function gzipLayer(tarBytes: Buffer): Layer {
  return { bytes: zlib.gzipSync(tarBytes), mediaType: GZIP_LAYER };
}

export function zstdLayer(tarBytes: Buffer): Layer {
  return { bytes: execFileSync('zstd', ['-q', '-c'], { input: tarBytes, maxBuffer: 1024 * 1024 * 1024 }), mediaType: ZSTD_LAYER };
}

/** An in-process image: layers served from memory in small chunks, as a registry stream would arrive. */
export function imageOf(layers: Layer[], overrides: Partial<ImageSource> = {}): ImageSource {
  const descriptors: LayerDescriptor[] = layers.map((layer) => ({
    digest: sha256(layer.bytes),
    mediaType: layer.mediaType,
    size: layer.bytes.length,
  }));
  const byDigest = new Map(descriptors.map((descriptor, index) => [descriptor.digest, layers[index] as Layer]));
  return {
    name: '127.0.0.1:5000/lab/app',
    manifestDigest: sha256(Buffer.from(JSON.stringify(descriptors))),
    platform: { os: 'linux', architecture: 'amd64' },
    layers: descriptors,
    async openLayer(descriptor) {
      const layer = byDigest.get(descriptor.digest);
      if (!layer) throw new Error(`no layer ${descriptor.digest}`);
      return Readable.from(chunked(layer.bytes, 16 * 1024));
    },
    ...overrides,
  };
}

function* chunked(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Runs `build` once into `.cache/sbom-fixtures/<name>`; later runs reuse it while `marker` exists. */
export function cachedFixture(name: string, marker: string, build: (dir: string) => void): string {
  const dir = path.join(fixtureCache, name);
  if (!existsSync(path.join(dir, marker))) {
    mkdirSync(dir, { recursive: true });
    build(dir);
    if (!existsSync(path.join(dir, marker))) throw new Error(`fixture ${name} did not produce ${marker}`);
  }
  return dir;
}

export function writeFile(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

// Chosen for shape: debug@2 pins ms@2.0.0 while the top level has ms@2.1.3, so npm nests a second
// ms under debug/node_modules; @sindresorhus/is is scoped; chalk brings a small tree of its own.
const INSTALL = ['debug@2.6.9', 'ms@2.1.3', '@sindresorhus/is@4.6.0', 'chalk@4.1.2'];

export function npmProject(): string {
  return cachedFixture('npm-project', 'node_modules/.package-lock.json', (dir) => {
    writeFile(`${dir}/package.json`, JSON.stringify({ name: 'fixture-app', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...INSTALL], { cwd: dir, stdio: 'pipe' });
  });
}
