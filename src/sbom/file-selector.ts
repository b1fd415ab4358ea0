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

/** Asks each interest in turn whether it wants a file; the first that does gets it. */
export class FileSelector {
  constructor(private readonly interests: readonly FileInterest<unknown>[]) {}

  select(file: CandidateFile): Selection | undefined {
    for (const interest of this.interests) {
      const capture = interest.capture(file);
      if (capture) return { interest, capture };
    }
    return undefined;
  }

  wantsLink(path: string): boolean {
    return this.interests.some((interest) => interest.wantsLink?.(path) === true);
  }

  wantsPath(path: string): boolean {
    return this.select({ path, size: 0, mode: 0o755 }) !== undefined;
  }
}
