import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const ALGORITHMS: Record<string, number> = { sha256: 64, sha512: 128 };

export function isValidDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  const length = ALGORITHMS[digest.slice(0, colon)];
  return colon > 0 && length !== undefined && new RegExp(`^[a-f0-9]{${length}}$`).test(digest.slice(colon + 1));
}

export class DigestError extends Error {
  override readonly name = 'DigestError';
}

function algorithmOf(digest: string): string {
  if (!isValidDigest(digest)) throw new DigestError(`"${digest}" is not a sha256 or sha512 digest`);
  return digest.slice(0, digest.indexOf(':'));
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The digest of `bytes` in the algorithm `expected` uses, so any valid digest can be compared. */
export function digestLike(expected: string, bytes: Uint8Array): string {
  const algorithm = algorithmOf(expected);
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

export function verifyDigest(bytes: Uint8Array, expected: string): void {
  const actual = digestLike(expected, bytes);
  if (actual !== expected) throw new DigestError(`content has digest ${actual}, expected ${expected}`);
}

/** `sha256:abc…` → `sha256-abc…`: the tag schema for referrers and cosign's legacy tags. */
export function digestTag(digest: string): string {
  algorithmOf(digest);
  return digest.replace(':', '-');
}

export type ContentProblem = 'too-large' | 'truncated' | 'digest';

export interface VerifyingStreamOptions {
  digest: string;
  /** Exact size when known (from a descriptor); the stream fails on more or fewer bytes. */
  size?: number;
  /** Upper bound when the size is not known. */
  maxBytes?: number;
  /** Lets the caller turn a mismatch into its own error type. */
  makeError?: (problem: string, kind: ContentProblem) => Error;
}

/** Passes bytes through while hashing them; errors instead of ending when content, size or cap disagree. */
export class DigestVerifier extends Transform {
  private readonly hash: Hash;
  private readonly expected: string;
  private readonly size: number | undefined;
  private readonly maxBytes: number;
  private readonly makeError: (problem: string, kind: ContentProblem) => Error;
  private received = 0;

  constructor(options: VerifyingStreamOptions) {
    super();
    this.hash = createHash(algorithmOf(options.digest));
    this.expected = options.digest;
    this.size = options.size;
    this.maxBytes = Math.min(options.size ?? Number.POSITIVE_INFINITY, options.maxBytes ?? Number.POSITIVE_INFINITY);
    this.makeError = options.makeError ?? ((problem) => new DigestError(problem));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.maxBytes) {
      const limit = this.size !== undefined && this.size <= this.maxBytes ? `its size ${this.size}` : `the limit of ${this.maxBytes}`;
      callback(this.makeError(`content is larger than ${limit} bytes`, 'too-large'));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size !== undefined && this.received !== this.size) {
      callback(this.makeError(`content ended after ${this.received} of ${this.size} bytes`, 'truncated'));
      return;
    }
    const actual = `${this.expected.slice(0, this.expected.indexOf(':'))}:${this.hash.digest('hex')}`;
    if (actual !== this.expected) {
      callback(this.makeError(`content has digest ${actual}, expected ${this.expected}`, 'digest'));
      return;
    }
    callback();
  }
}
