/** Predicate types as @actions/attest and `gh attestation verify` name them. */
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const SPDX_DOCUMENT_V2_3 = 'https://spdx.dev/Document/v2.3';
export const CYCLONEDX_BOM = 'https://cyclonedx.org/bom';
