import { createHash } from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import { OCI_EMPTY } from '../oci/media-types.js';
import type { ReferrerArtifact } from '../oci/referrers.js';

export const ANNOTATION_BUNDLE_CONTENT = 'dev.sigstore.bundle.content';
export const ANNOTATION_BUNDLE_PREDICATE_TYPE = 'dev.sigstore.bundle.predicateType';
export const ANNOTATION_CREATED = 'org.opencontainers.image.created';
export const ANNOTATION_TITLE = 'org.opencontainers.image.title';

/** Config and annotations are always set: the empty config and the bundle's own annotations. */
export type BundleReferrerArtifact = Required<ReferrerArtifact>;

/**
 * The layout @sigstore/oci (used by actions/attest) and cosign v3 write: artifactType and the single
 * layer are the bundle's media type, the config is the OCI empty descriptor, and the manifest's
 * annotations say what the bundle holds so a referrers listing can be filtered without fetching it.
 * The layer title is cosign's, which lets `oras pull` save it under a collision-free name.
 */
export function bundleReferrerArtifact(bundle: SerializedBundle, created: Date = new Date()): BundleReferrerArtifact {
  const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
  const mediaType = bundle.mediaType;
  const annotations: Record<string, string> = { [ANNOTATION_CREATED]: created.toISOString() };
  if (bundle.dsseEnvelope !== undefined) {
    annotations[ANNOTATION_BUNDLE_CONTENT] = 'dsse-envelope';
    const predicateType = predicateTypeOf(bundle.dsseEnvelope.payload);
    if (predicateType !== undefined) annotations[ANNOTATION_BUNDLE_PREDICATE_TYPE] = predicateType;
  } else {
    annotations[ANNOTATION_BUNDLE_CONTENT] = 'message-signature';
  }
  return {
    artifactType: mediaType,
    config: { mediaType: OCI_EMPTY, bytes: Buffer.from('{}') },
    layers: [{ mediaType, bytes, annotations: { [ANNOTATION_TITLE]: `sha256-${createHash('sha256').update(bytes).digest('hex')}.sigstore.json` } }],
    annotations,
  };
}

function predicateTypeOf(payloadBase64: string): string | undefined {
  try {
    const statement = JSON.parse(Buffer.from(payloadBase64, 'base64').toString('utf8')) as { predicateType?: unknown };
    return typeof statement.predicateType === 'string' ? statement.predicateType : undefined;
  } catch {
    return undefined;
  }
}
