import type { Readable } from 'node:stream';
import type { OperatingSystem, Package } from '../package.js';

/** A file as the tar entry describes it, before any of its bytes are read. */
export interface CandidateFile {
  /** absolute and normalised inside the image, e.g. /var/lib/dpkg/status */
  path: string;
  size: number;
  mode: number;
}

/** Keep the whole file (up to `maxBytes`) and reduce it at once to a small record. */
export interface WholeFileCapture<R> {
  kind: 'whole';
  maxBytes: number;
  parse(content: Buffer, path: string): R | undefined;
}

/** Read the file as it streams and keep only what `scan` extracts; the stream must be read to its end. */
export interface StreamCapture<R> {
  kind: 'scan';
  scan(stream: Readable, file: CandidateFile): Promise<R | undefined>;
}

export type Capture<R> = WholeFileCapture<R> | StreamCapture<R>;

/** Something that wants certain files of the squashed filesystem. */
export interface FileInterest<R> {
  id: string;
  capture(file: CandidateFile): Capture<R> | undefined;
  /** symlinks the interest needs followed at the end, e.g. /etc/os-release -> ../usr/lib/os-release */
  wantsLink?(path: string): boolean;
}

export interface FoundRecord<R> {
  path: string;
  layerDigest: string;
  record: R;
}

export interface CatalogContext {
  os?: OperatingSystem;
  warnings: string[];
  /** this cataloguer's record of `path` in the squashed view, following recorded symlinks */
  lookup(path: string): FoundRecord<unknown> | undefined;
}

export interface Cataloger<R> extends FileInterest<R> {
  packages(found: FoundRecord<R>[], context: CatalogContext): Package[];
}
