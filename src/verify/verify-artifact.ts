import { createHash, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Bundle } from './bundle.js';
import { parseDigest } from './digest.js';
import type { Digest } from './digest.js';
import { VerificationFailure } from './failure.js';
import { verifyBundleSignature } from './sigstore-verification.js';
import type { VerifiedSigner } from './sigstore-verification.js';
import { hasSubjectDigest, parseStatement } from './statement.js';
import type { LoadedTrust } from './trust-root.js';

export interface ArtifactVerification {
  bundle: Bundle;
  /** The artifact's bytes, or `digest` (`sha256:<hex>`) when only its digest is known. */
  artifact?: Uint8Array;
  digest?: string;
  /** The certificate's SAN, compared exactly. Not used with `key`. */
  identity?: string;
  /** The OIDC issuer extension, compared exactly. Not used with `key`. */
  issuer?: string;
  /** A managed public key (PEM or KeyObject) for bundles signed without Fulcio. */
  key?: string | KeyObject;
  trust: LoadedTrust;
}

/**
 * Verifies a bundle over one artifact the way `cosign verify-blob` / sigstore-conformance's
 * `verify-bundle` do: message signatures over the artifact, DSSE statements naming it as a subject.
 */
export function verifyArtifactBundle(request: ArtifactVerification): VerifiedSigner {
  const { bundle } = request;
  if ((request.artifact === undefined) === (request.digest === undefined)) {
    throw new VerificationFailure('INPUT_INVALID', 'give exactly one of an artifact or a sha256:<hex> digest');
  }
  const digest = request.digest === undefined ? undefined : parseDigest(request.digest);
  const key = request.key === undefined ? undefined : toKey(request.key);
  if (key === undefined && (request.identity === undefined || request.issuer === undefined)) {
    throw new VerificationFailure('INPUT_INVALID', 'keyless verification needs both the certificate identity and the OIDC issuer');
  }

  const verified = verifyBundleSignature(bundle, request.trust, { artifact: request.artifact, digest, key });
  if (key === undefined) checkIdentity(verified, request.identity!, request.issuer!);
  else if (verified.signer.kind !== 'public-key') {
    throw new VerificationFailure('KEY_UNTRUSTED', 'a key was given, but the bundle is signed with a certificate, not that key');
  }
  if (bundle.content.$case === 'dsseEnvelope') {
    const subject = digest ?? sha256Of(request.artifact!);
    const envelope = bundle.content.dsseEnvelope;
    if (!hasSubjectDigest(parseStatement(envelope.payloadType, envelope.payload), subject.algorithm, subject.hex)) {
      throw new VerificationFailure('SUBJECT_MISMATCH', `no subject of the attestation has ${subject.algorithm}:${subject.hex}`);
    }
  }
  return verified.signer;
}

function toKey(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') return key;
  try {
    return createPublicKey(key);
  } catch (error) {
    throw new VerificationFailure('INPUT_INVALID', `the given key is not a PEM public key (${(error as Error).message})`);
  }
}

function checkIdentity(verified: { signer: VerifiedSigner }, identity: string, issuer: string): void {
  if (verified.signer.kind !== 'certificate') {
    throw new VerificationFailure('KEY_UNTRUSTED', 'the bundle is signed with a managed key; verify it with that key instead of an identity');
  }
  const signer = verified.signer.identity;
  if (signer.subjectAlternativeName !== identity) {
    throw new VerificationFailure('IDENTITY_MISMATCH', `the certificate identity is ${JSON.stringify(signer.subjectAlternativeName)}, expected ${JSON.stringify(identity)}`);
  }
  if (signer.issuer !== issuer) {
    throw new VerificationFailure('IDENTITY_MISMATCH', `the certificate's OIDC issuer is ${JSON.stringify(signer.issuer)}, expected ${JSON.stringify(issuer)}`);
  }
}

function sha256Of(artifact: Uint8Array): Digest {
  return { algorithm: 'sha256', hex: createHash('sha256').update(artifact).digest('hex') };
}
