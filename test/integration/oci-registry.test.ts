import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, type RegistryClientOptions } from '../../src/oci/client.js';
import { COSIGN_BUNDLE_ANNOTATION, COSIGN_CERTIFICATE_ANNOTATION, COSIGN_CHAIN_ANNOTATION, COSIGN_SIGNATURE_ANNOTATION, cosignTag, readCosignTag } from '../../src/oci/cosign-tags.js';
import { sha256Digest } from '../../src/oci/digest.js';
import { RegistryError } from '../../src/oci/errors.js';
import { isIndex, type Descriptor, type OciManifest } from '../../src/oci/manifest.js';
import { DOCKER_MANIFEST, OCI_EMPTY, OCI_IMAGE_CONFIG, OCI_INDEX, OCI_MANIFEST } from '../../src/oci/media-types.js';
import { parseImageReference, type ImageReference } from '../../src/oci/reference.js';
import { attachReferrer, listReferrers, referrersTag } from '../../src/oci/referrers.js';
import { getLab, type LabInfo, type RegistryInfo } from '../lab/context.js';
import { listen, readBody, type RunningServer } from '../lab/net.js';
import { startRegistry, type RegistryInstance } from '../lab/registry.js';
import { startTokenServer, type TokenServer } from '../lab/token-server.js';
import { peerBinary } from '../lab/cache.js';

const NO_DOCKER_CONFIG = { DOCKER_CONFIG: '/nonexistent/image-passport-oci-test' };
const run = randomBytes(4).toString('hex');

let lab: LabInfo;

function clientFor(registry: { host: string }, credentials: { username: string; password: string } | null, options: RegistryClientOptions = {}): RegistryClient {
  return new RegistryClient({ env: NO_DOCKER_CONFIG, ...(credentials ? { credentials: { [registry.host]: credentials } } : {}), ...options });
}

function repo(registry: { host: string }, name: string): ImageReference {
  return parseImageReference(`${registry.host}/lab/oci-${run}-${name}`);
}

function expectOneLine(error: unknown, code: RegistryError['code']): RegistryError {
  expect(error).toBeInstanceOf(RegistryError);
  const registryError = error as RegistryError;
  expect(registryError.code).toBe(code);
  expect(registryError.message).not.toMatch(/\n/);
  return registryError;
}

