import { createHash, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { X509Certificate, dsse } from '@sigstore/core';
import { PolicyError, Verifier, VerificationError, toSignedEntity } from '@sigstore/verify';
import type { SignedEntity, TrustMaterial } from '@sigstore/verify';
import type { Bundle } from './bundle.js';
import { signerIdentityFromCertificate } from './certificate-identity.js';
import type { SignerIdentity } from './certificate-identity.js';
import type { Digest } from './digest.js';
import { VerificationFailure } from './failure.js';
import type { FailureCode } from './failure.js';
import { distinguishedName } from './distinguished-name.js';
import { verifyPrehashedSignature } from './prehashed-signature.js';
import type { LoadedTrust, TrustRoot } from './trust-root.js';

export interface VerifiedTimestamp {
  kind: 'tlog' | 'tsa';
  time: Date;
  logIndex?: string;
}

export type VerifiedSigner = { kind: 'certificate'; identity: SignerIdentity } | { kind: 'public-key'; hint: string };

export interface VerifiedSignature {
  signer: VerifiedSigner;
  timestamps: VerifiedTimestamp[];
}

/** What a message signature is checked against; DSSE bundles sign their own payload and need neither. */
export interface SignedContent {
  artifact?: Uint8Array;
  digest?: Digest;
  /** A managed key (conformance `key.pub`): bundles that name a key hint verify with it. */
  key?: KeyObject;
}

const MESSAGE_HASHES: Partial<Record<HashAlgorithm, string>> = {
  [HashAlgorithm.SHA2_256]: 'sha256',
  [HashAlgorithm.SHA2_384]: 'sha384',
  [HashAlgorithm.SHA2_512]: 'sha512',
};

/**
 * Runs sigstore-js verification (certificate chain, SCTs, transparency log, timestamps, signature)
 * with thresholds taken from the root, and turns every failure into a VerificationFailure.
 */
export function verifyBundleSignature(bundle: Bundle, trust: LoadedTrust, content: SignedContent = {}): VerifiedSignature {
  const leaf = leafCertificate(bundle);
  const root = selectRoot(trust, leaf);
  const material = content.key === undefined ? root.material : withManagedKey(root.material, content.key);
  const entity = adaptEntity(bundle, signedEntity(bundle, content.artifact), content);

  checkSignature(bundle, entity, material, leaf);
  const tsaCount = entity.timestamps.filter((timestamp) => timestamp.$case === 'timestamp-authority').length;
  if (root.thresholds.requireTsaTimestamp && tsaCount === 0) {
    throw new VerificationFailure('TIMESTAMP_MISSING', `the bundle has no RFC 3161 timestamp, which ${trust.source} requires (it has no transparency log)`);
  }
  const verifier = new Verifier(material, {
    tlogThreshold: root.thresholds.tlog,
    ctlogThreshold: root.thresholds.ctlog,
    timestampThreshold: root.thresholds.timestamp,
  });
  try {
    verifier.verify(entity);
  } catch (error) {
    throw toFailure(error, trust.source);
  }
  return {
    signer: leaf === undefined ? { kind: 'public-key', hint: publicKeyHint(bundle) } : { kind: 'certificate', identity: signerIdentityFromCertificate(leaf) },
    timestamps: verifiedTimestamps(entity),
  };
}

function leafCertificate(bundle: Bundle): X509Certificate | undefined {
  const material = bundle.verificationMaterial.content;
  const der =
    material.$case === 'certificate'
      ? material.certificate.rawBytes
      : material.$case === 'x509CertificateChain'
        ? material.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  if (der === undefined) return undefined;
  try {
    return X509Certificate.parse(Buffer.from(der));
  } catch (error) {
    throw new VerificationFailure('CERTIFICATE_MALFORMED', `the bundle's signing certificate is not valid DER (${(error as Error).message})`);
  }
}

function publicKeyHint(bundle: Bundle): string {
  const material = bundle.verificationMaterial.content;
  return material.$case === 'publicKey' ? material.publicKey.hint : '';
}

// With several roots (gh attestation trusted-root prints public-good and GitHub's), use the one whose CA issued the leaf.
// A leaf from a CA the trust lacks fails here, by name, before sigstore-js reports a lesser symptom (an unknown TSA).
function selectRoot(trust: LoadedTrust, leaf: X509Certificate | undefined): TrustRoot {
  if (leaf === undefined) return trust.roots[0]!;
  const issuer = leaf.issuer;
  const match = trust.roots.find((root) => root.caSubjects.some((subject) => subject.equals(issuer)));
  if (match === undefined) {
    throw new VerificationFailure('CERTIFICATE_UNTRUSTED', `the signing certificate was issued by ${distinguishedName(issuer)}, which is not a certificate authority in ${trust.source}; pass the trusted root of the instance that issued it`);
  }
  return match;
}

function withManagedKey(material: TrustMaterial, key: KeyObject): TrustMaterial {
  return { ...material, publicKey: () => ({ publicKey: key, validFor: () => true }) };
}

function signedEntity(bundle: Bundle, artifact: Uint8Array | undefined): SignedEntity {
  try {
    return toSignedEntity(bundle, artifact === undefined ? undefined : Buffer.from(artifact));
  } catch (error) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `the bundle cannot be read for verification (${(error as Error).message})`);
  }
}

