import { describe, expect, it } from 'vitest';
import { VerificationFailure } from '../../../src/verify/index.js';
import { decodeDerUtf8String, signerIdentityFromCertificate } from '../../../src/verify/certificate-identity.js';
import { readVectorJson, readVectorLines } from './vectors.js';

interface BundleJson {
  verificationMaterial: { certificate?: { rawBytes: string }; x509CertificateChain?: { certificates: { rawBytes: string }[] } };
}

function leafOf(json: unknown): Buffer {
  const material = (json as BundleJson).verificationMaterial;
  const raw = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  return Buffer.from(raw!, 'base64');
}

describe('Fulcio extensions decoded from the leaf certificate', () => {
  it('gives every GitHub Actions field of the reusable-workflow attestation as MANIFEST.md lists it', () => {
    const identity = signerIdentityFromCertificate(leafOf(readVectorJson('cli-cli/reusable-workflow-attestation.sigstore.json')));
    expect(identity).toMatchObject({
      subjectAlternativeName: 'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
      subjectAlternativeNameType: 'uri',
      issuer: 'https://token.actions.githubusercontent.com',
      sourceRepositoryUri: 'https://github.com/malancas/attest-demo',
      sourceRepositoryRef: 'refs/heads/main',
      sourceRepositoryDigest: '95baf27389e83e6a5c48f42e190d48d7abcea19e',
      buildSignerUri: 'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
      buildConfigUri: 'https://github.com/malancas/attest-demo/.github/workflows/shared.yml@refs/heads/main',
      buildTrigger: 'workflow_dispatch',
      runnerEnvironment: 'github-hosted',
      sourceRepositoryVisibilityAtSigning: 'public',
      sourceRepositoryOwnerUri: 'https://github.com/malancas',
    });
    expect(identity.sourceRepositoryIdentifier).toMatch(/^\d+$/);
    expect(identity.sourceRepositoryOwnerIdentifier).toMatch(/^\d+$/);
    expect(identity.runInvocationUri).toMatch(/^https:\/\/github\.com\/malancas\/attest-demo\/actions\/runs\/\d+\/attempts\/\d+$/);
    expect(identity.buildSignerDigest).toMatch(/^[0-9a-f]{40}$/);
    expect(identity.certificate.notBefore.toISOString()).toBe('2024-05-24T19:14:24.000Z');
  });

  it('gives the pull_request trigger, PR ref and private visibility of the container-image attestation', () => {
    const identity = signerIdentityFromCertificate(leafOf(readVectorJson('container-images/github-artifact-attestations-opa-provider.valid-bundle.json')));
    expect(identity).toMatchObject({
      subjectAlternativeName: 'https://github.com/github/artifact-attestations-opa-provider/.github/workflows/docker.yaml@refs/pull/31/merge',
      sourceRepositoryRef: 'refs/pull/31/merge',
      sourceRepositoryDigest: 'f492e8cf01446c41f376aa07656dc4266f154739',
      buildTrigger: 'pull_request',
      sourceRepositoryVisibilityAtSigning: 'private',
      sourceRepositoryOwnerUri: 'https://github.com/github',
    });
  });

  it('gives the private-repository demo bundle signed by GitHub’s instance', () => {
    const [line] = readVectorLines('cli-cli/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl');
    expect(signerIdentityFromCertificate(leafOf(line))).toMatchObject({
      sourceRepositoryUri: 'https://github.com/actions/attest-demo',
      sourceRepositoryDigest: 'a6c23b9806c593664f68637c8f9d45dfcf98b2db',
      sourceRepositoryVisibilityAtSigning: 'private',
      buildTrigger: 'workflow_dispatch',
    });
  });

  it('reads a GHE.com custom issuer', () => {
    expect(signerIdentityFromCertificate(leafOf(readVectorJson('cli-cli/custom-issuer.sigstore.json'))).issuer).toBe(
      'https://token.actions.githubusercontent.com/hammer-time',
    );
  });

  it('reads a tag ref and release trigger', () => {
    expect(signerIdentityFromCertificate(leafOf(readVectorJson('sigstore-python/bundle_v3_github.whl.sigstore')))).toMatchObject({
      sourceRepositoryRef: 'refs/tags/v0.1.2',
      buildTrigger: 'release',
      sourceRepositoryDigest: 'd8b4a6445f38c48b9137a8099706d9b8073146e4',
    });
  });

  it('takes the issuer from the legacy .1 extension and the deprecated .2-.6 GitHub fields of a 2023 certificate', () => {
    const identity = signerIdentityFromCertificate(leafOf(readVectorJson('sigstore-go/bundle-provenance.json')));
    expect(identity).toMatchObject({
      issuer: 'https://token.actions.githubusercontent.com',
      githubWorkflowTrigger: 'push',
      githubWorkflowSha: 'dae8bd8eb433a4147b4655c00fe73e0f22bc0fb1',
      githubWorkflowRepository: 'sigstore/sigstore-js',
      githubWorkflowRef: 'refs/heads/main',
      sourceRepositoryUri: 'https://github.com/sigstore/sigstore-js',
    });
  });

  it('reads e-mail and otherName SANs, which carry no GitHub fields', () => {
    const email = signerIdentityFromCertificate(leafOf(readVectorJson('container-images/cosign-oci-attestation.sigstore.json')));
    expect(email).toMatchObject({ subjectAlternativeName: 'cody@soyland.com', subjectAlternativeNameType: 'email', issuer: 'https://github.com/login/oauth' });
    expect(email.sourceRepositoryUri).toBeUndefined();
    const other = signerIdentityFromCertificate(leafOf(readVectorJson('sigstore-go/othername.sigstore.json')));
    expect(other).toMatchObject({ subjectAlternativeName: 'foo!oidc.local', subjectAlternativeNameType: 'otherName', issuer: 'http://oidc.local:8080' });
  });

  it('finds no workflow identity in GitHub’s release attester certificate', () => {
    const identity = signerIdentityFromCertificate(leafOf(readVectorJson('cli-cli/github_release_bundle.json')));
    expect(identity.subjectAlternativeName).toBe('https://dotcom.releases.github.com');
    expect(identity.buildSignerUri).toBeUndefined();
    expect(identity.sourceRepositoryUri).toBeUndefined();
  });

  it('rejects bytes that are not a certificate', () => {
    expect(() => signerIdentityFromCertificate(Buffer.from('not a certificate'))).toThrow(VerificationFailure);
  });
});

