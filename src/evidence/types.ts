/** Where a bundle was found; reported beside each piece of evidence. */
export type EvidenceSource = 'referrers' | 'cosign-att' | 'cosign-sig' | 'github-api' | 'local';

/** A Sigstore bundle found for one digest, not yet verified. */
export interface FoundBundle {
  source: EvidenceSource;
  /** The digest whose evidence was looked up (an index or a platform manifest). */
  forDigest: string;
  /** Where exactly, for messages: a referrer manifest digest, an API URL, a file name. */
  location: string;
  bundle: unknown;
  /** A cosign `.sig` signature is a message signature over this simple-signing payload, which names the image. */
  signedPayload?: Buffer;
}

/** A source that could not be read. Kept so a denial can say why evidence is missing. */
export interface EvidenceError {
  source: EvidenceSource;
  forDigest: string;
  message: string;
}

export interface FoundEvidence {
  bundles: FoundBundle[];
  errors: EvidenceError[];
}
