export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const COSIGN_SIGNATURE = 'https://sigstore.dev/cosign/sign/v1';

const SPDX = ['https://spdx.dev/Document', 'https://spdx.dev/Document/v2.2', 'https://spdx.dev/Document/v2.3'];
const CYCLONEDX = ['https://cyclonedx.org/bom', 'https://cyclonedx.org/bom/v1.4', 'https://cyclonedx.org/bom/v1.5', 'https://cyclonedx.org/bom/v1.6'];

/** The short names a policy may use in `require`, and the predicate types each accepts. */
export const REQUIREMENT_NAMES: Record<string, string[]> = {
  provenance: [SLSA_PROVENANCE_V1],
  sbom: [...SPDX, ...CYCLONEDX],
  signature: [COSIGN_SIGNATURE],
};

const LABELS: Record<string, string> = {
  provenance: 'SLSA provenance v1',
  sbom: 'an SBOM (SPDX or CycloneDX)',
  signature: 'a cosign signature',
};

export function requirementLabel(name: string): string {
  return LABELS[name] ?? `an attestation of type ${name}`;
}

export function predicateTypeLabel(predicateType: string): string {
  if (predicateType === SLSA_PROVENANCE_V1) return 'SLSA provenance v1';
  if (SPDX.includes(predicateType)) return 'SPDX SBOM';
  if (CYCLONEDX.includes(predicateType)) return 'CycloneDX SBOM';
  if (predicateType === COSIGN_SIGNATURE) return 'cosign signature';
  return predicateType;
}
