import { readFile } from 'node:fs/promises';
import type { FoundBundle } from './types.js';

/** A bundle file given by the user, parsed once; which digest it is for is known after verification. */
export interface LocalBundle {
  file: string;
  bundle: unknown;
}

/** Reads Sigstore bundles from JSON files (one bundle) or JSON Lines files (one bundle a line). */
export async function readBundleFiles(files: string[]): Promise<LocalBundle[]> {
  const bundles: LocalBundle[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`${file}: cannot read the bundle file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    bundles.push(...parseBundleText(file, text));
  }
  return bundles;
}

function parseBundleText(file: string, text: string): LocalBundle[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error(`${file}: the bundle file is empty`);
  try {
    return [{ file, bundle: JSON.parse(trimmed) }];
  } catch {
    return trimmed
      .split('\n')
      .map((line, index) => ({ line: line.trim(), number: index + 1 }))
      .filter(({ line }) => line !== '')
      .map(({ line, number }) => {
        try {
          return { file: `${file}:${number}`, bundle: JSON.parse(line) };
        } catch {
          throw new Error(`${file}:${number}: not JSON; a bundle file holds one bundle as JSON or one bundle a line (JSONL)`);
        }
      });
  }
}

/** Local bundles are offered as evidence for every digest; verification keeps those whose subject matches. */
export function localEvidenceFor(digest: string, bundles: LocalBundle[]): FoundBundle[] {
  return bundles.map(({ file, bundle }) => ({ source: 'local', forDigest: digest, location: file, bundle }));
}
