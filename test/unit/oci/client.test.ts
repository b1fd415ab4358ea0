import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/client.js';
import { sha256Digest } from '../../../src/oci/digest.js';
import { RegistryError } from '../../../src/oci/errors.js';
import { DOCKER_SCHEMA1_SIGNED, OCI_EMPTY, OCI_MANIFEST } from '../../../src/oci/media-types.js';
import { parseImageReference } from '../../../src/oci/reference.js';
import { fakeRegistry, type FakeRegistry, type FakeRegistryOptions } from './fake-registry.js';

const registries: FakeRegistry[] = [];
afterEach(async () => {
  await Promise.all(registries.splice(0).map((r) => r.close()));
});

async function setup(options: FakeRegistryOptions = {}, clientOptions: ConstructorParameters<typeof RegistryClient>[0] = {}) {
  const registry = await fakeRegistry(options);
  registries.push(registry);
  const client = new RegistryClient({ env: { DOCKER_CONFIG: '/nonexistent' }, maxRetries: 0, ...clientOptions });
  return { registry, client, ref: parseImageReference(`${registry.host}/team/app`) };
}

function manifestBytes(note = 'x'): Buffer {
  const empty = { mediaType: OCI_EMPTY, digest: sha256Digest(Buffer.from('{}')), size: 2 };
  return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [empty], annotations: { note } }));
}

async function errorOf(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RegistryError);
  expect((error as Error).message).not.toContain('\n');
  return error as RegistryError;
}

describe('manifests are checked before anyone uses them', () => {
  it('rejects content that does not hash to the requested digest', async () => {
    const bytes = manifestBytes();
    const { registry, client, ref } = await setup({ tamper: (_path, b) => ({ bytes: Buffer.from(b.toString().replace('"x"', '"y"')) }) });
    registry.manifests.set(`team/app@${sha256Digest(bytes)}`, { bytes, mediaType: OCI_MANIFEST });
    const error = await errorOf(client.getManifest(ref, sha256Digest(bytes)));
    expect(error.code).toBe('DIGEST_MISMATCH');
    expect(error.message).toContain(`not ${sha256Digest(bytes)} (the requested digest)`);
  });

  it('rejects content that contradicts the Docker-Content-Digest of a tag', async () => {
    const bytes = manifestBytes();
    const { registry, client, ref } = await setup({ tamper: (_path, b) => ({ bytes: b, headers: { 'docker-content-digest': sha256Digest(Buffer.from('other')) } }) });
    registry.manifests.set('team/app@v1', { bytes, mediaType: OCI_MANIFEST });
    expect((await errorOf(client.getManifest(ref, 'v1'))).message).toContain('(its Docker-Content-Digest header)');
  });

  it('refuses a manifest over the size cap without reading it', async () => {
    const bytes = manifestBytes('a'.repeat(5000));
    const { registry, client, ref } = await setup({}, { maxManifestBytes: 4096 });
    registry.manifests.set('team/app@big', { bytes, mediaType: OCI_MANIFEST });
    const error = await errorOf(client.getManifest(ref, 'big'));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('more than the limit of 4096');
  });

  it('rejects Docker schema 1 with a fix', async () => {
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'team/app', tag: 'old', fsLayers: [] }));
    const { registry, client, ref } = await setup();
    registry.manifests.set('team/app@old', { bytes, mediaType: DOCKER_SCHEMA1_SIGNED });
    const error = await errorOf(client.getManifest(ref, 'old'));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('Docker schema 1 manifests are not supported');
  });

  it('resolves by GET when HEAD gives no digest', async () => {
    const bytes = manifestBytes();
    const { registry, client, ref } = await setup({ headWithoutDigest: true });
    registry.manifests.set('team/app@v1', { bytes, mediaType: OCI_MANIFEST });
    expect(await client.resolve({ ...ref, tag: 'v1' })).toEqual({ mediaType: OCI_MANIFEST, digest: sha256Digest(bytes), size: bytes.length });
    expect(registry.arrivals.map((a) => a.method)).toEqual(['HEAD', 'GET']);
  });

  it('refuses to PUT bytes under a digest they do not have, sending nothing', async () => {
    const { registry, client, ref } = await setup();
    const error = await errorOf(client.putManifest(ref, sha256Digest(Buffer.from('other')), manifestBytes(), OCI_MANIFEST));
    expect(error.code).toBe('DIGEST_MISMATCH');
    expect(registry.arrivals).toHaveLength(0);
  });
});

describe('blobs', () => {
  it('skips the upload of a blob the repository has', async () => {
    const { registry, client, ref } = await setup();
    const bytes = randomBytes(100);
    await client.pushBlob(ref, bytes);
    registry.arrivals.length = 0;
    await client.pushBlob(ref, bytes);
    expect(registry.arrivals.map((a) => a.method)).toEqual(['HEAD']);
  });

  it('refuses a blob whose announced length differs from the descriptor', async () => {
    const { client, ref } = await setup();
    const bytes = randomBytes(100);
    const { digest } = await client.pushBlob(ref, bytes);
    const error = await errorOf(client.openBlob(ref, digest, { maxBytes: 1000, size: 99 }));
    expect(error.message).toContain('the registry announced 100 bytes, the descriptor says 99');
  });

  it('refuses bytes that do not match the digest the caller gave', async () => {
    const { registry, client, ref } = await setup();
    const error = await errorOf(client.pushBlob(ref, randomBytes(10), { digest: sha256Digest(Buffer.from('x')) }));
    expect(error.code).toBe('DIGEST_MISMATCH');
    expect(registry.arrivals).toHaveLength(0);
  });
});

describe('streamed pushes', () => {
  it('go up in PATCH chunks with Content-Range, then one PUT with the digest', async () => {
    const { registry, client, ref } = await setup({}, { chunkSize: 1000 });
    const bytes = randomBytes(2500);
    const pieces = [bytes.subarray(0, 700), bytes.subarray(700, 1600), bytes.subarray(1600)];
    expect(await client.pushBlob(ref, Readable.from(pieces))).toEqual({ digest: sha256Digest(bytes), size: 2500 });
    const patches = registry.arrivals.filter((a) => a.method === 'PATCH');
    expect(patches.map((a) => a.headers['content-range'])).toEqual(['0-1599', '1600-2499']);
    expect(registry.blobs.get(`team/app@${sha256Digest(bytes)}`)).toEqual(bytes);
  });

  it('stop as soon as the stream outgrows the size given, and cancel the upload', async () => {
    const { registry, client, ref } = await setup({}, { chunkSize: 1000 });
    const error = await errorOf(client.pushBlob(ref, Readable.from([randomBytes(600), randomBytes(600), randomBytes(5000)]), { size: 1000 }));
    expect(error.message).toContain('the stream is longer than the 1000 bytes given');
    expect(registry.arrivals.map((a) => a.method)).toEqual(['POST', 'DELETE']);
  });
});
