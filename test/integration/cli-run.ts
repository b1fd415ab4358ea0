import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLab, workflowEnv } from '../lab/context.js';
import type { Claims } from '../lab/context.js';
import { labSignArgs } from '../lab/sign-args.js';
import type { FreshImage } from './fresh-image.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(repoRoot, 'dist', 'cli', 'index.js');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI on this machine's Node, as `npx image-passport` would. */
export async function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input ?? '');
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { exitCode, stdout, stderr };
}

/** Signs an image through the lab's Sigstore as a workflow with these claims would. */
export async function signAs(image: FreshImage, claims: Claims, options: { sbom?: 'generate' | 'none' } = {}): Promise<CliResult> {
  const lab = getLab();
  const out = await mkdtemp(path.join(tmpdir(), 'signed-'));
  const result = await runCli(labSignArgs(lab.sigstore, image.digestReference, out, options.sbom), await workflowEnv(claims));
  if (result.exitCode !== 0) throw new Error(`signing ${image.reference} failed: ${result.stderr}`);
  return result;
}
