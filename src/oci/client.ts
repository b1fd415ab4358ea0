import { createHash } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import { Authenticator, pullScope, pushScope, type AuthorizedRequest } from './auth.js';
import { CredentialStore, type Credentials } from './credentials.js';
import { digestLike, DigestVerifier, isValidDigest, sha256Digest } from './digest.js';
import { errorForStatus, RegistryError, type OperationContext, type RegistryErrorCode } from './errors.js';
import { isIndex, ManifestError, parseManifest, type Descriptor, type Manifest, type OciIndex } from './manifest.js';
import { bareMediaType, isImageManifestMediaType, isIndexMediaType, MANIFEST_ACCEPT, OCI_INDEX } from './media-types.js';
import { referenceTarget, type ImageReference } from './reference.js';
import { Transport, type TransportOptions, type TransportResponse } from './transport.js';

export interface RegistryClientOptions extends TransportOptions {
  /** Keyed by registry host; they win over the Docker config. */
  credentials?: Record<string, Credentials>;
  /** Where `DOCKER_CONFIG`, `HOME` and credential helpers' `PATH` come from. */
  env?: NodeJS.ProcessEnv;
  /** Registries commonly refuse manifests over 4 MiB, so nothing larger is read or written. */
  maxManifestBytes?: number;
  /** Size of each PATCH when a stream is pushed. */
  chunkSize?: number;
}

export interface FetchedManifest {
  descriptor: Descriptor;
  bytes: Buffer;
  manifest: Manifest;
  /** The registry's ETag, for a conditional PUT of the same tag. */
  etag?: string;
}

export interface BlobReadOptions {
  maxBytes: number;
  /** The descriptor's size: the blob must be exactly this long. */
  size?: number;
}

export interface PushBlobOptions {
  /** Checked against the content; required to skip or mount a stream before reading it. */
  digest?: string;
  size?: number;
  /** A repository on the same registry to mount the blob from instead of uploading it. */
  mountFrom?: string;
}

export interface PushedBlob {
  digest: string;
  size: number;
}

export interface PutManifestOptions {
  /** Sent as If-Match; registries that honour it answer 412 when the tag moved. */
  ifMatch?: string;
}

export interface PushedManifest {
  descriptor: Descriptor;
  /** The `OCI-Subject` header: set when the registry indexed the manifest's subject (OCI 1.1 referrers API). */
  ociSubject?: string;
}

export type ReferrersApiAnswer = { supported: false } | { supported: true; index: OciIndex; filtersApplied: string[] };

const DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;
const MAX_PAGES = 1000;
const ALTERED = 'the content was altered in the registry or on the way; none of it was used';

function nextLink(response: TransportResponse): string | undefined {
  const link = response.headers.get('link');
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link) : null;
  return match?.[1] ? new URL(match[1], response.url).toString() : undefined;
}

/** Every registry operation image-passport performs; all content is checked against its digest. */
export class RegistryClient {
  private readonly transport: Transport;
  private readonly auth: Authenticator;
  private readonly maxManifestBytes: number;
  private readonly chunkSize: number;

  constructor(options: RegistryClientOptions = {}) {
    this.transport = new Transport(options);
    this.auth = new Authenticator(this.transport, new CredentialStore({ explicit: options.credentials, env: options.env }));
    this.maxManifestBytes = options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  }

  private context(ref: ImageReference, operation: string): OperationContext {
    return { registry: ref.registry, repository: ref.repository, operation };
  }

  private url(ref: ImageReference, path: string): string {
    return `${this.transport.baseUrl(ref.registry)}/v2/${ref.repository}/${path}`;
  }

  private send(request: AuthorizedRequest, context: OperationContext): Promise<TransportResponse> {
    return this.auth.send(request, context);
  }

  private async fail(response: TransportResponse, context: OperationContext, problem?: string): Promise<never> {
    const body = response.headers.get('content-type')?.includes('json') ? await response.text().catch(() => undefined) : undefined;
    await response.discard();
    throw errorForStatus(
      context,
      { status: response.status, statusText: response.statusText, attempts: response.attempts, ...(body !== undefined ? { body } : {}), ...(response.retryAfterSeconds !== undefined ? { retryAfterSeconds: response.retryAfterSeconds } : {}) },
      problem,
    );
  }

  private invalid(context: OperationContext, code: RegistryErrorCode, problem: string, status?: number, hint?: string): RegistryError {
    return new RegistryError({ ...context, code, problem, ...(status !== undefined ? { status } : {}), ...(hint ? { hint } : {}) });
  }

