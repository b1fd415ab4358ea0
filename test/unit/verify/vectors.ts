import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The shared real-world vectors, read in place (never copied into the repository). */
export const vectorsDir = path.resolve(repoRoot, '..', 'shared', 'vectors');

export function vectorPath(relative: string): string {
  return path.join(vectorsDir, relative);
}

export function readVector(relative: string): string {
  return readFileSync(vectorPath(relative), 'utf8');
}

export function readVectorJson(relative: string): unknown {
  return JSON.parse(readVector(relative));
}

/** JSON Lines vectors (gh attestation download format): one bundle a line. */
export function readVectorLines(relative: string): unknown[] {
  return readVector(relative)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

export const PROD_ROOT = 'sigstore-python/prod.trusted_root.json';
