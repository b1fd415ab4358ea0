import type { ImageSource } from './image-source.js';
import { formatPurl } from './purl.js';

/** `pkg:oci/app@sha256%3A…?repository_url=127.0.0.1:5000/lab/app`, the purl spec's form for an OCI image. */
export function imagePurl(source: ImageSource): string {
  const repository = source.name.toLowerCase();
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return formatPurl({
    type: 'oci',
    name,
    version: source.manifestDigest,
    qualifiers: [['repository_url', repository]],
  });
}

export function platformText(source: ImageSource): string | undefined {
  const platform = source.platform;
  if (!platform) return undefined;
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

export function digestHex(digest: string): { algorithm: string; hex: string } {
  const colon = digest.indexOf(':');
  return { algorithm: digest.slice(0, colon), hex: digest.slice(colon + 1) };
}