  private checkDigest(context: OperationContext, digest: string): void {
    if (!isValidDigest(digest)) throw this.invalid(context, 'INVALID_REQUEST', `"${digest}" is not a sha256 or sha512 digest`);
  }

  /** The descriptor a tag or digest names. A digest in the reference wins over its tag, as in Docker. */
  async resolve(ref: ImageReference): Promise<Descriptor> {
    if (ref.digest !== undefined) return (await this.getManifest(ref, ref.digest)).descriptor;
    const target = referenceTarget(ref);
    const context = this.context(ref, `resolve ${target}`);
    const response = await this.send(
      { method: 'HEAD', url: this.url(ref, `manifests/${target}`), headers: { accept: MANIFEST_ACCEPT }, scopes: [pullScope(ref.repository)] },
      context,
    );
    if (response.ok) {
      await response.discard();
      const digest = response.headers.get('docker-content-digest');
      const mediaType = bareMediaType(response.headers.get('content-type'));
      const size = response.contentLength;
      if (digest && isValidDigest(digest) && mediaType && (isIndexMediaType(mediaType) || isImageManifestMediaType(mediaType)) && size !== undefined) {
        return { mediaType, digest, size };
      }
    } else if ([401, 403, 404, 429].includes(response.status) || response.status >= 500) {
      return this.fail(response, context, response.status === 404 ? `no manifest ${target}` : undefined);
    } else {
      await response.discard();
    }
    // Some registries answer HEAD without a digest or not at all; GET always carries the content.
    return (await this.getManifest(ref, target)).descriptor;
  }

  async getManifest(ref: ImageReference, tagOrDigest: string = referenceTarget(ref)): Promise<FetchedManifest> {
    const context = this.context(ref, `get manifest ${tagOrDigest}`);
    const response = await this.send(
      { method: 'GET', url: this.url(ref, `manifests/${tagOrDigest}`), headers: { accept: MANIFEST_ACCEPT }, scopes: [pullScope(ref.repository)] },
      context,
    );
    if (!response.ok) return this.fail(response, context, response.status === 404 ? `no manifest ${tagOrDigest}` : undefined);
    const bytes = await response.bytes(this.maxManifestBytes);
    const headerDigest = response.headers.get('docker-content-digest') ?? undefined;
    const expected = isValidDigest(tagOrDigest) ? tagOrDigest : headerDigest && isValidDigest(headerDigest) ? headerDigest : undefined;
    if (expected !== undefined) {
      const actual = digestLike(expected, bytes);
      if (actual !== expected) {
        const source = expected === tagOrDigest ? 'the requested digest' : 'its Docker-Content-Digest header';
        throw this.invalid(context, 'DIGEST_MISMATCH', `the manifest served has digest ${actual}, not ${expected} (${source})`, response.status, ALTERED);
      }
    }
    let manifest: Manifest;
    try {
      manifest = parseManifest(bytes, bareMediaType(response.headers.get('content-type')));
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      throw this.invalid(context, 'INVALID_RESPONSE', error.message, response.status);
    }
    const descriptor: Descriptor = { mediaType: manifest.mediaType, digest: expected ?? sha256Digest(bytes), size: bytes.length };
    if (manifest.artifactType !== undefined) descriptor.artifactType = manifest.artifactType;
    const etag = response.headers.get('etag');
    return { descriptor, bytes, manifest, ...(etag ? { etag } : {}) };
  }

  /** A stream of the blob that errors, instead of ending, when digest, size or cap disagree. */
  async openBlob(ref: ImageReference, digest: string, options: BlobReadOptions): Promise<Readable> {
    const context = this.context(ref, `get blob ${digest}`);
    this.checkDigest(context, digest);
    const response = await this.send({ method: 'GET', url: this.url(ref, `blobs/${digest}`), scopes: [pullScope(ref.repository)] }, context);
    if (!response.ok) return this.fail(response, context, response.status === 404 ? `no blob ${digest}` : undefined);
    const declared = response.contentLength;
    const problem =
      declared !== undefined && options.size !== undefined && declared !== options.size
        ? `the registry announced ${declared} bytes, the descriptor says ${options.size}`
        : declared !== undefined && declared > options.maxBytes
          ? `the blob is ${declared} bytes, more than the limit of ${options.maxBytes}`
          : undefined;
    if (problem !== undefined) {
      await response.discard();
      throw this.invalid(context, declared !== undefined && declared > options.maxBytes ? 'TOO_LARGE' : 'DIGEST_MISMATCH', problem, response.status, ALTERED);
    }
    const verifier = new DigestVerifier({
      digest,
      maxBytes: options.maxBytes,
      ...(options.size !== undefined ? { size: options.size } : {}),
      makeError: (message, kind) => this.invalid(context, kind === 'too-large' ? 'TOO_LARGE' : 'DIGEST_MISMATCH', message, response.status, kind === 'too-large' ? undefined : ALTERED),
    });
    pipeline(response.stream(), verifier, () => undefined);
    return verifier;
  }