/** A small real image: a config and one layer of random bytes, as an OCI (or Docker) manifest. */
async function pushImage(client: RegistryClient, ref: ImageReference, tag: string, mediaType = OCI_MANIFEST, note = ''): Promise<Descriptor> {
  const layer = randomBytes(2048);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [sha256Digest(layer)] }, note }));
  const pushedConfig = await client.pushBlob(ref, config);
  const pushedLayer = await client.pushBlob(ref, layer);
  const docker = mediaType === DOCKER_MANIFEST;
  const manifest = {
    schemaVersion: 2,
    mediaType,
    config: { mediaType: docker ? 'application/vnd.docker.container.image.v1+json' : OCI_IMAGE_CONFIG, ...pushedConfig },
    layers: [{ mediaType: docker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar', ...pushedLayer }],
  };
  return client.putManifest(ref, tag, Buffer.from(JSON.stringify(manifest)), mediaType);
}

async function sha256OfStream(stream: Readable): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

beforeAll(() => {
  lab = getLab();
});

describe('pulling from the lab registry (distribution 2.8, token auth)', () => {
  it('resolves a tag to the digest the lab pushed and streams its layers checked against their digests', async () => {
    const image = lab.images.app;
    const ref = parseImageReference(image.reference);
    const client = clientFor(lab.registry, lab.credentials);
    const descriptor = await client.resolve(ref);
    expect(descriptor).toMatchObject({ digest: image.digest, mediaType: image.mediaType });

    const { manifest, bytes } = await client.getManifest(ref, descriptor.digest);
    expect(sha256Digest(bytes)).toBe(image.digest);
    expect(isIndex(manifest)).toBe(false);
    const imageManifest = manifest as OciManifest;
    const config = JSON.parse((await client.getBlob(ref, imageManifest.config.digest, { maxBytes: 1 << 20, size: imageManifest.config.size })).toString()) as { rootfs: { diff_ids: string[] } };
    expect(config.rootfs.diff_ids).toHaveLength(imageManifest.layers.length);

    const layer = imageManifest.layers[imageManifest.layers.length - 1] as Descriptor;
    const streamed = await sha256OfStream(await client.openBlob(ref, layer.digest, { maxBytes: layer.size, size: layer.size }));
    expect(streamed).toEqual({ digest: layer.digest, size: layer.size });
  });

  it('reads the two-platform index and each platform manifest', async () => {
    const image = lab.images.multi;
    const ref = parseImageReference(image.reference);
    const client = clientFor(lab.registry, lab.credentials);
    const { descriptor, manifest } = await client.getManifest(ref);
    expect(descriptor.digest).toBe(image.digest);
    expect(isIndex(manifest)).toBe(true);
    const children = (manifest as { manifests: Descriptor[] }).manifests;
    expect(children.map((child) => child.platform?.architecture).sort()).toEqual(image.platforms.map((p) => p.platform.architecture).sort());
    for (const child of children) {
      expect((await client.resolve({ ...ref, digest: child.digest })).digest).toBe(child.digest);
    }
  });

  it('takes credentials from the Docker config that DOCKER_CONFIG names', async () => {
    const client = new RegistryClient({ env: { DOCKER_CONFIG: lab.dockerConfigDir } });
    expect((await client.resolve(parseImageReference(lab.images.debian.reference))).digest).toBe(lab.images.debian.digest);
  });

  it('fails with one line naming registry, repository, operation and 401 when the password is wrong', async () => {
    const client = clientFor(lab.registry, { username: lab.credentials.username, password: 'wrong-password' });
    const error = expectOneLine(await client.resolve(parseImageReference(lab.images.app.reference)).catch((e: unknown) => e), 'UNAUTHORIZED');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(new RegExp(`^get token for repository:lab/app:pull \\(resolve ${lab.images.app.tag}\\) on ${lab.registry.host.replace(/\./g, '\\.')}/lab/app failed \\(HTTP 401\\): `));
    expect(error.message).toContain(`check the credentials for ${lab.registry.host} (docker login ${lab.registry.host})`);
  });

  it('reports an unknown tag as not found, in one line', async () => {
    const ref = { ...parseImageReference(lab.images.app.reference), tag: 'no-such-tag' };
    const error = expectOneLine(await clientFor(lab.registry, lab.credentials).resolve(ref).catch((e: unknown) => e), 'NOT_FOUND');
    expect(error.message).toContain('resolve no-such-tag on');
    expect(error.message).toContain('(HTTP 404)');
  });
});

describe('pushing to the lab registry', () => {
  it('pushes a blob in one PUT and a stream in PATCH chunks, and reads both back', async () => {
    const methods: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      methods.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.split('/').slice(-2, -1)[0]}`);
      return fetch(input, init);
    };
    const client = clientFor(lab.registry, lab.credentials, { chunkSize: 64 * 1024, fetch: recordingFetch });
    const ref = repo(lab.registry, 'push');

    const whole = randomBytes(1024 * 1024);
    const pushed = await client.pushBlob(ref, whole);
    expect(pushed).toEqual({ digest: sha256Digest(whole), size: whole.length });
    // Digests, not toEqual: a deep compare of a MiB Buffer takes seconds.
    expect(sha256Digest(await client.getBlob(ref, pushed.digest, { maxBytes: whole.length }))).toBe(pushed.digest);

    methods.length = 0;
    const streamed = randomBytes(300 * 1024);
    const pieces = Array.from({ length: 30 }, (_, i) => streamed.subarray(i * 10 * 1024, (i + 1) * 10 * 1024));
    const fromStream = await client.pushBlob(ref, Readable.from(pieces), { digest: sha256Digest(streamed), size: streamed.length });
    expect(fromStream).toEqual({ digest: sha256Digest(streamed), size: streamed.length });
    expect(methods.filter((m) => m.startsWith('PATCH'))).toHaveLength(5);
    expect(await client.hasBlob(ref, fromStream.digest)).toBe(true);
    expect(sha256Digest(await client.getBlob(ref, fromStream.digest, { maxBytes: streamed.length, size: streamed.length }))).toBe(sha256Digest(streamed));
  });

  it('refuses to finish a streamed upload whose content does not match the digest given', async () => {
    const client = clientFor(lab.registry, lab.credentials, { chunkSize: 16 * 1024 });
    const ref = repo(lab.registry, 'push');
    const claimed = sha256Digest(Buffer.from('something else'));
    expectOneLine(await client.pushBlob(ref, Readable.from([randomBytes(40 * 1024)]), { digest: claimed }).catch((e: unknown) => e), 'DIGEST_MISMATCH');
    expect(await client.hasBlob(ref, claimed)).toBe(false);
  });

  it('mounts a blob from another repository instead of uploading it', async () => {
    const methods: string[] = [];
    const client = clientFor(lab.registry, lab.credentials, {
      fetch: (input, init) => {
        methods.push(`${init?.method ?? 'GET'} ${new URL(String(input)).search}`);
        return fetch(input, init);
      },
    });
    const source = repo(lab.registry, 'mount-source');
    const target = repo(lab.registry, 'mount-target');
    const bytes = randomBytes(4096);
    const { digest } = await client.pushBlob(source, bytes);
    methods.length = 0;
    await client.pushBlob(target, bytes, { mountFrom: source.repository });
    expect(methods.some((m) => m.startsWith('POST ?mount='))).toBe(true);
    expect(methods.some((m) => m.startsWith('PUT'))).toBe(false);
    expect(await client.getBlob(target, digest, { maxBytes: 4096 })).toEqual(bytes);
  });

  it('resolves a tag to the manifest last pushed under it, for OCI and Docker schema 2', async () => {
    const client = clientFor(lab.registry, lab.credentials);
    const ref = repo(lab.registry, 'tags');
    const first = await pushImage(client, ref, 'v1');
    expect((await client.resolve({ ...ref, tag: 'v1' })).digest).toBe(first.digest);
    const second = await pushImage(client, ref, 'v1', DOCKER_MANIFEST, 'second');
    const resolved = await client.resolve({ ...ref, tag: 'v1' });
    expect(resolved).toEqual({ mediaType: DOCKER_MANIFEST, digest: second.digest, size: second.size });
    expect(resolved.digest).not.toBe(first.digest);
    await client.putManifest(ref, 'v2', (await client.getManifest(ref, first.digest)).bytes, OCI_MANIFEST);
    expect((await client.listTags(ref)).sort()).toEqual(['v1', 'v2']);
    // A digest in the reference wins over its tag, as in Docker.
    expect((await client.resolve({ ...ref, tag: 'v1', digest: first.digest })).digest).toBe(first.digest);
  });

  it('is refused push access with read-only credentials', async () => {
    const client = clientFor(lab.registry, lab.readOnlyCredentials);
    const error = await client.pushBlob(repo(lab.registry, 'readonly'), randomBytes(64)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(['UNAUTHORIZED', 'DENIED']).toContain((error as RegistryError).code);
    expect((error as Error).message).not.toMatch(/\n/);
  });
});

function artifact(artifactType: string, text: string, annotations?: Record<string, string>) {
  return {
    artifactType,
    layers: [{ mediaType: 'application/json', bytes: Buffer.from(JSON.stringify({ text })), annotations: { 'org.opencontainers.image.title': `${text}.json` } }],
    ...(annotations ? { annotations } : {}),
  };
}

function referrerTests(pick: () => RegistryInfo, expectedVia: 'tag-schema' | 'referrers-api'): void {
  it(`attaches referrers (${expectedVia}) and lists them, filtered by artifactType`, async () => {
    const registry = pick();
    const client = clientFor(registry, lab.credentials);
    const ref = repo(registry, `referrers-${expectedVia}`);
    const subject = await pushImage(client, ref, 'subject');
    const sbom = await attachReferrer(client, ref, subject, artifact('application/spdx+json', 'sbom', { 'org.example.kind': 'sbom' }));
    const provenance = await attachReferrer(client, ref, subject, artifact('application/vnd.in-toto+json', 'provenance'));
    expect(sbom.via).toBe(expectedVia);
    expect(provenance.via).toBe(expectedVia);

    const all = await listReferrers(client, ref, subject.digest);
    expect(all.map((d) => d.digest).sort()).toEqual([sbom.descriptor.digest, provenance.descriptor.digest].sort());
    const sboms = await listReferrers(client, ref, subject.digest, { artifactType: 'application/spdx+json' });
    expect(sboms).toHaveLength(1);
    expect(sboms[0]).toMatchObject({ mediaType: OCI_MANIFEST, digest: sbom.descriptor.digest, artifactType: 'application/spdx+json', annotations: { 'org.example.kind': 'sbom' } });

    const { manifest } = await client.getManifest(ref, sbom.descriptor.digest);
    expect(manifest).toMatchObject({ artifactType: 'application/spdx+json', subject: { digest: subject.digest }, config: { mediaType: OCI_EMPTY } });
    expect(await listReferrers(client, ref, sha256Digest(Buffer.from('no such subject')))).toEqual([]);
  });
}

describe('referrers on the lab registry', () => {
  it('has no referrers API on distribution 2.8, so the tag fallback is exercised', () => {
    expect(lab.registry.hasReferrersApi).toBe(false);
  });

  referrerTests(() => lab.registry, 'tag-schema');

  it('keeps every entry when 8 writers attach to the same subject at once', async () => {
    const ref = repo(lab.registry, 'race');
    const subject = await pushImage(clientFor(lab.registry, lab.credentials), ref, 'subject');
    for (let round = 0; round < 2; round += 1) {
      // A client each, as separate CI jobs would be: no shared token cache or connection.
      const attached = await Promise.all(
        Array.from({ length: 8 }, (_, i) => attachReferrer(clientFor(lab.registry, lab.credentials), ref, subject, artifact('application/vnd.example.test', `writer-${round}-${i}`))),
      );
      expect(attached.every((a) => a.via === 'tag-schema')).toBe(true);
      const listed = await listReferrers(clientFor(lab.registry, lab.credentials), ref, subject.digest);
      expect(listed).toHaveLength(8 * (round + 1));
      for (const a of attached) expect(listed.map((d) => d.digest)).toContain(a.descriptor.digest);
    }
    const { manifest, descriptor } = await clientFor(lab.registry, lab.credentials).getManifest(ref, referrersTag(subject.digest));
    expect(descriptor.mediaType).toBe(OCI_INDEX);
    expect((manifest as { manifests: Descriptor[] }).manifests.every((d) => d.artifactType === 'application/vnd.example.test')).toBe(true);
  });

});

// Distribution v3 is in the lab only where `go install` could build it.
const registryV3 = getLab().registryV3;
if (registryV3?.hasReferrersApi) {
  describe('referrers on distribution v3 (OCI 1.1 referrers API)', () => {
    referrerTests(() => registryV3, 'referrers-api');
  });
}

describe("cosign's legacy tags", () => {
  it('returns the layers of sha256-<hex>.sig with their annotations as they are', async () => {
    const client = clientFor(lab.registry, lab.credentials);
    const ref = repo(lab.registry, 'cosign');
    const subject = await pushImage(client, ref, 'signed');
    const payload = Buffer.from(JSON.stringify({ critical: { identity: { 'docker-reference': ref.repository }, image: { 'docker-manifest-digest': subject.digest }, type: 'cosign container image signature' }, optional: null }));
    const annotations = {
      [COSIGN_SIGNATURE_ANNOTATION]: 'MEUCIQ-signature',
      [COSIGN_BUNDLE_ANNOTATION]: '{"SignedEntryTimestamp":"x","Payload":{"logIndex":1}}',
      [COSIGN_CERTIFICATE_ANNOTATION]: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      [COSIGN_CHAIN_ANNOTATION]: '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n',
    };
    const config = await client.pushBlob(ref, Buffer.from('{}'));
    const layer = await client.pushBlob(ref, payload);
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_IMAGE_CONFIG, ...config },
      layers: [{ mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', ...layer, annotations }],
    };
    await client.putManifest(ref, cosignTag(subject.digest, 'sig'), Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST);

    const layers = await readCosignTag(client, ref, subject.digest, 'sig');
    expect(layers).toHaveLength(1);
    expect(layers[0]?.annotations).toEqual(annotations);
    expect(layers[0]?.payload).toEqual(payload);
    expect(await readCosignTag(client, ref, subject.digest, 'att')).toEqual([]);
  });
});

// Built with `go install` where the lab's tools are; the legacy tags are what cosign itself writes.
const COSIGN = peerBinary('cosign');
if (existsSync(COSIGN)) {
  describe('what cosign v3 writes', () => {
    it('reads its .sig and .att tags and its bundle in the referrers fallback, and keeps the bundle when adding ours', async () => {
      const client = clientFor(lab.registry, lab.credentials);
      const ref = repo(lab.registry, 'cosign-real');
      const subject = await pushImage(client, ref, 'v1');
      const dir = await mkdtemp(path.join(tmpdir(), 'oci-cosign-'));
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, DOCKER_CONFIG: lab.dockerConfigDir, COSIGN_PASSWORD: '' };
      const cosign = (...args: string[]) => promisify(execFile)(COSIGN, args, { cwd: dir, env, timeout: 60_000 });
      const target = `${lab.registry.host}/${ref.repository}@${subject.digest}`;
      const offline = ['--key', 'cosign.key', '--tlog-upload=false', '--use-signing-config=false', '--yes', '--allow-http-registry'];
      await writeFile(path.join(dir, 'predicate.json'), JSON.stringify({ buildType: 'https://example.com/build', builder: { id: 'lab' } }));
      await cosign('generate-key-pair');
      await cosign('sign', ...offline, '--new-bundle-format=false', target);
      await cosign('attest', ...offline, '--new-bundle-format=false', '--type', 'slsaprovenance', '--predicate', 'predicate.json', target);
      await cosign('attest', ...offline, '--new-bundle-format=true', '--type', 'spdxjson', '--predicate', 'predicate.json', target);

      const [signature] = await readCosignTag(client, ref, subject.digest, 'sig');
      expect(signature?.descriptor.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
      expect(signature?.annotations[COSIGN_SIGNATURE_ANNOTATION]).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
      expect((JSON.parse(signature?.payload.toString() ?? '{}') as { critical: { image: Record<string, string> } }).critical.image['docker-manifest-digest']).toBe(subject.digest);

      const [attestation] = await readCosignTag(client, ref, subject.digest, 'att');
      expect(attestation?.descriptor.mediaType).toBe('application/vnd.dsse.envelope.v1+json');
      const envelope = JSON.parse(attestation?.payload.toString() ?? '{}') as { payloadType: string; payload: string };
      expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
      const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as { subject: { digest: { sha256: string } }[] };
      expect(`sha256:${statement.subject[0]?.digest.sha256}`).toBe(subject.digest);

      const bundleType = 'application/vnd.dev.sigstore.bundle.v0.3+json';
      const [bundleEntry] = await listReferrers(client, ref, subject.digest, { artifactType: bundleType });
      expect(bundleEntry).toBeDefined();
      const ours = await attachReferrer(client, ref, subject, artifact('application/spdx+json', 'ours'));
      expect((await listReferrers(client, ref, subject.digest)).map((d) => d.digest).sort()).toEqual([bundleEntry?.digest, ours.descriptor.digest].sort());
      await rm(dir, { recursive: true, force: true });
    });
  });
}

describe('a registry of its own (distribution 2.8 with the lab token server)', () => {
  const service = `oci-private-${run}`;
  const writer = { username: 'writer', password: `pw-${run}` };
  let tokens: TokenServer;
  let registry: RegistryInstance;
  let front: RunningServer;
  let storage: RunningServer;
  const storageRequests: IncomingMessage['headers'][] = [];
  const storageBlobs = new Map<string, Buffer>();
  /** Answers the front proxy gives before forwarding, one per request: a status, or a reset connection. */
  const faults: (number | 'reset')[] = [];

  beforeAll(async () => {
    tokens = await startTokenServer({ services: [service], users: { [writer.username]: { password: writer.password, grants: [{ prefix: '', actions: ['*'] }] } } });
    registry = await startRegistry({ tokenAuthority: tokens, service, probeCredentials: writer });
    storage = await listen((req, res) => {
      storageRequests.push(req.headers);
      const blob = storageBlobs.get(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
      res.writeHead(blob ? 200 : 404).end(blob);
    });
    // Forwards the API to the registry but sends blob downloads to a storage host, as S3-backed registries do.
    front = await listen(async (req: IncomingMessage, res: ServerResponse) => {
      const fault = faults.shift();
      if (fault === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault !== undefined) {
        res.writeHead(fault, fault === 429 ? { 'retry-after': '1' } : {}).end();
        return;
      }
      const blob = /^\/v2\/.+\/blobs\/(sha256:[a-f0-9]{64})$/.exec(req.url ?? '');
      if (req.method === 'GET' && blob?.[1] && storageBlobs.has(blob[1])) {
        res.writeHead(307, { location: `http://localhost:${storage.port}/${blob[1]}?X-Amz-Signature=abc` }).end();
        return;
      }
      const body = await readBody(req);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const answer = await fetch(`${registry.url}${req.url ?? ''}`, { method: req.method ?? 'GET', headers, redirect: 'manual', ...(body.length > 0 ? { body } : {}) });
      const forwarded = Object.fromEntries([...answer.headers].filter(([name]) => !['content-encoding', 'transfer-encoding', 'connection'].includes(name)));
      res.writeHead(answer.status, forwarded).end(Buffer.from(await answer.arrayBuffer()));
    });
  });

  afterAll(async () => {
    await front?.close();
    await storage?.close();
    await registry?.stop();
    await tokens?.close();
  });

  function since(count: number) {
    return tokens.requests().slice(count);
  }

  it('asks the token server only for the scopes each operation needs', async () => {
    const client = clientFor(registry, writer);
    const ref = parseImageReference(`${registry.host}/team/app`);
    const before = tokens.requests().length;
    await client.hasBlob(parseImageReference(`${registry.host}/team/pulled`), sha256Digest(Buffer.from('x')));
    await client.pushBlob(ref, randomBytes(128));
    // The push token already covers pulls of team/app: no new request.
    await client.hasBlob(ref, sha256Digest(Buffer.from('x')));
    await client.pushBlob(parseImageReference(`${registry.host}/team/other`), randomBytes(64), { mountFrom: 'team/app' });
    expect(since(before).map((r) => r.scopes)).toEqual([['repository:team/pulled:pull'], ['repository:team/app:pull,push'], ['repository:team/other:pull,push', 'repository:team/app:pull']]);
    expect(since(before).every((r) => r.account === writer.username && r.status === 200)).toBe(true);
  });

  it('sends the credentials of one registry to no other', async () => {
    const client = new RegistryClient({ env: NO_DOCKER_CONFIG, credentials: { [lab.registry.host]: lab.credentials } });
    const before = tokens.requests().length;
    const error = await client.pushBlob(parseImageReference(`${registry.host}/team/app`), randomBytes(16)).catch((e: unknown) => e);
    expectOneLine(error, 'UNAUTHORIZED');
    expect(since(before).length).toBeGreaterThan(0);
    expect(since(before).every((r) => r.account === null)).toBe(true);
  });

  it('detects a blob corrupted in the registry storage', async () => {
    const client = clientFor(registry, writer);
    const ref = parseImageReference(`${registry.host}/team/corrupt`);
    const bytes = randomBytes(100 * 1024);
    const { digest } = await client.pushBlob(ref, bytes);
    const hex = digest.slice('sha256:'.length);
    const file = path.join(registry.storageDir, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    const tampered = Buffer.from(bytes);
    tampered[50_000] = (tampered[50_000] ?? 0) ^ 0xff;
    await writeFile(file, tampered);

    const whole = expectOneLine(await client.getBlob(ref, digest, { maxBytes: bytes.length }).catch((e: unknown) => e), 'DIGEST_MISMATCH');
    expect(whole.message).toContain(`get blob ${digest} on ${registry.host}/team/corrupt failed (HTTP 200): content has digest ${sha256Digest(tampered)}, expected ${digest}`);
    const stream = await client.openBlob(ref, digest, { maxBytes: bytes.length, size: bytes.length });
    expectOneLine(await sha256OfStream(stream).catch((e: unknown) => e), 'DIGEST_MISMATCH');

    await writeFile(file, Buffer.concat([bytes, Buffer.from('extra')]));
    expectOneLine(await client.getBlob(ref, digest, { maxBytes: 10 * bytes.length, size: bytes.length }).catch((e: unknown) => e), 'DIGEST_MISMATCH');
  });

  it('detects a manifest corrupted in the registry storage, by digest and by tag', async () => {
    const client = clientFor(registry, writer);
    const ref = parseImageReference(`${registry.host}/team/corrupt-manifest`);
    const pushed = await pushImage(client, ref, 'v1', OCI_MANIFEST);
    const hex = pushed.digest.slice('sha256:'.length);
    const file = path.join(registry.storageDir, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    const original = await readFile(file, 'utf8');
    // Still valid JSON, so only the digest check can tell.
    await writeFile(file, original.replace('"amd64"', '"arm64"').replace('"schemaVersion":2', '"schemaVersion": 2'));

    const byDigest = expectOneLine(await client.getManifest(ref, pushed.digest).catch((e: unknown) => e), 'DIGEST_MISMATCH');
    expect(byDigest.message).toContain('(the requested digest)');
    const byTag = expectOneLine(await client.getManifest(ref, 'v1').catch((e: unknown) => e), 'DIGEST_MISMATCH');
    expect(byTag.message).toContain('(its Docker-Content-Digest header)');
    expectOneLine(await client.resolve({ ...ref, digest: pushed.digest }).catch((e: unknown) => e), 'DIGEST_MISMATCH');
    await writeFile(file, original);
  });

  it('follows a blob redirect to a storage host without sending it the Authorization header', async () => {
    const direct = clientFor(registry, writer);
    const ref = parseImageReference(`${registry.host}/team/redirect`);
    const bytes = randomBytes(8192);
    const { digest } = await direct.pushBlob(ref, bytes);
    storageBlobs.set(digest, bytes);
    const viaFront = clientFor({ host: `127.0.0.1:${front.port}` }, writer);
    const frontRef = parseImageReference(`127.0.0.1:${front.port}/team/redirect`);
    expect(await viaFront.getBlob(frontRef, digest, { maxBytes: bytes.length })).toEqual(bytes);
    expect(storageRequests).toHaveLength(1);
    expect(storageRequests[0]?.authorization).toBeUndefined();

    storageBlobs.set(digest, randomBytes(8192));
    expectOneLine(await viaFront.getBlob(frontRef, digest, { maxBytes: bytes.length }).catch((e: unknown) => e), 'DIGEST_MISMATCH');
  });

  it('rides out 429 with Retry-After, 503 and a reset connection in front of the real registry', async () => {
    const direct = clientFor(registry, writer);
    const ref = parseImageReference(`${registry.host}/team/flaky`);
    const pushed = await pushImage(direct, ref, 'v1');
    const viaFront = clientFor({ host: `127.0.0.1:${front.port}` }, writer, { retryBaseMs: 50 });
    const frontRef = parseImageReference(`127.0.0.1:${front.port}/team/flaky:v1`);
    await viaFront.resolve(frontRef);
    faults.push(429, 503, 'reset');
    const started = Date.now();
    expect((await viaFront.getManifest(frontRef)).descriptor.digest).toBe(pushed.digest);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(faults).toHaveLength(0);
  });

  it('gives up on a registry that keeps failing, naming the status and the attempts', async () => {
    const viaFront = clientFor({ host: `127.0.0.1:${front.port}` }, writer, { retryBaseMs: 10, maxRetries: 2 });
    faults.push(503, 503, 503);
    const error = expectOneLine(await viaFront.resolve(parseImageReference(`127.0.0.1:${front.port}/team/flaky:v1`)).catch((e: unknown) => e), 'SERVER_ERROR');
    expect(error.message).toBe(`resolve v1 on 127.0.0.1:${front.port}/team/flaky failed (HTTP 503): Service Unavailable; the registry failed, gave up after 3 attempts; retry later`);
  });

  it('reports a registry that is down as unreachable, in one line', async () => {
    await registry.stop();
    const error = expectOneLine(await clientFor(registry, writer).resolve(parseImageReference(`${registry.host}/team/app:v1`)).catch((e: unknown) => e), 'UNREACHABLE');
    expect(error.message).toBe(`resolve v1 on ${registry.host}/team/app failed (no HTTP response): registry unreachable: connection refused at http://${registry.host}; is the registry running, and are host and port right?`);
  });
});

describe('a Docker config listing a credential helper', () => {
  it('gets lab credentials through docker-credential-<name>', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'oci-helper-'));
    await mkdir(path.join(dir, 'bin'), { recursive: true });
    const secret = JSON.stringify({ ServerURL: lab.registry.host, Username: lab.credentials.username, Secret: lab.credentials.password });
    await writeFile(path.join(dir, 'bin', 'docker-credential-oci-lab'), `#!/bin/sh\nread -r server\n[ "$server" = "${lab.registry.host}" ] && printf '%s' '${secret}' && exit 0\necho "credentials not found in native keychain"; exit 1\n`);
    await chmod(path.join(dir, 'bin', 'docker-credential-oci-lab'), 0o755);
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ credHelpers: { [lab.registry.host]: 'oci-lab' } }));
    const client = new RegistryClient({ env: { DOCKER_CONFIG: dir, PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin` } });
    const ref = repo(lab.registry, 'helper');
    const pushed = await pushImage(client, ref, 'v1');
    expect((await client.resolve({ ...ref, tag: 'v1' })).digest).toBe(pushed.digest);
    await rm(dir, { recursive: true, force: true });
  });
});
