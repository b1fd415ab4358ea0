import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundlesFromCosignTag, cosignLayerToFoundBundle, simpleSigningSubject } from '../../src/evidence/from-cosign-tags.js';
import { COSIGN_BUNDLE_ANNOTATION, COSIGN_CERTIFICATE_ANNOTATION, COSIGN_SIGNATURE_ANNOTATION, readCosignTag } from '../../src/oci/cosign-tags.js';
import type { CosignLayer } from '../../src/oci/cosign-tags.js';
import { parseImageReference } from '../../src/oci/reference.js';
import { loadTrustMaterial, parseBundle, verifyAttestationBundle, verifyBundleSignature, VerificationFailure } from '../../src/verify/index.js';
import { getLab, mintIdToken } from '../lab/context.js';
import { freshImage, labClient, uniqueRepository } from '../integration/fresh-image.js';
import type { FreshImage } from '../integration/fresh-image.js';
import { runPeer } from './peers.js';

function legacyKeyless(token: string): string[] {
  const lab = getLab();
  return ['--yes', '--identity-token', token, '--trusted-root', lab.sigstore.trustedRootPath, '--use-signing-config=false', '--fulcio-url', lab.sigstore.fulcioURL, '--rekor-url', lab.sigstore.rekorURL, '--new-bundle-format=false'];
}

function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof VerificationFailure) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no failure';
}

describe("cosign's legacy .sig and .att layers as v0.1 bundles", () => {
  let image: FreshImage;
  let sig: CosignLayer;
  let att: CosignLayer;

  beforeAll(async () => {
    image = await freshImage(getLab().images.app, uniqueRepository('cosign-layers'));
    const signed = await runPeer('cosign', ['sign', ...legacyKeyless(await mintIdToken()), image.digestReference]);
    expect(signed.exitCode, signed.stderr).toBe(0);
    const predicate = path.join(await mkdtemp(path.join(tmpdir(), 'predicate-')), 'predicate.json');
    await writeFile(predicate, '{"checked":true}');
    const attested = await runPeer('cosign', ['attest', ...legacyKeyless(await mintIdToken()), '--type', 'https://example.com/custom/v1', '--predicate', predicate, image.digestReference]);
    expect(attested.exitCode, attested.stderr).toBe(0);
    const ref = parseImageReference(image.digestReference);
    sig = (await readCosignTag(labClient(), ref, image.digest, 'sig'))[0]!;
    att = (await readCosignTag(labClient(), ref, image.digest, 'att'))[0]!;
  }, 120_000);

  const trust = () => loadTrustMaterial(getLab().sigstore.trustedRootPath);

  it('turns a .sig layer into a message-signature bundle that verifies over its simple-signing payload', () => {
    const found = cosignLayerToFoundBundle(sig, 'sig', image.digest, 'test');
    const bundle = parseBundle(found.bundle);

    const verified = verifyBundleSignature(bundle, trust(), { artifact: found.signedPayload! });

    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.1');
    expect(verified.signer).toMatchObject({ kind: 'certificate', identity: { subjectAlternativeName: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main' } });
    expect(verified.timestamps.map((timestamp) => timestamp.kind)).toEqual(['tlog']);
    expect(simpleSigningSubject(found.signedPayload!)).toBe(image.digest);
  });

  it('turns an .att layer into a DSSE bundle whose statement names the image', () => {
    const found = cosignLayerToFoundBundle(att, 'att', image.digest, 'test');

    const verified = verifyAttestationBundle(parseBundle(found.bundle), trust(), { expectedDigest: image.digest });

    expect(found.signedPayload).toBeUndefined();
    expect(verified.statement.predicateType).toBe('https://example.com/custom/v1');
  });

  it('does not verify a .sig payload changed after signing', () => {
    const payload = Buffer.from(sig.payload.toString('utf8').replace(image.digest, `sha256:${'0'.repeat(64)}`));
    const found = cosignLayerToFoundBundle({ ...sig, payload }, 'sig', image.digest, 'test');

    expect(failureOf(() => verifyBundleSignature(parseBundle(found.bundle), trust(), { artifact: found.signedPayload! }))).toMatch(/^SIGNATURE_INVALID: /);
  });

  it.each([
    ['without a certificate (key-signed)', { [COSIGN_CERTIFICATE_ANNOTATION]: '' }, /^KEY_UNTRUSTED: .*signed with a key, not keyless/],
    ['without the Rekor bundle annotation', { [COSIGN_BUNDLE_ANNOTATION]: '' }, /^TLOG_MISSING: /],
    ['with a Rekor bundle annotation that is not JSON', { [COSIGN_BUNDLE_ANNOTATION]: '{' }, /^BUNDLE_MALFORMED: .*not JSON/],
    ['with a Rekor bundle annotation lacking the SET', { [COSIGN_BUNDLE_ANNOTATION]: '{"Payload":{}}' }, /^BUNDLE_MALFORMED: .*lacks SignedEntryTimestamp/],
    ['with a certificate that is not PEM', { [COSIGN_CERTIFICATE_ANNOTATION]: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }, /^CERTIFICATE_MALFORMED: /],
    ['without a signature', { [COSIGN_SIGNATURE_ANNOTATION]: '' }, /^BUNDLE_MALFORMED: .*no dev\.cosignproject\.cosign\/signature/],
  ])('refuses a .sig layer %s', (_name, annotations, expected) => {
    expect(failureOf(() => cosignLayerToFoundBundle({ ...sig, annotations: { ...sig.annotations, ...annotations } }, 'sig', image.digest, 'test'))).toMatch(expected);
  });

  it('refuses an .att layer that is not a DSSE envelope', () => {
    expect(failureOf(() => cosignLayerToFoundBundle({ ...att, payload: Buffer.from('not json') }, 'att', image.digest, 'test'))).toMatch(/^BUNDLE_MALFORMED: the \.att layer is not a DSSE envelope/);
  });

  it.each([
    ['not JSON', 'nope'],
    ['another payload type', JSON.stringify({ critical: { type: 'atomic container signature', image: { 'docker-manifest-digest': `sha256:${'a'.repeat(64)}` } } })],
    ['no digest', JSON.stringify({ critical: { type: 'cosign container image signature', image: {} } })],
  ])('reads no image digest from a simple-signing payload that is %s', (_name, payload) => {
    expect(failureOf(() => simpleSigningSubject(Buffer.from(payload)))).toMatch(/^STATEMENT_INVALID: /);
  });

  it('finds nothing, and no error, for a digest without cosign tags', async () => {
    const unsigned = await freshImage(getLab().images.unsigned, uniqueRepository('cosign-none'));

    expect(await bundlesFromCosignTag(labClient(), parseImageReference(unsigned.digestReference), unsigned.digest, 'sig')).toEqual({ bundles: [], errors: [] });
  });
});
