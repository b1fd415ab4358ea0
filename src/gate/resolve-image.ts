import type { RegistryClient } from '../oci/client.js';
import { isIndex } from '../oci/manifest.js';
import { parseImageReference, referenceTarget } from '../oci/reference.js';
import type { ImageReference } from '../oci/reference.js';

/** An image as the manifests name it, resolved once to the digest everything else is bound to. */
export interface ResolvedImage {
  ref: ImageReference;
  /** `registry/repository`, what policy rules match. */
  name: string;
  digest: string;
  /** The platform manifests' digests when the digest is an index; empty for a single image. */
  platformDigests: string[];
}

/**
 * Resolves a tag to its digest with one manifest fetch, whose bytes the client checks against the
 * digest; a reference that names a digest (`name:tag@sha256:…`) is checked by that digest alone.
 */
export async function resolveImage(image: string, registry: RegistryClient): Promise<ResolvedImage> {
  const ref = parseImageReference(image);
  const { descriptor, manifest } = await registry.getManifest(ref, referenceTarget(ref));
  return {
    ref,
    name: `${ref.registry}/${ref.repository}`,
    digest: descriptor.digest,
    platformDigests: isIndex(manifest)
      ? manifest.manifests.filter((entry) => entry.platform?.architecture !== 'unknown').map((entry) => entry.digest)
      : [],
  };
}