  async getBlob(ref: ImageReference, digest: string, options: BlobReadOptions): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.openBlob(ref, digest, options)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The blob's size, or undefined when the repository does not have it. */
  private async statBlob(ref: ImageReference, digest: string, scopes: string[]): Promise<number | undefined> {
    const context = this.context(ref, `check blob ${digest}`);
    this.checkDigest(context, digest);
    const response = await this.send({ method: 'HEAD', url: this.url(ref, `blobs/${digest}`), scopes }, context);
    await response.discard();
    if (response.status === 404) return undefined;
    if (!response.ok) return this.fail(response, context);
    return response.contentLength ?? 0;
  }

  async hasBlob(ref: ImageReference, digest: string): Promise<boolean> {
    return (await this.statBlob(ref, digest, [pullScope(ref.repository)])) !== undefined;
  }

  /** Starts an upload session, or mounts the blob from another repository (then returns undefined). */
  private async startUpload(ref: ImageReference, scopes: string[], context: OperationContext, mount?: { digest: string; from: string }): Promise<URL | undefined> {
    const url = new URL(this.url(ref, 'blobs/uploads/'));
    if (mount) {
      url.searchParams.set('mount', mount.digest);
      url.searchParams.set('from', mount.from);
    }
    const response = await this.send({ method: 'POST', url: url.toString(), scopes, idempotent: true }, context);
    if (mount && response.status === 201) {
      await response.discard();
      return undefined;
    }
    if (response.status !== 202) return this.fail(response, context);
    await response.discard();
    const location = response.headers.get('location');
    if (!location) throw this.invalid(context, 'INVALID_RESPONSE', 'the upload was accepted without a Location header', 202);
    return new URL(location, response.url);
  }

