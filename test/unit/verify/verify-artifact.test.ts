import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VerificationFailure, loadTrustMaterial, parseBundle, trustFromJson, verifyArtifactBundle, verifyBundleSignature } from '../../../src/verify/index.js';
import { PROD_ROOT, readVector, readVectorJson, vectorPath } from './vectors.js';

const prod = loadTrustMaterial(vectorPath(PROD_ROOT));
const HELLO = 'sigstore-js/verify-fixtures-extracted/V3.MESSAGE_SIGNATURE.TLOG_HASHEDREKORDV002.rekor2.json';
const identity = { identity: 'brian@dehamer.com', issuer: 'https://github.com/login/oauth' };

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof VerificationFailure) return error.code;
    throw error;
  }
  return 'PASSED';
}

describe('verifyArtifactBundle', () => {
  it('checks the SAN and the OIDC issuer exactly', () => {
    const bundle = parseBundle(readVector(HELLO));
    const artifact = Buffer.from('hello, world!');
    expect(verifyArtifactBundle({ bundle, artifact, trust: prod, ...identity })).toMatchObject({ kind: 'certificate' });
    expect(code(() => verifyArtifactBundle({ bundle, artifact, trust: prod, ...identity, identity: 'brian@dehamer.co' }))).toBe('IDENTITY_MISMATCH');
    expect(code(() => verifyArtifactBundle({ bundle, artifact, trust: prod, ...identity, identity: 'BRIAN@dehamer.com' }))).toBe('IDENTITY_MISMATCH');
    expect(code(() => verifyArtifactBundle({ bundle, artifact, trust: prod, ...identity, issuer: 'https://github.com/login/oauth/' }))).toBe('IDENTITY_MISMATCH');
  });

  it('needs exactly one of artifact and digest, and an identity unless a key is given', () => {
    const bundle = parseBundle(readVector(HELLO));
    expect(code(() => verifyArtifactBundle({ bundle, trust: prod, ...identity }))).toBe('INPUT_INVALID');
    expect(code(() => verifyArtifactBundle({ bundle, artifact: Buffer.from('x'), digest: `sha256:${'0'.repeat(64)}`, trust: prod, ...identity }))).toBe('INPUT_INVALID');
    expect(code(() => verifyArtifactBundle({ bundle, artifact: Buffer.from('hello, world!'), trust: prod, identity: 'brian@dehamer.com' }))).toBe('INPUT_INVALID');
  });

  it('rejects a certificate-signed bundle when a key is given instead', () => {
    const bundle = parseBundle(readVector(HELLO));
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(code(() => verifyArtifactBundle({ bundle, artifact: Buffer.from('hello, world!'), key: publicKey, trust: prod }))).toBe('KEY_UNTRUSTED');
  });

  // The certificate carries an SCT, so the root keeps its CT logs; sigstore-js fails an SCT it has no log for.
  it('verifies a GitHub-shaped bundle (TSA timestamp, no tlog entry) against a root without transparency logs', () => {
    const json = readVectorJson(HELLO) as { verificationMaterial: { tlogEntries: unknown[] } };
    json.verificationMaterial.tlogEntries = [];
    const root = readVectorJson(PROD_ROOT) as Record<string, unknown>;
    const tsaOnly = trustFromJson({ ...root, tlogs: [] }, 'tsa-only-root.json');
    const bundle = parseBundle(json);
    expect(verifyBundleSignature(bundle, tsaOnly, { artifact: Buffer.from('hello, world!') }).timestamps).toEqual([{ kind: 'tsa', time: expect.any(Date) }]);
    expect(code(() => verifyBundleSignature(bundle, prod, { artifact: Buffer.from('hello, world!') }))).toBe('TLOG_MISSING');
  });

  it('verifies a managed-key bundle with its key and rejects it with another key', () => {
    const dir = 'conformance/bundle-verify/managed-key-happy-path';
    const bundle = parseBundle(readVector(`${dir}/bundle.sigstore.json`));
    const artifact = readFileSync(vectorPath('conformance/bundle-verify/a.txt'));
    expect(verifyArtifactBundle({ bundle, artifact, key: readVector(`${dir}/key.pub`), trust: prod })).toEqual({ kind: 'public-key', hint: expect.any(String) });
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(code(() => verifyArtifactBundle({ bundle, artifact, key: publicKey, trust: prod }))).toBe('SIGNATURE_INVALID');
  });
});
