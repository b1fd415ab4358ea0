import { UsageError } from '../usage-error.js';
import type { RegistryClient } from '../oci/client.js';
import { isIndex } from '../oci/manifest.js';
import type { Manifest, Platform } from '../oci/manifest.js';
import { formatImageReference, parseImageReference } from '../oci/reference.js';
import type { ImageReference } from '../oci/reference.js';
import { RegistryError } from '../oci/errors.js';

/** One digest that gets attested: the pushed image, or one platform of a pushed index. */
export interface SignSubject {
  digest: string;
  mediaType: string;
  size: number;
  platform?: Platform;
  /** Present for a single-platform image, and for each platform manifest of an index. */
  manifest?: Manifest;
}

/** The names the digest is stored under, and what the digest is. */
export interface SignTarget {
  names: ImageReference[];
  digest: string;
  /** The pushed digest first; for an index, every platform manifest after it. */
  subjects: SignSubject[];
}

/**
 * Turns the `image` and `digest` inputs into the subject: a digest, never a tag. Each name is
 * checked to hold that digest before anything is signed.
 */
export async function resolveSignTarget(images: string[], digest: string | undefined, registry: RegistryClient): Promise<SignTarget> {
  if (images.length === 0) throw new UsageError('no image given: pass image (e.g. ghcr.io/acme/app) and digest');
  const names = images.map((image) => parseImageReference(image));
  const digests = new Set(names.map((name) => name.digest).filter((found): found is string => found !== undefined));
  if (digest !== undefined) {
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new UsageError(`digest "${digest}" is not a sha256 digest (sha256: and 64 hex digits)`);
    digests.add(digest);
  }
  if (digests.size === 0) {
    throw new UsageError(
      `${images[0]} names no digest: a tag can move, so sign only attests a digest — pass the build step's digest output (digest: \${{ steps.build.outputs.digest }}) or image as name@sha256:…`,
    );
  }
  if (digests.size > 1) throw new UsageError(`the images and digest name different digests (${[...digests].join(', ')}): sign one digest per step`);
  const [subjectDigest] = [...digests] as [string];

  let top: { manifest: Manifest; mediaType: string; size: number } | undefined;
  for (const name of names) {
    const pinned: ImageReference = { registry: name.registry, repository: name.repository, digest: subjectDigest };
    try {
      const { descriptor, manifest } = await registry.getManifest(pinned, subjectDigest);
      top ??= { manifest, mediaType: descriptor.mediaType, size: descriptor.size };
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) {
        throw new Error(
          `${subjectDigest} not found in ${formatImageReference({ registry: name.registry, repository: name.repository })}: the usual cause is a digest from another registry or a build with load: true that was never pushed`,
        );
      }
      throw error;
    }
  }
  const { manifest, mediaType, size } = top!;
  const subjects: SignSubject[] = [{ digest: subjectDigest, mediaType, size, ...(isIndex(manifest) ? {} : { manifest }) }];
  if (isIndex(manifest)) {
    const ref = { ...names[0]!, tag: undefined, digest: subjectDigest };
    for (const entry of manifest.manifests) {
      // BuildKit stores its own attestations as index entries of platform unknown/unknown.
      if (entry.platform?.architecture === 'unknown') continue;
      const platformManifest = await registry.getManifest(ref, entry.digest);
      subjects.push({ digest: entry.digest, mediaType: entry.mediaType, size: entry.size, platform: entry.platform, manifest: platformManifest.manifest });
    }
  }
  return { names: names.map((name) => ({ registry: name.registry, repository: name.repository })), digest: subjectDigest, subjects };
}
