import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** GNU time (Debian package `time`) reports the child's peak RSS, which Node cannot see for another process. */
const GNU_TIME = '/usr/bin/time';

export interface Measured {
  seconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

export function requireGnuTime(): void {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: install the Debian package "time" (apt-get install -y time) to measure peak RSS`);
}

function parsePeakRssMb(report: string): number {
  const kbytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
  if (!kbytes) throw new Error(`GNU time printed no peak RSS: ${report.trim().split('\n').slice(-3).join(' | ')}`);
  return Number(kbytes) / 1024;
}

/** Runs a command to completion under GNU time; a non-zero exit is an error naming the command and its last output. */
export async function measure(label: string, command: string, args: string[], env: Record<string, string>, options: { cwd?: string } = {}): Promise<Measured> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-time-'));
  const reportFile = path.join(dir, 'time.txt');
  try {
    const started = process.hrtime.bigint();
    const child = spawn(GNU_TIME, ['-v', '-o', reportFile, command, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (code !== 0) throw new Error(`${label} failed (exit ${code}): ${(stderr || stdout).trim().split('\n').slice(-5).join(' | ')}`);
    return { seconds, peakRssMb: parsePeakRssMb(await readFile(reportFile, 'utf8')), stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
