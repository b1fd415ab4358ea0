import type { LabInfo } from './lab-info.js';

/** `image-passport sign` through the lab's Sigstore, stored in the registry only, for tests and the bench. */
export function labSignArgs(sigstore: LabInfo['sigstore'], digestReference: string, out: string, sbom: 'generate' | 'none' = 'none'): string[] {
  return [
    'sign',
    '--image',
    digestReference,
    '--sbom',
    sbom,
    '--fulcio-url',
    sigstore.fulcioURL,
    '--rekor-url',
    sigstore.rekorURL,
    '--tsa-url',
    sigstore.tsaURL,
    '--no-github-attestations',
    '--out',
    out,
    '--json',
  ];
}
