import type { Capture, CandidateFile, FileInterest } from './catalogers/cataloger.js';

export type EntryPath = { path: string } | { unsafe: string };

/**
 * Tar names are relative ("./usr/bin/x", "usr/bin/x"); a name with a `..` component could point
 * outside the image root in an extractor, so it is refused rather than resolved.
 */
export function normalizeEntryPath(rawName: string): EntryPath {
  const parts = rawName.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) return { unsafe: `tar entry "${rawName}" has a ".." component` };
  return { path: `/${parts.join('/')}` };
}

export interface Selection {
  interest: FileInterest<unknown>;
  capture: Capture<unknown>;
}

/**
 * Asks every interest whether it wants a file; all that do get it, in one pass over its bytes
 * (an executable may be a Go or a Rust binary, a jar may be executable).
 */
export class FileSelector {
  constructor(private readonly interests: readonly FileInterest<unknown>[]) {}

  select(file: CandidateFile): Selection[] {
    const selections: Selection[] = [];
    for (const interest of this.interests) {
      const capture = interest.capture(file);
      if (capture) selections.push({ interest, capture });
    }
    return selections;
  }

  wantsLink(path: string): boolean {
    return this.interests.some((interest) => interest.wantsLink?.(path) === true);
  }

  wantsPath(path: string): boolean {
    return this.select({ path, size: 0, mode: 0o755 }).length > 0;
  }
}
