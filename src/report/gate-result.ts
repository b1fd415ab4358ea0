import type { EvidenceSummary, Mode, Reason, SignerIdentity } from '../policy/types.js';

export interface ImageLocation {
  file: string;
  line: number;
  column: number;
}

/** One distinct image reference of the manifests, with every place it is written. */
export interface ImageResult {
  ref: string;
  digest?: string;
  locations: ImageLocation[];
  result: 'pass' | 'fail';
  signer?: SignerIdentity;
  evidence: EvidenceSummary[];
  reasons: Reason[];
}

export interface GateResult {
  /** The run's outcome; the report reads denials from `images`, so audit mode may say pass here. */
  result: 'pass' | 'fail';
  mode: Mode;
  policyDescription: string[];
  images: ImageResult[];
}
