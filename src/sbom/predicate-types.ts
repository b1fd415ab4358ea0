export type SbomFormat = 'spdx-json' | 'cyclonedx-json';

export const SBOM_FORMATS: readonly SbomFormat[] = ['spdx-json', 'cyclonedx-json'];

// The predicate types actions/attest writes for SBOM attestations.
export const SPDX_PREDICATE_TYPE = 'https://spdx.dev/Document/v2.3';
export const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';

export function predicateTypeFor(format: SbomFormat): string {
  return format === 'spdx-json' ? SPDX_PREDICATE_TYPE : CYCLONEDX_PREDICATE_TYPE;
}
