/**
 * Why a bundle did not verify. Callers branch on `code`; `message` is one line for a human and
 * keeps the detail sigstore-js gave.
 */
export type FailureCode =
  | 'BUNDLE_MALFORMED'
  | 'BUNDLE_UNSUPPORTED'
  | 'CERTIFICATE_MALFORMED'
  | 'CERTIFICATE_UNTRUSTED'
  | 'KEY_UNTRUSTED'
  | 'SIGNATURE_INVALID'
  | 'TLOG_INVALID'
  | 'TLOG_MISSING'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_MISSING'
  | 'STATEMENT_INVALID'
  | 'SUBJECT_MISMATCH'
  | 'ARTIFACT_MISMATCH'
  | 'IDENTITY_MISMATCH'
  | 'INPUT_INVALID';

export class VerificationFailure extends Error {
  readonly code: FailureCode;

  constructor(code: FailureCode, message: string) {
    super(oneLine(message));
    this.name = 'VerificationFailure';
    this.code = code;
  }
}

/** A trusted root that cannot be used: a configuration error, not a verdict on a bundle. */
export class TrustRootError extends Error {
  constructor(message: string) {
    super(oneLine(message));
    this.name = 'TrustRootError';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
