import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createGzip } from 'node:zlib';

export interface LayerFile {
  /** Compressed-blob digest, as named in a manifest. */
  digest: string;
  /** Uncompressed tar digest, as named in the config's rootfs.diff_ids. */
  diffId: string;
  size: number;
  path: string;
}

export async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}

/** Builds `target` once: `build(partialDir)` fills a scratch dir that is renamed into place only when complete. */
export async function cachedDir(target: string, build: (dir: string) => Promise<void>): Promise<string> {
  if (existsSync(`${target}.complete`)) return target;
  const partial = `${target}.partial`;
  await rm(partial, { recursive: true, force: true });
  await rm(target, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await build(partial);
  await rename(partial, target);
  await writeFile(`${target}.complete`, new Date().toISOString());
  return target;
}

function hashing(hash: ReturnType<typeof createHash>, count?: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      if (count) count.bytes += chunk.length;
      callback(null, chunk);
    },
  });
}

/**
 * Tars `entries` of `dir` into a gzip layer. Owners are numeric; `fixedMtime` makes layers built from
 * fresh downloads byte-identical, the rootfs keeps Debian's own times.
 */
async function tarLayer(dir: string, entries: string[], out: string, options: LayerOptions): Promise<LayerFile> {
  const args = [...(options.exclude ?? []).map((pattern) => `--exclude=${pattern}`), '--sort=name', '--numeric-owner', '--format=posix', '--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime', '-C', dir, '-cf', '-'];
  if (options.fixedMtime ?? true) args.unshift('--owner=0', '--group=0', '--mtime=2025-01-01 00:00:00Z');
  const tar = spawn('tar', [...args, '--', ...entries], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  tar.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve) => tar.on('close', resolve));
  const diff = createHash('sha256');
  const blob = createHash('sha256');
  const size = { bytes: 0 };
  const partial = `${out}.partial`;
  await pipeline(tar.stdout, hashing(diff), createGzip({ level: 6 }), hashing(blob, size), createWriteStream(partial));
  const code = await exited;
  if (code !== 0) throw new Error(`tar of ${dir} failed (exit ${code}): ${Buffer.concat(stderr).toString('utf8').trim()}`);
  await rename(partial, out);
  return { digest: `sha256:${blob.digest('hex')}`, diffId: `sha256:${diff.digest('hex')}`, size: size.bytes, path: out };
}

/** A layer file plus its digests, kept beside it so a cached layer is never re-read to hash it. */
export interface LayerOptions {
  fixedMtime?: boolean;
  /** tar --exclude patterns, relative to the entries. */
  exclude?: string[];
}

export async function cachedLayer(layersDir: string, name: string, dir: string, entries: string[], options: LayerOptions = {}): Promise<LayerFile> {
  const out = path.join(layersDir, `${name}.tar.gz`);
  const meta = `${out}.json`;
  if (existsSync(meta) && existsSync(out)) return { ...(JSON.parse(await readFile(meta, 'utf8')) as LayerFile), path: out };
  await mkdir(layersDir, { recursive: true });
  const layer = await tarLayer(dir, entries, out, options);
  await writeFile(meta, JSON.stringify({ digest: layer.digest, diffId: layer.diffId, size: layer.size }));
  return layer;
}