function adaptEntity(bundle: Bundle, entity: SignedEntity, content: SignedContent): SignedEntity {
  if (bundle.content.$case === 'dsseEnvelope') {
    const envelope = bundle.content.dsseEnvelope;
    // Rekor v2 logs a DSSE envelope as a hashedrekord over its PAE; sigstore-js 3.1 compares the payload hash.
    if (bundle.verificationMaterial.tlogEntries.length > 0 && bundle.verificationMaterial.tlogEntries.every((entry) => entry.kindVersion?.kind === 'hashedrekord')) {
      const paeDigest = createHash('sha256').update(dsse.preAuthEncoding(envelope.payloadType, envelope.payload)).digest();
      const signature = entity.signature;
      return { ...entity, signature: { ...delegate(signature), compareDigest: (digest: Buffer) => paeDigest.equals(digest) } };
    }
    return entity;
  }
  const message = bundle.content.messageSignature;
  const algorithm = message.messageDigest ? MESSAGE_HASHES[message.messageDigest.algorithm] : undefined;
  if (algorithm === undefined) {
    throw new VerificationFailure('BUNDLE_UNSUPPORTED', 'the message signature names no supported digest algorithm (sha256, sha384, sha512)');
  }
  const bundleDigest = Buffer.from(message.messageDigest!.digest);
  if (content.artifact !== undefined) {
    const actual = createHash(algorithm).update(content.artifact).digest();
    if (!actual.equals(bundleDigest)) {
      throw new VerificationFailure('ARTIFACT_MISMATCH', `the artifact's ${algorithm} is ${actual.toString('hex')}; the bundle signs ${bundleDigest.toString('hex')}`);
    }
    return entity;
  }
  if (content.digest === undefined) {
    throw new VerificationFailure('INPUT_INVALID', 'a message-signature bundle is verified against an artifact or its digest; neither was given');
  }
  if (content.digest.algorithm !== algorithm || content.digest.hex !== bundleDigest.toString('hex')) {
    throw new VerificationFailure('ARTIFACT_MISMATCH', `the given digest ${content.digest.algorithm}:${content.digest.hex} is not the one the bundle signs (${algorithm}:${bundleDigest.toString('hex')})`);
  }
  const signature = entity.signature;
  return {
    ...entity,
    signature: { ...delegate(signature), verifySignature: (key: KeyObject) => verifyPrehashedSignature(key, algorithm, bundleDigest, signature.signature) },
  };
}

function delegate(signature: SignedEntity['signature']): SignedEntity['signature'] {
  return {
    signature: signature.signature,
    compareSignature: (other) => signature.compareSignature(other),
    compareDigest: (digest) => signature.compareDigest(digest),
    verifySignature: (key) => signature.verifySignature(key),
  };
}

