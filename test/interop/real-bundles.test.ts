import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getLab } from '../lab/context.js';
import { runCli } from '../integration/cli-run.js';
import { freshImage, labClient, uniqueRepository } from '../integration/fresh-image.js';
import type { FreshImage } from '../integration/fresh-image.js';
import { vectorPath, PROD_ROOT } from '../unit/verify/vectors.js';
import { gateImage } from '../integration/gate-run.js';

// vectors/MANIFEST.md, container-images: the two real bundles made for container images.
const COSIGN_BUNDLE = vectorPath('container-images/cosign-oci-attestation.sigstore.json');
const COSIGN_ROOT = vectorPath('container-images/cosign-trusted_root_pgi.json');
const COSIGN_SUBJECT = 'sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4';
const COSIGN_PREDICATE = 'https://cosign.sigstore.dev/attestation/v1';
const OPA_BUNDLE = vectorPath('container-images/github-artifact-attestations-opa-provider.valid-bundle.json');
const OPA_SUBJECT = 'sha256:d57f9212097b86c8d75158ea1d974721e7c6f8c33bd77838b242c8f6a2d21813';
const OPA_IDENTITY = 'https://github.com/github/artifact-attestations-opa-provider/.github/workflows/docker.yaml@refs/pull/31/merge';

/**
 * go-containerregistry's `empty.Image`, byte for byte: the image cosign's tests attest, so the real bundle's
 * subject can exist in the lab. (The opa-provider bundle's subject is a ghcr.io image whose manifest is not
 * in the vectors, and no bytes with that digest can be made.)
 */
async function pushEmptyImage(repository: string): Promise<FreshImage> {
  const host = getLab().registry.host;
  const ref = { registry: host, repository };
  const config = Buffer.from('{"architecture":"","created":"0001-01-01T00:00:00Z","os":"","rootfs":{"type":"layers","diff_ids":null},"config":{}}');
  const client = labClient();
  const pushed = await client.pushBlob(ref, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: pushed.digest },
      layers: [],
    }),
  );
  const descriptor = await client.putManifest(ref, '1.0', manifest, 'application/vnd.docker.distribution.manifest.v2+json');
  return { repository, reference: `${host}/${repository}:1.0`, digestReference: `${host}/${repository}@${descriptor.digest}`, digest: descriptor.digest, platformDigests: [] };
}

/** A rule for the bundle's own signer's issuer; the gate's rules always name a GitHub repository or workflow. */
function policy(require: string, issuer: string, repository = 'acme/app'): string[] {
  return ['--signer-repository', repository, '--signer-issuer', issuer, '--require', require, '--allowed-registries', getLab().registry.host];
}

describe("the gate's local-bundle mode gives the outcome vectors/MANIFEST.md states for the container-image bundles", () => {
  let empty: FreshImage;
  let other: FreshImage;

  beforeAll(async () => {
    empty = await pushEmptyImage(uniqueRepository('empty-image'));
    other = await freshImage(getLab().images.app, uniqueRepository('real-bundles'));
  });

  it('rebuilds the image the cosign bundle is about, with its exact digest', () => {
    expect(empty.digest).toBe(COSIGN_SUBJECT);
  });

  describe('container-images/cosign-oci-attestation.sigstore.json (cosign attest --new-bundle-format, e-mail identity)', () => {
    it.each([
      ['cosign-trusted_root_pgi.json', COSIGN_ROOT],
      ['the production root', vectorPath(PROD_ROOT)],
    ])('verifies for its subject with %s, and a GitHub-workflow policy rejects its e-mail signer', async (_name, root) => {
      const outcome = await gateImage(empty.reference, [...policy(COSIGN_PREDICATE, 'https://github.com/login/oauth'), '--bundles', COSIGN_BUNDLE, '--trusted-root', root]);

      expect(outcome.exitCode).toBe(1);
      expect(outcome.image.digest).toBe(COSIGN_SUBJECT);
      expect(outcome.image.reasons.map((reason) => reason.code)).toEqual(['signer-repository']);
      expect(outcome.image.reasons[0]!.message).toBe('signed by cody@soyland.com; the policy wants a workflow of acme/app');
    });

    it('is not evidence for another digest', async () => {
      const outcome = await gateImage(other.reference, [...policy(COSIGN_PREDICATE, 'https://github.com/login/oauth'), '--bundles', COSIGN_BUNDLE, '--trusted-root', COSIGN_ROOT]);

      expect(outcome.exitCode).toBe(1);
      expect(outcome.image.reasons.map((reason) => reason.code)).toEqual(['unsigned']);
    });

    it("fails against a root without public-good's CA (the lab's)", async () => {
      const outcome = await gateImage(empty.reference, [...policy(COSIGN_PREDICATE, 'https://github.com/login/oauth'), '--bundles', COSIGN_BUNDLE]);

      expect(outcome.exitCode).toBe(1);
      expect(outcome.image.reasons.map((reason) => reason.code)).toContain('evidence-error');
      expect(outcome.image.reasons.map((reason) => reason.message).join(' ')).toContain('CN=sigstore-intermediate');
    });

    it.each([
      ['its subject and signer', COSIGN_SUBJECT, 'cody@soyland.com', 0, /^verified /],
      ['another digest', `sha256:${createHash('sha256').update('other').digest('hex')}`, 'cody@soyland.com', 1, /no subject of the attestation has sha256:/],
      ['another identity', COSIGN_SUBJECT, 'wrong@example.com', 1, /the certificate identity is "cody@soyland\.com"/],
    ])('verify-bundle --digest: %s', async (_name, digest, identity, exitCode, message) => {
      const result = await runCli(
        ['verify-bundle', '--bundle', COSIGN_BUNDLE, '--digest', digest, '--certificate-identity', identity, '--certificate-oidc-issuer', 'https://github.com/login/oauth', '--trusted-root', COSIGN_ROOT],
        {},
      );

      expect(result.exitCode, result.stderr).toBe(exitCode);
      expect(result.stderr.replace(/^image-passport: \S+: /, '')).toMatch(message);
    });
  });

  describe("container-images/github-artifact-attestations-opa-provider.valid-bundle.json (GitHub's Sigstore instance)", () => {
    // Its subject cannot exist in the lab, and GitHub's trusted root is not in the vectors: what is
    // checkable offline is the MANIFEST's FAIL with a public-good-only root, before any subject is looked at.
    it("is refused under a public-good-only root, naming GitHub's intermediate, for any image it is offered for", async () => {
      const outcome = await gateImage(other.reference, [
        ...policy('provenance', 'https://token.actions.githubusercontent.com', 'github/artifact-attestations-opa-provider'),
        '--bundles',
        OPA_BUNDLE,
        '--trusted-root',
        vectorPath(PROD_ROOT),
      ]);

      expect(outcome.exitCode).toBe(1);
      const evidenceError = outcome.image.reasons.find((reason) => reason.code === 'evidence-error');
      expect(evidenceError?.message).toContain(`${path.basename(OPA_BUNDLE)}: the signing certificate was issued by "O=GitHub, Inc., CN=Fulcio Intermediate l2"`);
    });

    it('verify-bundle --digest with its own subject fails the same way', async () => {
      const result = await runCli(
        ['verify-bundle', '--bundle', OPA_BUNDLE, '--digest', OPA_SUBJECT, '--certificate-identity', OPA_IDENTITY, '--certificate-oidc-issuer', 'https://token.actions.githubusercontent.com', '--trusted-root', vectorPath(PROD_ROOT)],
        {},
      );

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('Fulcio Intermediate l2');
    });
  });
});
