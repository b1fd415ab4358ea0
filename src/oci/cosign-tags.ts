import type { RegistryClient } from './client.js';
import { digestTag } from './digest.js';
import { RegistryError } from './errors.js';
import { isIndex, type Descriptor } from './manifest.js';
import type { ImageReference } from './reference.js';

/** cosign's annotations on each layer of a `.sig` or `.att` tag, passed on untouched. */
export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
export const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
export const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
export const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';

/** `sig`: simple-signing payloads signed in the annotation; `att`: DSSE envelopes. */
export type CosignTagKind = 'sig' | 'att';

export interface CosignLayer {
  descriptor: Descriptor;
  annotations: Record<string, string>;
  /** The layer's bytes, checked against its digest. */
  payload: Buffer;
}

export interface CosignTagOptions {
  /** Per layer; DSSE envelopes carrying an SBOM can be large. */
  maxLayerBytes?: number;
}

export function cosignTag(subjectDigest: string, kind: CosignTagKind): string {
  return `${digestTag(subjectDigest)}.${kind}`;
}

/** The layers of cosign's legacy tag for `subjectDigest`; empty when the tag does not exist. */
export async function readCosignTag(
  client: RegistryClient,
  ref: ImageReference,
  subjectDigest: string,
  kind: CosignTagKind,
  options: CosignTagOptions = {},
): Promise<CosignLayer[]> {
  const tag = cosignTag(subjectDigest, kind);
  let fetched;
  try {
    fetched = await client.getManifest(ref, tag);
  } catch (error) {
    if (error instanceof RegistryError && error.code === 'NOT_FOUND') return [];
    throw error;
  }
  if (isIndex(fetched.manifest)) {
    throw new RegistryError({
      registry: ref.registry,
      repository: ref.repository,
      operation: `read cosign tag ${tag}`,
      code: 'INVALID_RESPONSE',
      problem: 'the tag holds an image index, not a cosign signature manifest',
    });
  }
  const maxBytes = options.maxLayerBytes ?? 64 * 1024 * 1024;
  const layers: CosignLayer[] = [];
  for (const descriptor of fetched.manifest.layers) {
    const payload = await client.getBlob(ref, descriptor.digest, { maxBytes, size: descriptor.size });
    layers.push({ descriptor, annotations: descriptor.annotations ?? {}, payload });
  }
  return layers;
}