// Checked before the log so that a payload changed after signing reads as a bad signature, not a log mismatch.
function checkSignature(bundle: Bundle, entity: SignedEntity, material: TrustMaterial, leaf: X509Certificate | undefined): void {
  let key: KeyObject;
  if (leaf !== undefined) {
    key = createPublicKey({ key: leaf.publicKey, format: 'der', type: 'spki' });
  } else {
    try {
      key = material.publicKey(publicKeyHint(bundle)).publicKey;
    } catch {
      throw new VerificationFailure('KEY_UNTRUSTED', `the bundle is signed with a managed key (hint ${JSON.stringify(publicKeyHint(bundle))}) and no key was given to verify it`);
    }
  }
  let valid: boolean;
  try {
    valid = entity.signature.verifySignature(key);
  } catch (error) {
    throw new VerificationFailure('SIGNATURE_INVALID', `the signature cannot be checked (${(error as Error).message})`);
  }
  if (!valid) {
    const signed = bundle.content.$case === 'dsseEnvelope' ? 'the DSSE payload (changed after signing?)' : 'the artifact';
    throw new VerificationFailure('SIGNATURE_INVALID', `the signature does not verify over ${signed} with the ${leaf === undefined ? 'given key' : "signing certificate's key"}`);
  }
}

function toFailure(error: unknown, source: string): VerificationFailure {
  if (error instanceof VerificationFailure) return error;
  if (error instanceof VerificationError || error instanceof PolicyError) {
    const code = mapCode(error.code, error.message);
    return new VerificationFailure(code, `${describe(code, source)}: ${error.message} (sigstore-js ${error.code})`);
  }
  return new VerificationFailure('BUNDLE_MALFORMED', `the bundle could not be verified (${(error as Error).message ?? String(error)})`);
}

function mapCode(code: string, message: string): FailureCode {
  if (code === 'SIGNATURE_ERROR') return 'SIGNATURE_INVALID';
  if (code === 'CERTIFICATE_ERROR') return 'CERTIFICATE_UNTRUSTED';
  if (code === 'PUBLIC_KEY_ERROR') return 'KEY_UNTRUSTED';
  if (code === 'TIMESTAMP_ERROR') return /^expected \d+ timestamps/.test(message) ? 'TIMESTAMP_MISSING' : 'TIMESTAMP_INVALID';
  if (code === 'TLOG_ERROR' || code === 'TLOG_MISSING_INCLUSION_ERROR') return 'TLOG_MISSING';
  if (code.startsWith('TLOG_')) return 'TLOG_INVALID';
  return 'SIGNATURE_INVALID';
}

function describe(code: FailureCode, source: string): string {
  switch (code) {
    case 'CERTIFICATE_UNTRUSTED':
      return `the signing certificate is not trusted by ${source}`;
    case 'KEY_UNTRUSTED':
      return 'the signing key is not trusted';
    case 'TIMESTAMP_MISSING':
      return `the bundle lacks a timestamp ${source} trusts`;
    case 'TIMESTAMP_INVALID':
      return `a timestamp does not verify against ${source}`;
    case 'TLOG_MISSING':
      return `the bundle lacks the transparency log proof ${source} requires`;
    case 'TLOG_INVALID':
      return `the transparency log entry does not verify against ${source}`;
    default:
      return 'the signature does not verify';
  }
}

function verifiedTimestamps(entity: SignedEntity): VerifiedTimestamp[] {
  // Only an entry with an inclusion promise (SET) vouches for its integrated time.
  return entity.timestamps.flatMap((timestamp): VerifiedTimestamp[] => {
    if (timestamp.$case === 'timestamp-authority') return [{ kind: 'tsa', time: timestamp.timestamp.signingTime }];
    const entry = timestamp.tlogEntry;
    return entry.inclusionPromise === undefined ? [] : [{ kind: 'tlog', time: new Date(Number(entry.integratedTime) * 1000), logIndex: entry.logIndex }];
  });
}
