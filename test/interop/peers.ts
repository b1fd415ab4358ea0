import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLab } from '../lab/context.js';
import type { RegistryInfo } from '../lab/context.js';
import type { LabImage } from '../lab/lab-info.js';
import type { FreshImage } from '../integration/fresh-image.js';
import { peerBinary } from '../lab/cache.js';

export type Peer = 'cosign' | 'gh' | 'crane' | 'registry';

const binDir = path.dirname(peerBinary('cosign'));

/** The peer binary scripts/install-peers.sh builds; a missing one fails the test, CI must have it. */
export function peerPath(name: Peer): string {
  const file = path.join(binDir, name);
  try {
    accessSync(file, constants.X_OK);
  } catch {
    throw new Error(`${file} is missing: run scripts/install-peers.sh (it builds cosign, gh, crane and registry with go install)`);
  }
  return file;
}

/** The version scripts/install-peers.sh recorded beside the binary (`module@vX.Y.Z`). */
export function peerVersion(name: Peer): string {
  peerPath(name);
  return readFileSync(path.join(binDir, `.${name}.version`), 'utf8').trim().split('@').at(-1)!;
}

export interface PeerResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a peer with only what the lab gives it: registry credentials through DOCKER_CONFIG and a
 * fresh HOME, so no cached TUF root, token or config of this machine leaks into the result.
 */
export async function runPeer(name: Peer, args: string[], env: Record<string, string> = {}): Promise<PeerResult> {
  const home = await mkdtemp(path.join(tmpdir(), `${name}-home-`));
  const child = spawn(peerPath(name), args, {
    env: { PATH: process.env.PATH ?? '', HOME: home, DOCKER_CONFIG: getLab().dockerConfigDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  return { exitCode, stdout, stderr };
}

/** The SAN real Fulcio gives the lab's default workflow token. */
export const RELEASE_IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

/** Copies a lab image into a repository of another lab registry with crane (freshImage copies within the 2.8 one). */
export async function copyToRegistry(image: LabImage, to: RegistryInfo, repository: string): Promise<FreshImage> {
  const reference = `${to.host}/${repository}:1.0`;
  const result = await runPeer('crane', ['copy', image.reference, reference]);
  if (result.exitCode !== 0) throw new Error(`crane copy ${image.reference} ${reference} failed: ${result.stderr}`);
  return { repository, reference, digestReference: `${to.host}/${repository}@${image.digest}`, digest: image.digest, platformDigests: [] };
}

/** The lab's trusted root as JSON Lines (one compact root a line), the only form `gh --custom-trusted-root` reads. */
export async function trustedRootLines(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'root-')), 'trusted_root.jsonl');
  await writeFile(file, `${JSON.stringify(JSON.parse(await readFile(getLab().sigstore.trustedRootPath, 'utf8')))}\n`);
  return file;
}
