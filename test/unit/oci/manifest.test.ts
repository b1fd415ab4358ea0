import { describe, expect, it } from 'vitest';
import { sha256Digest } from '../../../src/oci/digest.js';
import { ManifestError, parseManifest } from '../../../src/oci/manifest.js';
import { DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_EMPTY, OCI_INDEX, OCI_MANIFEST } from '../../../src/oci/media-types.js';

const empty = { mediaType: OCI_EMPTY, digest: sha256Digest(Buffer.from('{}')), size: 2 };
const bytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('parseManifest', () => {
  it('accepts OCI and Docker manifests, indexes and manifest lists', () => {
    expect(parseManifest(bytes({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [empty] }), OCI_MANIFEST).mediaType).toBe(OCI_MANIFEST);
    expect(parseManifest(bytes({ schemaVersion: 2, mediaType: DOCKER_MANIFEST, config: empty, layers: [] }), DOCKER_MANIFEST).mediaType).toBe(DOCKER_MANIFEST);
    expect(parseManifest(bytes({ schemaVersion: 2, mediaType: DOCKER_MANIFEST_LIST, manifests: [] }), DOCKER_MANIFEST_LIST).mediaType).toBe(DOCKER_MANIFEST_LIST);
  });

  it('takes the media type from the header, or the shape, when the JSON leaves it out', () => {
    expect(parseManifest(bytes({ schemaVersion: 2, manifests: [] }), undefined).mediaType).toBe(OCI_INDEX);
    expect(parseManifest(bytes({ schemaVersion: 2, config: empty, layers: [] }), 'application/json').mediaType).toBe(OCI_MANIFEST);
    expect(parseManifest(bytes({ schemaVersion: 2, config: empty, layers: [] }), DOCKER_MANIFEST).mediaType).toBe(DOCKER_MANIFEST);
  });

  it.each([
    ['not JSON', Buffer.from('{'), 'not valid JSON'],
    ['schema 1', bytes({ schemaVersion: 1 }), 'Docker schema 1'],
    ['no layers', bytes({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty }), 'no layers array'],
    ['a bad layer digest', bytes({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: empty, layers: [{ ...empty, digest: 'sha256:abc' }] }), 'layers[0].digest "sha256:abc"'],
    ['a negative size', bytes({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ ...empty, size: -1 }] }), 'manifests[0].size'],
    ['non-string annotations', bytes({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [], annotations: { a: 1 } }), 'manifest.annotations'],
    ['an unknown media type', bytes({ schemaVersion: 2, mediaType: 'application/x-other', manifests: [] }), 'neither an image manifest nor an index'],
  ])('rejects %s', (_name, input, problem) => {
    expect(() => parseManifest(input, undefined)).toThrow(ManifestError);
    expect(() => parseManifest(input, undefined)).toThrow(problem);
  });

  it('rejects a body whose mediaType contradicts the Content-Type', () => {
    expect(() => parseManifest(bytes({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }), OCI_MANIFEST)).toThrow(`served it as ${OCI_MANIFEST} but its mediaType is ${OCI_INDEX}`);
  });
});