  private async finishUpload(location: URL, digest: string, body: Uint8Array | undefined, scopes: string[], context: OperationContext): Promise<void> {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    const response = await this.send(
      { method: 'PUT', url: url.toString(), headers: { 'content-type': 'application/octet-stream' }, ...(body ? { body } : {}), scopes, idempotent: false },
      context,
    );
    if (response.status !== 201 && response.status !== 204) return this.fail(response, context);
    await response.discard();
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== digest) throw this.invalid(context, 'DIGEST_MISMATCH', `the registry stored ${stored}, not ${digest}`, response.status);
  }

  /**
   * Bytes go up in one POST + PUT; a stream goes up in PATCHes of `chunkSize`, so memory stays bounded.
   * A blob the repository already has is not uploaded again.
   */
  async pushBlob(ref: ImageReference, data: Uint8Array | Readable, options: PushBlobOptions = {}): Promise<PushedBlob> {
    const scopes = [pushScope(ref.repository), ...(options.mountFrom ? [pullScope(options.mountFrom)] : [])];
    if (data instanceof Uint8Array) {
      const digest = options.digest ?? sha256Digest(data);
      const context = this.context(ref, `push blob ${digest}`);
      this.checkDigest(context, digest);
      if (digestLike(digest, data) !== digest) {
        throw this.invalid(context, 'DIGEST_MISMATCH', `the bytes to push have digest ${digestLike(digest, data)}, not ${digest}`);
      }
      if (options.size !== undefined && options.size !== data.length) {
        throw this.invalid(context, 'INVALID_REQUEST', `the bytes to push are ${data.length} long, not ${options.size}`);
      }
      if ((await this.statBlob(ref, digest, scopes)) !== undefined) return { digest, size: data.length };
      const location = await this.startUpload(ref, scopes, context, options.mountFrom ? { digest, from: options.mountFrom } : undefined);
      if (location) await this.finishUpload(location, digest, data, scopes, context);
      return { digest, size: data.length };
    }
    return this.pushStream(ref, data, options, scopes);
  }

  private async pushStream(ref: ImageReference, data: Readable, options: PushBlobOptions, scopes: string[]): Promise<PushedBlob> {
    const context = this.context(ref, `push blob ${options.digest ?? '(stream)'}`);
    if (options.digest !== undefined) {
      this.checkDigest(context, options.digest);
      const existing = await this.statBlob(ref, options.digest, scopes);
      if (existing !== undefined) {
        data.destroy();
        return { digest: options.digest, size: existing };
      }
    }
    const mount = options.digest !== undefined && options.mountFrom ? { digest: options.digest, from: options.mountFrom } : undefined;
    const started = await this.startUpload(ref, scopes, context, mount);
    if (!started) {
      data.destroy();
      const digest = mount?.digest ?? '';
      return { digest, size: options.size ?? (await this.statBlob(ref, digest, scopes)) ?? 0 };
    }
    let location = started;
    const algorithm = options.digest?.split(':')[0] ?? 'sha256';
    const hash = createHash(algorithm);
    let offset = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      const chunk = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const response = await this.send(
        {
          method: 'PATCH',
          url: location.toString(),
          headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + chunk.length - 1}` },
          body: chunk,
          scopes,
          idempotent: false,
        },
        context,
      );
      if (response.status !== 202) return this.fail(response, context, `the chunk at byte ${offset} was refused`);
      await response.discard();
      const next = response.headers.get('location');
      if (next) location = new URL(next, response.url);
      offset += chunk.length;
    };
    const abandon = async (problem: string): Promise<never> => {
      data.destroy();
      const cancel = await this.send({ method: 'DELETE', url: location.toString(), scopes }, context).catch(() => undefined);
      await cancel?.discard();
      throw this.invalid(context, 'DIGEST_MISMATCH', problem);
    };
    for await (const piece of data) {
      const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
      hash.update(buffer);
      pending.push(buffer);
      pendingBytes += buffer.length;
      // Stop at once rather than upload gigabytes the caller said were not there.
      if (options.size !== undefined && offset + pendingBytes > options.size) await abandon(`the stream is longer than the ${options.size} bytes given`);
      if (pendingBytes >= this.chunkSize) await flush();
    }
    if (pendingBytes > 0) await flush();
    const digest = `${algorithm}:${hash.digest('hex')}`;
    if (options.digest !== undefined && digest !== options.digest) await abandon(`the stream has digest ${digest}, not ${options.digest}`);
    if (options.size !== undefined && offset !== options.size) await abandon(`the stream was ${offset} bytes, not ${options.size}`);
    await this.finishUpload(location, digest, undefined, scopes, context);
    return { digest, size: offset };
  }

  /** PUT with the `OCI-Subject` answer, which tells whether the registry keeps referrers itself. */
  async pushManifest(ref: ImageReference, tagOrDigest: string, bytes: Uint8Array, mediaType: string, options: PutManifestOptions = {}): Promise<PushedManifest> {
    const context = this.context(ref, `put manifest ${tagOrDigest}`);
    if (bytes.length > this.maxManifestBytes) {
      throw this.invalid(context, 'TOO_LARGE', `the manifest is ${bytes.length} bytes, more than the limit of ${this.maxManifestBytes}`);
    }
    let manifest: Manifest;
    try {
      manifest = parseManifest(bytes, mediaType);
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      throw this.invalid(context, 'INVALID_REQUEST', error.message);
    }
    const digest = isValidDigest(tagOrDigest) ? digestLike(tagOrDigest, bytes) : sha256Digest(bytes);
    if (isValidDigest(tagOrDigest) && digest !== tagOrDigest) {
      throw this.invalid(context, 'DIGEST_MISMATCH', `the manifest has digest ${digest}, not ${tagOrDigest}`);
    }
    const headers: Record<string, string> = { 'content-type': mediaType };
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    const response = await this.send(
      { method: 'PUT', url: this.url(ref, `manifests/${tagOrDigest}`), headers, body: bytes, scopes: [pushScope(ref.repository)] },
      context,
    );
    if (!response.ok) return this.fail(response, context);
    await response.discard();
    const stored = response.headers.get('docker-content-digest');
    if (stored && isValidDigest(stored) && digestLike(stored, bytes) !== stored) {
      throw this.invalid(context, 'DIGEST_MISMATCH', `the registry stored ${stored}, not ${digest}`, response.status);
    }
    const descriptor: Descriptor = { mediaType, digest, size: bytes.length };
    if (manifest.artifactType !== undefined) descriptor.artifactType = manifest.artifactType;
    const ociSubject = response.headers.get('oci-subject');
    return { descriptor, ...(ociSubject ? { ociSubject } : {}) };
  }

  async putManifest(ref: ImageReference, tagOrDigest: string, bytes: Uint8Array, mediaType: string): Promise<Descriptor> {
    return (await this.pushManifest(ref, tagOrDigest, bytes, mediaType)).descriptor;
  }

  async listTags(ref: ImageReference): Promise<string[]> {
    const context = this.context(ref, 'list tags');
    const tags: string[] = [];
    let url: string | undefined = `${this.url(ref, 'tags/list')}?n=1000`;
    for (let page = 0; url !== undefined; page += 1) {
      if (page >= MAX_PAGES) throw this.invalid(context, 'INVALID_RESPONSE', `more than ${MAX_PAGES} pages of tags`);
      const response = await this.send({ method: 'GET', url, scopes: [pullScope(ref.repository)] }, context);
      if (!response.ok) return this.fail(response, context);
      const body = await response.text(this.maxManifestBytes);
      let parsed: { tags?: unknown };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        throw this.invalid(context, 'INVALID_RESPONSE', 'the tag list is not JSON', response.status);
      }
      if (parsed.tags !== null && parsed.tags !== undefined) {
        if (!Array.isArray(parsed.tags) || parsed.tags.some((tag) => typeof tag !== 'string')) {
          throw this.invalid(context, 'INVALID_RESPONSE', 'the tag list has no array of strings', response.status);
        }
        tags.push(...(parsed.tags as string[]));
      }
      url = nextLink(response);
    }
    return tags;
  }

  /** `GET /v2/<name>/referrers/<digest>` (OCI 1.1); `supported: false` when the registry answers 404. */
  async queryReferrers(ref: ImageReference, subjectDigest: string, artifactType?: string): Promise<ReferrersApiAnswer> {
    const context = this.context(ref, `list referrers of ${subjectDigest}`);
    this.checkDigest(context, subjectDigest);
    const manifests: Descriptor[] = [];
    let filtersApplied: string[] = [];
    const first = new URL(this.url(ref, `referrers/${subjectDigest}`));
    if (artifactType !== undefined) first.searchParams.set('artifactType', artifactType);
    let url: string | undefined = first.toString();
    for (let page = 0; url !== undefined; page += 1) {
      if (page >= MAX_PAGES) throw this.invalid(context, 'INVALID_RESPONSE', `more than ${MAX_PAGES} pages of referrers`);
      const response = await this.send({ method: 'GET', url, headers: { accept: OCI_INDEX }, scopes: [pullScope(ref.repository)] }, context);
      if (response.status === 404 && page === 0) {
        await response.discard();
        return { supported: false };
      }
      if (!response.ok) return this.fail(response, context);
      const bytes = await response.bytes(this.maxManifestBytes);
      let index: Manifest;
      try {
        index = parseManifest(bytes, bareMediaType(response.headers.get('content-type')));
      } catch (error) {
        if (!(error instanceof ManifestError)) throw error;
        throw this.invalid(context, 'INVALID_RESPONSE', `the referrers answer: ${error.message}`, response.status);
      }
      if (!isIndex(index)) throw this.invalid(context, 'INVALID_RESPONSE', 'the referrers answer is not an image index', response.status);
      manifests.push(...index.manifests);
      filtersApplied = (response.headers.get('oci-filters-applied') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
      url = nextLink(response);
    }
    return { supported: true, index: { schemaVersion: 2, mediaType: OCI_INDEX, manifests }, filtersApplied };
  }
}

/**
 * The client the entry points use: Docker config from the environment, plus insecure registries from
 * `IMAGE_PASSPORT_INSECURE_REGISTRIES` (comma- or space-separated hosts).
 */
export function createRegistryClient(options: RegistryClientOptions = {}, env: NodeJS.ProcessEnv = process.env): RegistryClient {
  const fromEnv = (env.IMAGE_PASSPORT_INSECURE_REGISTRIES ?? '').split(/[\s,]+/).filter(Boolean);
  return new RegistryClient({ env, ...options, insecureRegistries: [...fromEnv, ...(options.insecureRegistries ?? [])] });
}
