import { describe, expect, it } from 'vitest';
import { loadTrustMaterial, parseBundle, trustFromJson, verifyAttestationBundle } from '../../../src/verify/index.js';
import { PROD_ROOT, readVector, readVectorJson, vectorPath } from './vectors.js';
import { failure } from './expect-failure.js';

const COSIGN = 'container-images/cosign-oci-attestation.sigstore.json';
const COSIGN_DIGEST = 'sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4';
const prod = loadTrustMaterial(vectorPath(PROD_ROOT));

interface EnvelopeJson {
  dsseEnvelope: { payload: string };
}

describe('verifyAttestationBundle', () => {
  it('returns the signer, the statement, the media type and the verified log time of an image attestation', () => {
    const verified = verifyAttestationBundle(parseBundle(readVector(COSIGN)), prod, { expectedDigest: COSIGN_DIGEST });
    expect(verified.bundleMediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(verified.statement.predicateType).toBe('https://cosign.sigstore.dev/attestation/v1');
    expect(verified.statement.subject[0]!.name).toBe('127.0.0.1:60943/repo');
    expect(verified.signer).toMatchObject({ subjectAlternativeName: 'cody@soyland.com', issuer: 'https://github.com/login/oauth' });
    expect(verified.timestamps).toEqual([{ kind: 'tlog', time: new Date(1740770291 * 1000), logIndex: expect.stringMatching(/^\d+$/) }]);
  });

  it('fails with SIGNATURE_INVALID when the payload was changed after signing', () => {
    const json = readVectorJson(COSIGN) as EnvelopeJson;
    const statement = Buffer.from(json.dsseEnvelope.payload, 'base64').toString('utf8');
    const tampered = statement.replace('732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4', 'f'.repeat(64));
    expect(tampered).not.toBe(statement);
    json.dsseEnvelope.payload = Buffer.from(tampered).toString('base64');
    const error = failure(() => verifyAttestationBundle(parseBundle(json), prod, { expectedDigest: `sha256:${'f'.repeat(64)}` }));
    expect(error.code).toBe('SIGNATURE_INVALID');
    expect(error.message).toBe("the signature does not verify over the DSSE payload (changed after signing?) with the signing certificate's key");
  });

  it('fails with SUBJECT_MISMATCH for another image digest, saying which digest the attestation is about', () => {
    const error = failure(() => verifyAttestationBundle(parseBundle(readVector(COSIGN)), prod, { expectedDigest: `sha256:${'1'.repeat(64)}` }));
    expect(error.code).toBe('SUBJECT_MISMATCH');
    expect(error.message).toBe(`the attestation is about ${COSIGN_DIGEST}, not sha256:${'1'.repeat(64)}`);
  });

  it('compares the digest of the algorithm asked for, so a sha256 request does not match a sha512 subject', () => {
    const bundle = parseBundle(readVector('cli-cli/sigstore-js-2.1.0-bundle.json'));
    expect(failure(() => verifyAttestationBundle(bundle, prod, { expectedDigest: `sha256:${'9'.repeat(64)}` })).code).toBe('SUBJECT_MISMATCH');
  });

  it('fails with CERTIFICATE_UNTRUSTED against an unrelated root', () => {
    const unrelated = loadTrustMaterial(vectorPath('sigstore-go/trusted-root-scaffolding.json'));
    const error = failure(() => verifyAttestationBundle(parseBundle(readVector(COSIGN)), unrelated));
    expect(error.code).toBe('CERTIFICATE_UNTRUSTED');
    expect(error.message).toContain('issued by "O=sigstore.dev, CN=sigstore-intermediate"');
  });

  it('fails with CERTIFICATE_UNTRUSTED when the CA has the right name but the wrong key (staging)', () => {
    const staging = loadTrustMaterial(vectorPath('sigstore-python/staging.trusted_root.json'));
    const error = failure(() => verifyAttestationBundle(parseBundle(readVector(COSIGN)), staging));
    expect(error.code).toBe('CERTIFICATE_UNTRUSTED');
    expect(error.message).toMatch(/Failed to verify certificate chain \(sigstore-js CERTIFICATE_ERROR\)$/);
  });

  it('fails with TIMESTAMP_MISSING when a root without transparency logs meets a bundle without a TSA timestamp', () => {
    const root = readVectorJson(PROD_ROOT) as Record<string, unknown>;
    const tsaOnly = trustFromJson({ ...root, tlogs: [], ctlogs: [] }, 'tsa-only-root.json');
    const error = failure(() => verifyAttestationBundle(parseBundle(readVector(COSIGN)), tsaOnly));
    expect(error.code).toBe('TIMESTAMP_MISSING');
    expect(error.message).toBe('the bundle has no RFC 3161 timestamp, which tsa-only-root.json requires (it has no transparency log)');
  });

  it('fails for a message signature, an in-toto-less payload and a malformed expected digest', () => {
    const message = parseBundle(readVector('sigstore-python/bundle_v3_github.whl.sigstore'));
    expect(failure(() => verifyAttestationBundle(message, prod)).code).toBe('STATEMENT_INVALID');
    const text = parseBundle(readVector('sigstore-js/verify-fixtures-extracted/V3.DSSE.TLOG_DSSEV002.rekor2.json'));
    expect(failure(() => verifyAttestationBundle(text, prod)).message).toMatch(/^the DSSE payload type is "text\/plain"/);
    expect(failure(() => verifyAttestationBundle(parseBundle(readVector(COSIGN)), prod, { expectedDigest: 'sha256:xyz' })).code).toBe('INPUT_INVALID');
  });
});
