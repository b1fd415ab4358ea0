import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/client.js';
import { sha256Digest } from '../../../src/oci/digest.js';
import { RegistryError } from '../../../src/oci/errors.js';
import type { Descriptor } from '../../../src/oci/manifest.js';
import { OCI_EMPTY, OCI_INDEX, OCI_MANIFEST } from '../../../src/oci/media-types.js';
import { parseImageReference } from '../../../src/oci/reference.js';
import { attachReferrer, listReferrers, referrersTag } from '../../../src/oci/referrers.js';
import { fakeRegistry, type FakeRegistry, type FakeRegistryOptions } from './fake-registry.js';

const registries: FakeRegistry[] = [];
afterEach(async () => {
  await Promise.all(registries.splice(0).map((r) => r.close()));
});

async function setup(options: FakeRegistryOptions = {}) {
  const registry = await fakeRegistry(options);
  registries.push(registry);
  const client = new RegistryClient({ env: { DOCKER_CONFIG: '/nonexistent' }, maxRetries: 0 });
  const ref = parseImageReference(`${registry.host}/team/app`);
  const empty = { mediaType: OCI_EMPTY, digest: sha256Digest(Buffer.from('{}')), size: 2 };
  await client.pushBlob(ref, Buffer.from('{}'));
  const subject = await client.putManifest(ref, 'v1', Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [empty] })), OCI_MANIFEST);
  return { registry, client, ref, subject };
}

function artifact(artifactType: string, text: string) {
  return { artifactType, layers: [{ mediaType: 'application/json', bytes: Buffer.from(text) }], annotations: { 'org.example.text': text } };
}

const fast = { settleMs: 5 };

describe('with the referrers API', () => {
  it('lets the registry index the artifact and writes no fallback tag', async () => {
    const { registry, client, ref, subject } = await setup({ referrersApi: true, applyFilters: true });
    const attached = await attachReferrer(client, ref, subject, artifact('application/spdx+json', 'sbom'), fast);
    expect(attached.via).toBe('referrers-api');
    expect(registry.manifests.has(`team/app@${referrersTag(subject.digest)}`)).toBe(false);
    expect(await listReferrers(client, ref, subject.digest)).toEqual([
      { mediaType: OCI_MANIFEST, digest: attached.descriptor.digest, size: attached.descriptor.size, artifactType: 'application/spdx+json', annotations: { 'org.example.text': 'sbom' } },
    ]);
  });

  it('filters by artifactType itself when the registry ignored the filter', async () => {
    const { client, ref, subject } = await setup({ referrersApi: true, applyFilters: false });
    await attachReferrer(client, ref, subject, artifact('application/spdx+json', 'sbom'), fast);
    await attachReferrer(client, ref, subject, artifact('application/vnd.in-toto+json', 'provenance'), fast);
    expect((await listReferrers(client, ref, subject.digest)).length).toBe(2);
    const filtered = await listReferrers(client, ref, subject.digest, { artifactType: 'application/vnd.in-toto+json' });
    expect(filtered.map((d) => d.annotations?.['org.example.text'])).toEqual(['provenance']);
  });
});

describe('with the tag-schema fallback', () => {
  it('writes an index under sha256-<hex> whose entries carry artifactType and annotations', async () => {
    const { registry, client, ref, subject } = await setup();
    const attached = await attachReferrer(client, ref, subject, artifact('application/spdx+json', 'sbom'), fast);
    expect(attached.via).toBe('tag-schema');
    const stored = registry.manifests.get(`team/app@${referrersTag(subject.digest)}`);
    expect(stored?.mediaType).toBe(OCI_INDEX);
    expect(JSON.parse(stored?.bytes.toString() ?? '{}')).toEqual({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [attached.descriptor] });
    expect(attached.descriptor).toMatchObject({ artifactType: 'application/spdx+json', annotations: { 'org.example.text': 'sbom' } });
  });

  it('keeps entries other tools wrote', async () => {
    const { registry, client, ref, subject } = await setup();
    const foreign: Descriptor = { mediaType: OCI_MANIFEST, digest: sha256Digest(Buffer.from('foreign')), size: 7, artifactType: 'application/vnd.other' };
    await client.putManifest(ref, referrersTag(subject.digest), Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [foreign] })), OCI_INDEX);
    const attached = await attachReferrer(client, ref, subject, artifact('application/spdx+json', 'sbom'), fast);
    expect((await listReferrers(client, ref, subject.digest)).map((d) => d.digest)).toEqual([foreign.digest, attached.descriptor.digest]);
    expect(registry.manifests.size).toBeGreaterThan(0);
  });

  it.each([
    ['a registry that ignores If-Match', false],
    ['a registry that honours If-Match', true],
  ])('loses no entry with 8 concurrent writers on %s', async (_name, honourIfMatch) => {
    const { client, ref, subject } = await setup({ honourIfMatch });
    const attached = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attachReferrer(new RegistryClient({ env: { DOCKER_CONFIG: '/nonexistent' } }), ref, subject, artifact('application/vnd.example', `w${i}`), fast)),
    );
    const listed = (await listReferrers(client, ref, subject.digest)).map((d) => d.digest).sort();
    expect(listed).toEqual(attached.map((a) => a.descriptor.digest).sort());
  });

  it('refuses to touch a fallback tag that holds something other than an index', async () => {
    const { client, ref, subject } = await setup();
    const empty = { mediaType: OCI_EMPTY, digest: sha256Digest(Buffer.from('{}')), size: 2 };
    await client.putManifest(ref, referrersTag(subject.digest), Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [] })), OCI_MANIFEST);
    const error = await attachReferrer(client, ref, subject, artifact('application/spdx+json', 'sbom'), fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toContain('not an image index');
  });

  it('returns no referrers for a subject without a fallback tag', async () => {
    const { client, ref } = await setup();
    expect(await listReferrers(client, ref, sha256Digest(Buffer.from('nothing')))).toEqual([]);
  });
});
