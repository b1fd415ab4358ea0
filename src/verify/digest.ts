import { VerificationFailure } from './failure.js';

export interface Digest {
  algorithm: string;
  hex: string;
}

const HEX_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Parses `sha256:<hex>` (or sha384/sha512); anything else is a caller's mistake, said so. */
export function parseDigest(text: string): Digest {
  const match = /^([a-z0-9]+):([0-9a-fA-F]+)$/.exec(text);
  const algorithm = match?.[1];
  const hex = match?.[2]?.toLowerCase();
  if (algorithm === undefined || hex === undefined || HEX_LENGTHS[algorithm] !== hex.length) {
    throw new VerificationFailure('INPUT_INVALID', `digest ${JSON.stringify(text)} is not of the form sha256:<64 hex digits>`);
  }
  return { algorithm, hex };
}
