import type { RegistryClient } from '../oci/client.js';
import { OCI_EMPTY } from '../oci/media-types.js';
import { listReferrers } from '../oci/referrers.js';
import type { ImageReference } from '../oci/reference.js';
import type { FoundEvidence } from './types.js';

const SIGSTORE_BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle';
/** A referrer's manifest and its bundle layer are small; anything larger is not a bundle we read. */
const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

/**
 * Bundles attached to a digest as OCI referrers (API or tag fallback). Entries typed as the empty
 * config are opened too: some tools write that type in the fallback index instead of the bundle's.
 */
export async function bundlesFromReferrers(registry: RegistryClient, ref: ImageReference, digest: string): Promise<FoundEvidence> {
  const referrers = await listReferrers(registry, ref, digest);
  const candidates = referrers.filter(
    (entry) => entry.artifactType === undefined || entry.artifactType === OCI_EMPTY || entry.artifactType.startsWith(SIGSTORE_BUNDLE_TYPE),
  );
  const found: FoundEvidence = { bundles: [], errors: [] };
  for (const entry of candidates) {
    const { manifest } = await registry.getManifest(ref, entry.digest);
    if (!('layers' in manifest)) continue;
    for (const layer of manifest.layers) {
      if (!layer.mediaType.startsWith(SIGSTORE_BUNDLE_TYPE)) continue;
      const bytes = await registry.getBlob(ref, layer.digest, { maxBytes: MAX_BUNDLE_BYTES });
      const location = `referrer ${entry.digest}`;
      try {
        found.bundles.push({ source: 'referrers', forDigest: digest, location, bundle: JSON.parse(Buffer.from(bytes).toString('utf8')) });
      } catch {
        found.errors.push({ source: 'referrers', forDigest: digest, message: `${location}: the bundle layer is not JSON` });
      }
    }
  }
  return found;
}
