import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getLab } from '../lab/context.js';
import { signAs } from '../integration/cli-run.js';
import { freshImage, uniqueRepository } from '../integration/fresh-image.js';
import type { FreshImage } from '../integration/fresh-image.js';
import { copyToRegistry, runPeer, trustedRootLines } from './peers.js';

/** `gh` wants a token even for `--bundle-from-oci`, where it never calls GitHub; any value does. */
const GH_ENV = { GH_TOKEN: 'lab-token-unused-by-bundle-from-oci' };

interface GhResult {
  verificationResult: {
    statement: { predicateType: string; subject: { digest: { sha256: string } }[] };
    signature: { certificate: { sourceRepositoryURI: string; buildSignerURI: string; issuer: string } };
  };
}

async function ghVerify(image: string, flags: string[], env: Record<string, string> = GH_ENV) {
  return runPeer('gh', ['attestation', 'verify', `oci://${image}`, ...flags], env);
}

describe('gh attestation verify accepts what sign writes', () => {
  let image: FreshImage;
  let root: string;
  let issuer: string;
  let bundlePaths: string[];

  beforeAll(async () => {
    const lab = getLab();
    issuer = lab.github.oidcIssuer;
    root = await trustedRootLines();
    image = await freshImage(lab.images.app, uniqueRepository('gh-verifies'));
    const signed = await signAs(image, {}, { sbom: 'generate' });
    bundlePaths = (JSON.parse(signed.stdout.trim().split('\n').at(-1)!) as { 'bundle-paths': string[] })['bundle-paths'];
  }, 300_000);

  it.each([
    ['--owner', ['--owner', 'acme']],
    ['--repo', ['--repo', 'acme/app']],
    ['--repo and --signer-workflow', ['--repo', 'acme/app', '--signer-workflow', 'acme/app/.github/workflows/release.yml']],
  ])('verifies the provenance from the registry with %s', async (_name, identity) => {
    const result = await ghVerify(image.digestReference, ['--bundle-from-oci', '--custom-trusted-root', root, ...identity, '--cert-oidc-issuer', issuer, '--format', 'json']);

    expect(result.exitCode, result.stderr).toBe(0);
    const [verified] = JSON.parse(result.stdout) as GhResult[];
    expect(verified!.verificationResult.statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(verified!.verificationResult.statement.subject[0]!.digest.sha256).toBe(image.digest.slice('sha256:'.length));
    expect(verified!.verificationResult.signature.certificate).toMatchObject({
      sourceRepositoryURI: 'https://github.com/acme/app',
      buildSignerURI: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      issuer,
    });
  });

  it('verifies the SBOM with --predicate-type', async () => {
    const result = await ghVerify(image.digestReference, ['--bundle-from-oci', '--custom-trusted-root', root, '--owner', 'acme', '--cert-oidc-issuer', issuer, '--predicate-type', 'https://spdx.dev/Document/v2.3', '--format', 'json']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as GhResult[]).map((entry) => entry.verificationResult.statement.predicateType)).toEqual(['https://spdx.dev/Document/v2.3']);
  });

  it('verifies the bundle file sign wrote, with --bundle', async () => {
    const provenance = bundlePaths.find((file) => path.basename(file).startsWith('provenance-'))!;

    const result = await ghVerify(image.digestReference, ['--bundle', provenance, '--custom-trusted-root', root, '--owner', 'acme', '--cert-oidc-issuer', issuer, '--format', 'json']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as GhResult[])[0]!.verificationResult.statement.predicateType).toBe('https://slsa.dev/provenance/v1');
  });

  it('verifies on distribution v3 too', async () => {
    const lab = getLab();
    expect(lab.registryV3, 'no distribution v3 in the lab: run scripts/install-peers.sh').not.toBeNull();
    const onV3 = await copyToRegistry(lab.images.app, lab.registryV3!, uniqueRepository('gh-verifies-v3'));
    await signAs(onV3, {});

    const result = await ghVerify(onV3.digestReference, ['--bundle-from-oci', '--custom-trusted-root', root, '--owner', 'acme', '--cert-oidc-issuer', issuer, '--format', 'json']);

    expect(result.exitCode, result.stderr).toBe(0);
  });

  it('denies another signer workflow', async () => {
    const result = await ghVerify(image.digestReference, ['--bundle-from-oci', '--custom-trusted-root', root, '--repo', 'acme/app', '--signer-workflow', 'acme/app/.github/workflows/other.yml', '--cert-oidc-issuer', issuer]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('verifying with issuer "sigstore.mock"');
  });

  describe('what stops gh short of the lab, each as gh reports it', () => {
    it('without a token: gh refuses to run at all, although --bundle-from-oci never calls GitHub', async () => {
      const result = await ghVerify(image.digestReference, ['--bundle-from-oci', '--custom-trusted-root', root, '--owner', 'acme', '--cert-oidc-issuer', issuer], {});

      expect(result.exitCode).toBe(4);
      expect(result.stderr).toContain('populate the GH_TOKEN environment variable');
    });

    it('a pretty-printed trusted_root.json: gh reads the custom root as JSON Lines, one root a line', async () => {
      const result = await ghVerify(image.digestReference, ['--bundle-from-oci', '--custom-trusted-root', getLab().sigstore.trustedRootPath, '--owner', 'acme', '--cert-oidc-issuer', issuer]);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('failed to proto-json unmarshal trusted root: proto: unexpected EOF');
    });

    it("without --cert-oidc-issuer: gh expects GitHub's issuer, not the lab's", async () => {
      const result = await ghVerify(image.digestReference, ['--bundle-from-oci', '--custom-trusted-root', root, '--owner', 'acme']);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`expected Issuer to be https://token.actions.githubusercontent.com, got ${issuer}`);
    });
  });
});
