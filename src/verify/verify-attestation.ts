import type { Bundle } from './bundle.js';
import type { SignerIdentity } from './certificate-identity.js';
import { parseDigest } from './digest.js';
import { VerificationFailure } from './failure.js';
import { verifyBundleSignature } from './sigstore-verification.js';
import type { VerifiedTimestamp } from './sigstore-verification.js';
import { hasSubjectDigest, parseStatement } from './statement.js';
import type { InTotoStatement } from './statement.js';
import type { LoadedTrust } from './trust-root.js';

export interface VerifiedAttestation {
  signer: SignerIdentity;
  statement: InTotoStatement;
  bundleMediaType: string;
  timestamps: VerifiedTimestamp[];
}

export interface AttestationOptions {
  /** `sha256:<hex>`: one of the statement's subjects must carry it. */
  expectedDigest?: string;
}

/**
 * Verifies a keyless (Fulcio certificate) DSSE attestation bundle and returns who signed it and
 * what it says. Identity policy is the caller's; this proves only that the signature is sound.
 */
export function verifyAttestationBundle(bundle: Bundle, trust: LoadedTrust, options: AttestationOptions = {}): VerifiedAttestation {
  const expected = options.expectedDigest === undefined ? undefined : parseDigest(options.expectedDigest);
  if (bundle.content.$case !== 'dsseEnvelope') {
    throw new VerificationFailure('STATEMENT_INVALID', 'the bundle holds a message signature, not a DSSE attestation');
  }
  const verified = verifyBundleSignature(bundle, trust);
  if (verified.signer.kind !== 'certificate') {
    throw new VerificationFailure('CERTIFICATE_UNTRUSTED', 'the attestation is signed with a managed key, not a Fulcio certificate, so it names no signer');
  }
  const envelope = bundle.content.dsseEnvelope;
  const statement = parseStatement(envelope.payloadType, envelope.payload);
  if (expected !== undefined && !hasSubjectDigest(statement, expected.algorithm, expected.hex)) {
    const found = statement.subject.map((subject) => Object.entries(subject.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`).join(',')).join('; ');
    throw new VerificationFailure('SUBJECT_MISMATCH', `the attestation is about ${found}, not ${expected.algorithm}:${expected.hex}`);
  }
  return { signer: verified.signer.identity, statement, bundleMediaType: bundle.mediaType, timestamps: verified.timestamps };
}
