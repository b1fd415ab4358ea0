import type { EvidenceSummary, Reason, SignerIdentity } from '../policy/types.js';
import type { GateResult } from './gate-result.js';

/** The report of `--json` and the `report` output; fields are always present (null when unknown) so consumers can rely on the shape. */
export interface JsonReport {
  result: 'pass' | 'fail';
  images: {
    ref: string;
    digest: string | null;
    locations: { file: string; line: number }[];
    result: 'pass' | 'fail';
    signer: SignerIdentity | null;
    evidence: EvidenceSummary[];
    reasons: Reason[];
  }[];
}

export function toJsonReport(result: GateResult): JsonReport {
  return {
    result: result.result,
    images: result.images.map((image) => ({
      ref: image.ref,
      digest: image.digest ?? null,
      locations: image.locations.map(({ file, line }) => ({ file, line })),
      result: image.result,
      signer: image.signer ?? null,
      evidence: image.evidence.map(({ predicateType, source }) => ({ predicateType, source })),
      reasons: image.reasons,
    })),
  };
}
