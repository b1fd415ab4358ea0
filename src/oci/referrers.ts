import type { RegistryClient } from './client.js';
import { digestTag, sha256Digest } from './digest.js';
import { RegistryError } from './errors.js';
import { isIndex, type Descriptor, type OciIndex, type OciManifest } from './manifest.js';
import { OCI_EMPTY, OCI_INDEX, OCI_MANIFEST } from './media-types.js';
import type { ImageReference } from './reference.js';

export interface ListReferrersOptions {
  artifactType?: string;
}

export interface ReferrerLayer {
  mediaType: string;
  bytes: Uint8Array;
  annotations?: Record<string, string>;
}

export interface ReferrerArtifact {
  artifactType: string;
  /** Defaults to the OCI empty config `{}`. */
  config?: { mediaType: string; bytes: Uint8Array };
  layers: ReferrerLayer[];
  annotations?: Record<string, string>;
}

export interface AttachedReferrer {
  /** The artifact manifest, as the referrers list shows it. */
  descriptor: Descriptor;
  via: 'referrers-api' | 'tag-schema';
}

export interface AttachOptions {
  /** Rounds of read, merge, write and re-check before giving up on a contended fallback tag. */
  maxAttempts?: number;
  /** Least wait before the re-check, so a writer that read before our PUT has written by then. */
  settleMs?: number;
  random?: () => number;
}

const EMPTY_JSON = Buffer.from('{}');

