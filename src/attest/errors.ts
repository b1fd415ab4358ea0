/**
 * Every failure of the attest steps carries a code the sign entry point can branch on
 * (warn versus fail) and a message that is already the one line the user sees.
 */
export type AttestErrorCode =
  | 'invalid-input'
  | 'oidc-missing'
  | 'oidc-failed'
  | 'provenance-failed'
  | 'endpoint-invalid'
  | 'fulcio-unreachable'
  | 'fulcio-refused'
  | 'rekor-unreachable'
  | 'rekor-refused'
  | 'tsa-unreachable'
  | 'tsa-refused'
  | 'certificate-expired'
  | 'signing-failed';

export class AttestError extends Error {
  override readonly name = 'AttestError';
  readonly code: AttestErrorCode;

  constructor(code: AttestErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Collapses a cause to one line: service errors sometimes carry multi-line bodies. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