describe('DER UTF8String extension values', () => {
  const oid = '1.3.6.1.4.1.57264.1.9';

  it('decodes short and long form lengths', () => {
    expect(decodeDerUtf8String(Buffer.from([0x0c, 0x02, 0x68, 0x69]), oid)).toBe('hi');
    const long = 'x'.repeat(200);
    expect(decodeDerUtf8String(Buffer.concat([Buffer.from([0x0c, 0x81, 200]), Buffer.from(long)]), oid)).toBe(long);
  });

  it('rejects another tag, trailing bytes, a non-minimal length and invalid UTF-8', () => {
    expect(() => decodeDerUtf8String(Buffer.from('plain'), oid)).toThrow(/1\.3\.6\.1\.4\.1\.57264\.1\.9 is not a DER UTF8String \(tag 0x70\)/);
    expect(() => decodeDerUtf8String(Buffer.from([0x0c, 0x01, 0x68, 0x69]), oid)).toThrow(/length does not match/);
    expect(() => decodeDerUtf8String(Buffer.from([0x0c, 0x81, 0x02, 0x68, 0x69]), oid)).toThrow(/shortest form/);
    expect(() => decodeDerUtf8String(Buffer.from([0x0c, 0x01, 0xff]), oid)).toThrow(/not valid UTF-8/);
  });
});
