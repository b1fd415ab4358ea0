import { createHash, X509Certificate } from 'node:crypto';
import type { RegistryClient } from '../oci/client.js';
import { COSIGN_BUNDLE_ANNOTATION, COSIGN_CERTIFICATE_ANNOTATION, COSIGN_CHAIN_ANNOTATION, COSIGN_SIGNATURE_ANNOTATION, cosignTag, readCosignTag } from '../oci/cosign-tags.js';
import type { CosignLayer, CosignTagKind } from '../oci/cosign-tags.js';
import type { ImageReference } from '../oci/reference.js';
import { VerificationFailure } from '../verify/index.js';
import type { FoundBundle, FoundEvidence } from './types.js';

const BUNDLE_V01 = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
const SOURCE = { att: 'cosign-att', sig: 'cosign-sig' } as const;

/** What cosign writes in `dev.sigstore.cosign/bundle`: the Rekor entry and its signed entry timestamp. */
interface RekorBundleAnnotation {
  SignedEntryTimestamp?: unknown;
  Payload?: { body?: unknown; integratedTime?: unknown; logIndex?: unknown; logID?: unknown };
}

/**
 * cosign's legacy `.att` (DSSE envelopes) or `.sig` (simple-signing payloads) tag for a digest, each
 * layer rebuilt as the v0.1 Sigstore bundle it amounts to, so one verifier checks all evidence.
 * A layer that cannot be rebuilt (a key-signed one, one never logged in Rekor) is an error, not a bundle.
 */
export async function bundlesFromCosignTag(registry: RegistryClient, ref: ImageReference, digest: string, kind: CosignTagKind): Promise<FoundEvidence> {
  const found: FoundEvidence = { bundles: [], errors: [] };
  const layers = await readCosignTag(registry, ref, digest, kind);
  layers.forEach((layer, index) => {
    const location = `cosign tag ${cosignTag(digest, kind)} layer ${index + 1} (${layer.descriptor.digest})`;
    try {
      found.bundles.push(cosignLayerToFoundBundle(layer, kind, digest, location));
    } catch (error) {
      if (!(error instanceof VerificationFailure)) throw error;
      found.errors.push({ source: SOURCE[kind], forDigest: digest, message: `${location}: ${error.message}` });
    }
  });
  return found;
}

/** One layer of a cosign tag as a v0.1 bundle: the certificate (and chain), the Rekor entry with its SET, the signature. */
export function cosignLayerToFoundBundle(layer: CosignLayer, kind: CosignTagKind, forDigest: string, location: string): FoundBundle {
  const bundle = {
    mediaType: BUNDLE_V01,
    verificationMaterial: {
      x509CertificateChain: { certificates: certificatesOf(layer.annotations).map((der) => ({ rawBytes: der.toString('base64') })) },
      tlogEntries: [tlogEntryOf(layer.annotations)],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    ...(kind === 'att' ? { dsseEnvelope: envelopeOf(layer.payload) } : { messageSignature: messageSignatureOf(layer) }),
  };
  return kind === 'att'
    ? { source: SOURCE.att, forDigest, location, bundle }
    : { source: SOURCE.sig, forDigest, location, bundle, signedPayload: layer.payload };
}

/**
 * The image digest a simple-signing payload (`cosign container image signature`) vouches for.
 * Read only after the signature over the payload verified.
 */
export function simpleSigningSubject(payload: Uint8Array): string {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch (error) {
    throw new VerificationFailure('STATEMENT_INVALID', `the cosign signature payload is not JSON (${(error as Error).message})`);
  }
  const critical = (json as { critical?: { type?: unknown; image?: { 'docker-manifest-digest'?: unknown } } } | null)?.critical;
  const digest = critical?.image?.['docker-manifest-digest'];
  if (critical?.type !== 'cosign container image signature' || typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new VerificationFailure('STATEMENT_INVALID', 'the cosign signature payload is not a simple-signing payload with critical.image.docker-manifest-digest');
  }
  return digest;
}

function certificatesOf(annotations: Record<string, string>): Buffer[] {
  const leaf = pemCertificates(annotations[COSIGN_CERTIFICATE_ANNOTATION] ?? '');
  if (leaf.length === 0) {
    throw new VerificationFailure('KEY_UNTRUSTED', 'the layer has no Fulcio certificate (signed with a key, not keyless); only keyless cosign signatures name a signer');
  }
  // The chain annotation is empty when cosign took the chain from the trusted root; the root supplies it then.
  return [...leaf, ...pemCertificates(annotations[COSIGN_CHAIN_ANNOTATION] ?? '')];
}

function pemCertificates(text: string): Buffer[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    try {
      return Buffer.from(new X509Certificate(block).raw);
    } catch (error) {
      throw new VerificationFailure('CERTIFICATE_MALFORMED', `a certificate in the cosign annotations is not valid PEM (${(error as Error).message})`);
    }
  });
}

function tlogEntryOf(annotations: Record<string, string>): Record<string, unknown> {
  const text = annotations[COSIGN_BUNDLE_ANNOTATION];
  if (text === undefined || text === '') {
    throw new VerificationFailure('TLOG_MISSING', `the layer has no ${COSIGN_BUNDLE_ANNOTATION} annotation (not logged in Rekor), so nothing dates the signature`);
  }
  let annotation: RekorBundleAnnotation;
  try {
    annotation = JSON.parse(text) as RekorBundleAnnotation;
  } catch (error) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `the ${COSIGN_BUNDLE_ANNOTATION} annotation is not JSON (${(error as Error).message})`);
  }
  const payload = annotation.Payload;
  const { SignedEntryTimestamp: set } = annotation;
  if (
    typeof set !== 'string' ||
    typeof payload?.body !== 'string' ||
    typeof payload.integratedTime !== 'number' ||
    typeof payload.logIndex !== 'number' ||
    typeof payload.logID !== 'string' ||
    !/^[0-9a-f]{64}$/.test(payload.logID)
  ) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `the ${COSIGN_BUNDLE_ANNOTATION} annotation lacks SignedEntryTimestamp or Payload.body, integratedTime, logIndex, logID`);
  }
  return {
    logIndex: String(payload.logIndex),
    logId: { keyId: Buffer.from(payload.logID, 'hex').toString('base64') },
    kindVersion: kindVersionOf(payload.body),
    integratedTime: String(payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: set },
    canonicalizedBody: payload.body,
  };
}

function kindVersionOf(body: string): { kind: string; version: string } {
  let entry: { kind?: unknown; apiVersion?: unknown };
  try {
    entry = JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as typeof entry;
  } catch (error) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `the Rekor entry body in ${COSIGN_BUNDLE_ANNOTATION} is not JSON (${(error as Error).message})`);
  }
  if (typeof entry.kind !== 'string' || typeof entry.apiVersion !== 'string') {
    throw new VerificationFailure('BUNDLE_MALFORMED', `the Rekor entry body in ${COSIGN_BUNDLE_ANNOTATION} names no kind and apiVersion`);
  }
  return { kind: entry.kind, version: entry.apiVersion };
}

function envelopeOf(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `the .att layer is not a DSSE envelope (${(error as Error).message})`);
  }
}

function messageSignatureOf(layer: CosignLayer): Record<string, unknown> {
  const signature = layer.annotations[COSIGN_SIGNATURE_ANNOTATION];
  if (signature === undefined || signature === '') {
    throw new VerificationFailure('BUNDLE_MALFORMED', `the .sig layer has no ${COSIGN_SIGNATURE_ANNOTATION} annotation`);
  }
  return {
    messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(layer.payload).digest('base64') },
    signature,
  };
}
