import {
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
  ValidationError,
  assertBundleLatest,
  assertBundleV01,
  assertBundleV02,
  bundleFromJSON,
} from '@sigstore/bundle';
import type { Bundle } from '@sigstore/bundle';
import { VerificationFailure } from './failure.js';

export type { Bundle } from '@sigstore/bundle';

const VALIDATORS: Record<string, (bundle: Bundle) => void> = {
  [BUNDLE_V01_MEDIA_TYPE]: assertBundleV01,
  [BUNDLE_V02_MEDIA_TYPE]: assertBundleV02,
  [BUNDLE_V03_LEGACY_MEDIA_TYPE]: assertBundleLatest,
  [BUNDLE_V03_MEDIA_TYPE]: assertBundleLatest,
};

/**
 * Parses a Sigstore bundle (v0.1 to v0.3) from JSON text or an already parsed object, once,
 * so that verification only ever sees a structurally complete bundle.
 * `source` names the bundle in messages (a file, a referrer digest, an API URL).
 */
export function parseBundle(input: string | Uint8Array | unknown, source = 'bundle'): Bundle {
  const json = typeof input === 'string' || input instanceof Uint8Array ? parseJson(input, source) : input;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `${source}: a Sigstore bundle is a JSON object`);
  }
  const record = json as Record<string, unknown>;
  const mediaType = record.mediaType;
  const validate = typeof mediaType === 'string' ? VALIDATORS[mediaType] : undefined;
  if (validate === undefined) {
    throw new VerificationFailure(
      'BUNDLE_UNSUPPORTED',
      `${source}: unsupported bundle media type ${JSON.stringify(mediaType)}; supported: ${Object.keys(VALIDATORS).join(', ')}`,
    );
  }
  if (typeof record.verificationMaterial !== 'object' || record.verificationMaterial === null) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `${source}: the bundle has no verificationMaterial (certificate or public key)`);
  }
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
    validate(bundle);
  } catch (error) {
    const detail = error instanceof ValidationError && error.fields ? `missing or empty ${error.fields.join(', ')}` : (error as Error).message;
    throw new VerificationFailure('BUNDLE_MALFORMED', `${source}: invalid ${mediaType} bundle: ${detail}`);
  }
  checkVerificationMaterial(bundle, source);
  return bundle;
}

function parseJson(input: string | Uint8Array, source: string): unknown {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VerificationFailure('BUNDLE_MALFORMED', `${source}: not JSON (${(error as Error).message})`);
  }
}

// Checks sigstore-js leaves to the verifier, where a gap surfaces as a TypeError instead of a reason.
function checkVerificationMaterial(bundle: Bundle, source: string): void {
  const material = bundle.verificationMaterial;
  if (material.content.$case === 'publicKey' && material.content.publicKey.hint === '') {
    throw new VerificationFailure('BUNDLE_MALFORMED', `${source}: verificationMaterial has neither a certificate nor a public key hint`);
  }
  material.tlogEntries.forEach((entry, index) => {
    if (entry.inclusionProof !== undefined && entry.inclusionProof.checkpoint === undefined) {
      throw new VerificationFailure('BUNDLE_MALFORMED', `${source}: tlog entry ${index} has an inclusion proof without a checkpoint`);
    }
    if (entry.logIndex.startsWith('-')) {
      throw new VerificationFailure('BUNDLE_MALFORMED', `${source}: tlog entry ${index} has a negative log index (${entry.logIndex})`);
    }
  });
}
