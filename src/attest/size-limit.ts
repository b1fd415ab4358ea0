/** GitHub's attestations API refuses a bundle over 16 MiB. */
export const GITHUB_BUNDLE_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * What a DSSE bundle adds around the base64 payload: the leaf certificate, a Rekor entry with its
 * canonicalised body and inclusion proof, RFC 3161 timestamps, the signature. Real bundles carry
 * 5-10 KiB; the margin is generous so a statement that passes here never fails at GitHub.
 */
const BUNDLE_OVERHEAD_BYTES = 64 * 1024;

export interface SizeCheck {
  estimatedBundleBytes: number;
  fitsGitHub: boolean;
}

/** Decided before signing, so an oversized SBOM is signed once and stored in the registry only. */
export function checkGitHubBundleSize(statementBytes: number): SizeCheck {
  const estimatedBundleBytes = Math.ceil(statementBytes / 3) * 4 + BUNDLE_OVERHEAD_BYTES;
  return { estimatedBundleBytes, fitsGitHub: estimatedBundleBytes <= GITHUB_BUNDLE_LIMIT_BYTES };
}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
