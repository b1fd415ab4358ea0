import { isValidDigest } from './digest.js';
import {
  DOCKER_SCHEMA1,
  DOCKER_SCHEMA1_SIGNED,
  isImageManifestMediaType,
  isIndexMediaType,
  OCI_INDEX,
  OCI_MANIFEST,
} from './media-types.js';

export interface Platform {
  architecture: string;
  os: string;
  'os.version'?: string;
  'os.features'?: string[];
  variant?: string;
  features?: string[];
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
  platform?: Platform;
  urls?: string[];
}

/** OCI image manifest; Docker v2 schema 2 manifests have the same shape. */
export interface OciManifest {
  schemaVersion: 2;
  mediaType: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** OCI image index; Docker manifest lists have the same shape. */
export interface OciIndex {
  schemaVersion: 2;
  mediaType: string;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export type Manifest = OciManifest | OciIndex;

export function isIndex(manifest: Manifest): manifest is OciIndex {
  return isIndexMediaType(manifest.mediaType);
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkAnnotations(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new ManifestError(`${where}.annotations must map strings to strings`);
  }
}

function checkDescriptor(value: unknown, where: string): void {
  if (!isObject(value)) throw new ManifestError(`${where} is not a descriptor object`);
  if (typeof value.mediaType !== 'string' || value.mediaType === '') throw new ManifestError(`${where}.mediaType is missing`);
  if (typeof value.digest !== 'string' || !isValidDigest(value.digest)) {
    throw new ManifestError(`${where}.digest ${JSON.stringify(value.digest)} is not a valid digest`);
  }
  if (typeof value.size !== 'number' || !Number.isSafeInteger(value.size) || value.size < 0) {
    throw new ManifestError(`${where}.size must be a non-negative integer`);
  }
  checkAnnotations(value.annotations, where);
}

/**
 * Checks the structure the rest of the code relies on; `contentType` is the registry's header, used
 * when the JSON leaves `mediaType` out (OCI allows that).
 */
export function parseManifest(bytes: Uint8Array, contentType: string | undefined): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new ManifestError('the manifest is not valid JSON');
  }
  if (!isObject(json)) throw new ManifestError('the manifest is not a JSON object');
  if (contentType === DOCKER_SCHEMA1 || contentType === DOCKER_SCHEMA1_SIGNED || json.schemaVersion === 1) {
    throw new ManifestError('Docker schema 1 manifests are not supported; push the image again with a current client');
  }
  if (json.schemaVersion !== 2) throw new ManifestError(`schemaVersion is ${JSON.stringify(json.schemaVersion)}, expected 2`);

  const declared = typeof json.mediaType === 'string' ? json.mediaType : undefined;
  const mediaType =
    declared ??
    (contentType && (isIndexMediaType(contentType) || isImageManifestMediaType(contentType))
      ? contentType
      : Array.isArray(json.manifests)
        ? OCI_INDEX
        : OCI_MANIFEST);
  if (declared !== undefined && contentType !== undefined && (isIndexMediaType(contentType) || isImageManifestMediaType(contentType)) && contentType !== declared) {
    throw new ManifestError(`the registry served it as ${contentType} but its mediaType is ${declared}`);
  }
  checkAnnotations(json.annotations, 'manifest');
  if (json.subject !== undefined) checkDescriptor(json.subject, 'subject');

  if (isIndexMediaType(mediaType)) {
    if (!Array.isArray(json.manifests)) throw new ManifestError('the index has no manifests array');
    json.manifests.forEach((entry, i) => checkDescriptor(entry, `manifests[${i}]`));
  } else if (isImageManifestMediaType(mediaType)) {
    checkDescriptor(json.config, 'config');
    if (!Array.isArray(json.layers)) throw new ManifestError('the manifest has no layers array');
    json.layers.forEach((entry, i) => checkDescriptor(entry, `layers[${i}]`));
  } else {
    throw new ManifestError(`mediaType ${mediaType} is neither an image manifest nor an index`);
  }
  return { ...json, mediaType } as unknown as Manifest;
}