/** The tag schema of OCI distribution 1.1 for registries without the referrers API. */
export function referrersTag(subjectDigest: string): string {
  return digestTag(subjectDigest);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function filterByType(manifests: Descriptor[], artifactType: string | undefined): Descriptor[] {
  return artifactType === undefined ? manifests : manifests.filter((entry) => entry.artifactType === artifactType);
}

interface FallbackIndex {
  index: OciIndex | undefined;
  etag?: string;
}

async function readFallbackIndex(client: RegistryClient, ref: ImageReference, subjectDigest: string): Promise<FallbackIndex> {
  const tag = referrersTag(subjectDigest);
  try {
    const fetched = await client.getManifest(ref, tag);
    if (!isIndex(fetched.manifest)) {
      throw new RegistryError({
        registry: ref.registry,
        repository: ref.repository,
        operation: `read referrers tag ${tag}`,
        code: 'INVALID_RESPONSE',
        problem: `the tag holds a ${fetched.manifest.mediaType}, not an image index`,
        hint: 'the tag is reserved for the referrers of the image; move that content elsewhere',
      });
    }
    return { index: fetched.manifest, ...(fetched.etag ? { etag: fetched.etag } : {}) };
  } catch (error) {
    if (error instanceof RegistryError && error.code === 'NOT_FOUND') return { index: undefined };
    throw error;
  }
}

/**
 * Manifests that name `subjectDigest` as their subject: from the referrers API, or where the registry
 * has none (404) from the `sha256-<hex>` tag. Filtered here too when the registry ignored the filter.
 */
export async function listReferrers(client: RegistryClient, ref: ImageReference, subjectDigest: string, options: ListReferrersOptions = {}): Promise<Descriptor[]> {
  const answer = await client.queryReferrers(ref, subjectDigest, options.artifactType);
  if (answer.supported) {
    const filtered = answer.filtersApplied.includes('artifactType');
    return filtered ? answer.index.manifests : filterByType(answer.index.manifests, options.artifactType);
  }
  const { index } = await readFallbackIndex(client, ref, subjectDigest);
  return filterByType(index?.manifests ?? [], options.artifactType);
}

/**
 * Pushes an artifact whose `subject` is `subject`. A registry with the referrers API says so with
 * `OCI-Subject`; otherwise the artifact is added to the fallback index tag. Distribution 2.x ignores
 * If-Match, so concurrent writers are made safe by re-reading after a settle time: whoever finds an
 * entry it knows of missing writes the union again.
 */
export async function attachReferrer(
  client: RegistryClient,
  ref: ImageReference,
  subject: Descriptor,
  artifact: ReferrerArtifact,
  options: AttachOptions = {},
): Promise<AttachedReferrer> {
  const configBytes = artifact.config?.bytes ?? EMPTY_JSON;
  const config = await client.pushBlob(ref, configBytes);
  const layerInputs: ReferrerLayer[] = artifact.layers.length > 0 ? artifact.layers : [{ mediaType: OCI_EMPTY, bytes: EMPTY_JSON }];
  const layers: Descriptor[] = [];
  for (const layer of layerInputs) {
    const pushed = await client.pushBlob(ref, layer.bytes);
    layers.push({ mediaType: layer.mediaType, digest: pushed.digest, size: pushed.size, ...(layer.annotations ? { annotations: layer.annotations } : {}) });
  }
  const manifest: OciManifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: artifact.artifactType,
    config: { mediaType: artifact.config?.mediaType ?? OCI_EMPTY, digest: config.digest, size: config.size },
    layers,
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    ...(artifact.annotations ? { annotations: artifact.annotations } : {}),
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  const pushed = await client.pushManifest(ref, sha256Digest(bytes), bytes, OCI_MANIFEST);
  const descriptor: Descriptor = {
    mediaType: OCI_MANIFEST,
    digest: pushed.descriptor.digest,
    size: pushed.descriptor.size,
    artifactType: artifact.artifactType,
    ...(artifact.annotations ? { annotations: artifact.annotations } : {}),
  };
  if (pushed.ociSubject === subject.digest) return { descriptor, via: 'referrers-api' };
  await addToFallbackIndex(client, ref, subject.digest, descriptor, options);
  return { descriptor, via: 'tag-schema' };
}

async function addToFallbackIndex(client: RegistryClient, ref: ImageReference, subjectDigest: string, entry: Descriptor, options: AttachOptions): Promise<void> {
  const tag = referrersTag(subjectDigest);
  const maxAttempts = options.maxAttempts ?? 12;
  const settleMs = options.settleMs ?? 150;
  const random = options.random ?? Math.random;
  const known = new Map<string, Descriptor>([[entry.digest, entry]]);
  let current = await readFallbackIndex(client, ref, subjectDigest);
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const started = Date.now();
    const present = new Set((current.index?.manifests ?? []).map((d) => d.digest));
    for (const d of current.index?.manifests ?? []) if (!known.has(d.digest)) known.set(d.digest, d);
    const missing = [...known.values()].filter((d) => !present.has(d.digest));
    if (missing.length > 0) {
      const merged: OciIndex = {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [...(current.index?.manifests ?? []), ...missing],
        ...(current.index?.annotations ? { annotations: current.index.annotations } : {}),
      };
      const bytes = Buffer.from(JSON.stringify(merged));
      try {
        await client.pushManifest(ref, tag, bytes, OCI_INDEX, current.etag ? { ifMatch: current.etag } : {});
      } catch (error) {
        if (!(error instanceof RegistryError && error.code === 'PRECONDITION_FAILED')) throw error;
        await sleep(random() * settleMs);
        current = await readFallbackIndex(client, ref, subjectDigest);
        continue;
      }
    }
    // A writer that read before our PUT may still overwrite it; wait out its round trip, then look again.
    const roundTrip = Date.now() - started;
    await sleep(Math.max(settleMs, 2 * roundTrip) * (1 + random()));
    current = await readFallbackIndex(client, ref, subjectDigest);
    const after = new Set((current.index?.manifests ?? []).map((d) => d.digest));
    if ([...known.keys()].every((digest) => after.has(digest))) return;
  }
  throw new RegistryError({
    registry: ref.registry,
    repository: ref.repository,
    operation: `update referrers tag ${tag}`,
    code: 'RACE',
    problem: `the index kept changing under concurrent writers for ${maxAttempts} rounds`,
    hint: 'retry; if it persists, another tool is rewriting the tag without merging',
  });
}
