import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BUNDLE_V03_MEDIA_TYPE, type SerializedBundle } from '@sigstore/bundle';
import { describe, expect, it } from 'vitest';
import { bundleReferrerArtifact } from '../../../src/attest/bundle-media.js';

const vectors = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'vectors');
const readBundle = async (path: string) => JSON.parse(await readFile(resolve(vectors, path), 'utf8')) as SerializedBundle;

describe('OCI layout of a stored bundle', () => {
  it('is the actions/attest and cosign v3 layout: bundle media type, empty config, bundle as the single layer', async () => {
    const bundle = await readBundle('cli-cli/reusable-workflow-attestation.sigstore.json');
    const created = new Date('2025-05-07T08:05:10.123Z');
    const artifact = bundleReferrerArtifact(bundle, created);
    const bytes = Buffer.from(JSON.stringify(bundle));
    const hex = createHash('sha256').update(bytes).digest('hex');
    expect(artifact).toEqual({
      artifactType: BUNDLE_V03_MEDIA_TYPE,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', bytes: Buffer.from('{}') },
      layers: [{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', bytes, annotations: { 'org.opencontainers.image.title': `sha256-${hex}.sigstore.json` } }],
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1',
        'org.opencontainers.image.created': '2025-05-07T08:05:10.123Z',
      },
    });
  });

  it('takes the predicate type from the signed statement, so the annotation cannot disagree with it', async () => {
    const bundle = await readBundle('cli-cli/reusable-workflow-attestation.sigstore.json');
    const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope!.payload, 'base64').toString('utf8')) as Record<string, unknown>;
    const sbomBundle = { ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope!, payload: Buffer.from(JSON.stringify({ ...payload, predicateType: 'https://spdx.dev/Document/v2.3' })).toString('base64') } } as SerializedBundle;
    expect(bundleReferrerArtifact(sbomBundle).annotations['dev.sigstore.bundle.predicateType']).toBe('https://spdx.dev/Document/v2.3');
  });

  it('marks a message-signature bundle as such, without a predicate type', async () => {
    const bundle = await readBundle('sigstore-go/othername.sigstore.json');
    const annotations = bundleReferrerArtifact(bundle).annotations;
    expect(annotations['dev.sigstore.bundle.content']).toBe('message-signature');
    expect(annotations).not.toHaveProperty('dev.sigstore.bundle.predicateType');
  });

  it('stores the bundle bytes as JSON that parses back to the same bundle', async () => {
    const bundle = await readBundle('cli-cli/reusable-workflow-attestation.sigstore.json');
    const layer = bundleReferrerArtifact(bundle).layers[0]!;
    expect(JSON.parse(Buffer.from(layer.bytes).toString('utf8'))).toEqual(bundle);
  });
});
