import { RegistryClient } from '../../src/oci/client.js';
import { isIndex } from '../../src/oci/manifest.js';
import type { ImageReference } from '../../src/oci/reference.js';
import { getLab } from '../lab/context.js';
import type { LabImage } from '../lab/lab-info.js';

/** A registry client holding the lab's push credentials. */
export function labClient(): RegistryClient {
  const lab = getLab();
  const credentials = Object.fromEntries([lab.registry.host, lab.registryV3?.host, lab.faultProxy.host].filter((host): host is string => !!host).map((host) => [host, lab.credentials]));
  return new RegistryClient({ credentials, env: { HOME: '/nonexistent' } });
}

export interface FreshImage {
  repository: string;
  /** `host/repository:tag` */
  reference: string;
  /** `host/repository@sha256:…` */
  digestReference: string;
  digest: string;
  platformDigests: string[];
}

/**
 * Copies a lab image into a repository of its own (blobs mounted, manifests copied byte for byte),
 * so a test that signs or tampers never sees another test's referrers.
 */
export async function freshImage(image: LabImage, repository: string, tag = '1.0'): Promise<FreshImage> {
  const lab = getLab();
  const client = labClient();
  const host = lab.registry.host;
  const from: ImageReference = { registry: host, repository: image.repository };
  const to: ImageReference = { registry: host, repository };
  const copyManifest = async (digest: string): Promise<void> => {
    const { bytes, descriptor, manifest } = await client.getManifest(from, digest);
    if (isIndex(manifest)) {
      for (const child of manifest.manifests) await copyManifest(child.digest);
    } else {
      for (const blob of [manifest.config, ...manifest.layers]) {
        const content = await client.openBlob(from, blob.digest, { maxBytes: blob.size });
        await client.pushBlob(to, content, { digest: blob.digest, size: blob.size, mountFrom: image.repository });
        content.destroy();
      }
    }
    await client.putManifest(to, digest === image.digest ? tag : digest, bytes, descriptor.mediaType);
  };
  await copyManifest(image.digest);
  return {
    repository,
    reference: `${host}/${repository}:${tag}`,
    digestReference: `${host}/${repository}@${image.digest}`,
    digest: image.digest,
    platformDigests: image.platforms.length > 1 ? image.platforms.map((platform) => platform.digest) : [],
  };
}

/** A repository name no other test file uses. */
export function uniqueRepository(prefix: string): string {
  return `test/${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
