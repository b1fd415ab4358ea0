import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../src/verify/index.js';
import { readVector, readVectorJson } from './vectors.js';
import { failure } from './expect-failure.js';

describe('parseBundle', () => {
  it('accepts v0.1, v0.2 and both v0.3 media types, from text, bytes or an object', () => {
    expect(parseBundle(readVector('cli-cli/sigstore-js-2.1.0-bundle-v0.1.json')).mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.1');
    expect(parseBundle(Buffer.from(readVector('cli-cli/sigstore.js-2.2.0.bundle.json'))).mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.2');
    expect(parseBundle(readVectorJson('sigstore-js/tests-bundles/bundleV03-dsse.sigstore')).mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.3');
    const latest = parseBundle(readVectorJson('cli-cli/sigstore-js-2.1.0-bundle.json'));
    expect(latest.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(latest.content.$case).toBe('dsseEnvelope');
  });

  it('names the source of malformed JSON', () => {
    const error = failure(() => parseBundle('{"mediaType":', 'k8s/bundles.jsonl:3'));
    expect(error.code).toBe('BUNDLE_MALFORMED');
    expect(error.message).toMatch(/^k8s\/bundles\.jsonl:3: not JSON \(/);
  });

  it('rejects non-objects and unknown media types, listing the supported ones', () => {
    expect(failure(() => parseBundle([])).code).toBe('BUNDLE_MALFORMED');
    const error = failure(() => parseBundle({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.4+json' }, 'x.json'));
    expect(error.code).toBe('BUNDLE_UNSUPPORTED');
    expect(error.message).toContain('x.json: unsupported bundle media type "application/vnd.dev.sigstore.bundle.v0.4+json"; supported: ');
    expect(error.message).toContain('application/vnd.dev.sigstore.bundle.v0.3+json');
  });

  it('rejects a bundle without verification material or with missing fields', () => {
    const json = readVectorJson('cli-cli/sigstore-js-2.1.0-bundle.json') as Record<string, unknown>;
    const noMaterial = { ...json, verificationMaterial: undefined };
    expect(failure(() => parseBundle(noMaterial, 'a.json')).message).toBe('a.json: the bundle has no verificationMaterial (certificate or public key)');
    const noContent = { ...json, dsseEnvelope: undefined };
    expect(failure(() => parseBundle(noContent, 'b.json')).message).toBe('b.json: invalid application/vnd.dev.sigstore.bundle.v0.3+json bundle: missing or empty content');
  });

  it('rejects a v0.3 bundle that carries a certificate chain', () => {
    const json = readVectorJson('cli-cli/sigstore.js-2.2.0.bundle.json') as Record<string, unknown>;
    const error = failure(() => parseBundle({ ...json, mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }, 'c.json'));
    expect(error.message).toContain('verificationMaterial.content.$case');
  });
});
