import { beforeAll, describe, expect, it } from 'vitest';
import { getLab } from '../lab/context.js';
import type { RegistryInfo } from '../lab/context.js';
import { signAs } from '../integration/cli-run.js';
import { freshImage, uniqueRepository } from '../integration/fresh-image.js';
import type { FreshImage } from '../integration/fresh-image.js';
import { copyToRegistry, RELEASE_IDENTITY, runPeer } from './peers.js';

function verifyAttestation(image: string, type: string, identity = RELEASE_IDENTITY) {
  const lab = getLab();
  return runPeer('cosign', [
    'verify-attestation',
    '--type',
    type,
    '--certificate-identity',
    identity,
    '--certificate-oidc-issuer',
    lab.github.oidcIssuer,
    '--trusted-root',
    lab.sigstore.trustedRootPath,
    image,
  ]);
}

/** The in-toto statements cosign printed, one DSSE envelope a line. */
function statements(stdout: string): { predicateType: string; subject: { digest: { sha256: string } }[] }[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(Buffer.from((JSON.parse(line) as { payload: string }).payload, 'base64').toString('utf8')) as ReturnType<typeof statements>[number]);
}

describe('cosign verify-attestation accepts what sign writes', () => {
  const signed: Record<string, { image: FreshImage; reference: string }> = {};

  beforeAll(async () => {
    const lab = getLab();
    const onV2 = await freshImage(lab.images.app, uniqueRepository('cosign-verifies'));
    await signAs(onV2, {}, { sbom: 'generate' });
    signed['distribution 2.8'] = { image: onV2, reference: onV2.digestReference };
    if (lab.registryV3) {
      const onV3 = await copyToRegistry(lab.images.app, lab.registryV3, uniqueRepository('cosign-verifies-v3'));
      await signAs(onV3, {}, { sbom: 'generate' });
      signed['distribution 3'] = { image: onV3, reference: onV3.digestReference };
    }
  }, 300_000);

  it('has distribution v3 in the lab (scripts/install-peers.sh builds it)', () => {
    expect(getLab().registryV3, 'no distribution v3 in the lab: run scripts/install-peers.sh').not.toBeNull();
  });

  // Neither registry serves the OCI 1.1 referrers API (distribution v3.1 has none either), so both
  // runs go through the sha256-<hex> tag fallback; the flags say so, and this keeps them honest.
  it.each([
    ['distribution 2.8', () => getLab().registry],
    ['distribution 3', () => getLab().registryV3!],
  ] as [string, () => RegistryInfo][])('the %s registry has no referrers API, so the tag fallback is what is checked', (_name, registry) => {
    expect(registry().hasReferrersApi).toBe(false);
  });

  for (const registry of ['distribution 2.8', 'distribution 3']) {
    it(`verifies the SLSA provenance (--type slsaprovenance1) on ${registry}`, async () => {
      const { image, reference } = signed[registry]!;
      const result = await verifyAttestation(reference, 'slsaprovenance1');

      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toContain('The code-signing certificate was verified using trusted certificate authority certificates');
      const [statement] = statements(result.stdout);
      expect(statement!.predicateType).toBe('https://slsa.dev/provenance/v1');
      expect(statement!.subject[0]!.digest.sha256).toBe(image.digest.slice('sha256:'.length));
    });

    it(`verifies the SPDX SBOM by its predicate type on ${registry}`, async () => {
      const { reference } = signed[registry]!;
      const result = await verifyAttestation(reference, 'https://spdx.dev/Document/v2.3');

      expect(result.exitCode, result.stderr).toBe(0);
      expect(statements(result.stdout).map((statement) => statement.predicateType)).toEqual(['https://spdx.dev/Document/v2.3']);
    });
  }

  // sign writes SPDX as actions/attest-sbom does (https://spdx.dev/Document/v2.3); cosign's `spdxjson`
  // alias means the unversioned https://spdx.dev/Document, so cosign users pass the predicate type instead.
  it('is refused by the spdxjson alias, which names the unversioned SPDX predicate type', async () => {
    const result = await verifyAttestation(signed['distribution 2.8']!.reference, 'spdxjson');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('none of the attestations matched the predicate type: spdxjson, found: https://slsa.dev/provenance/v1,https://spdx.dev/Document/v2.3');
  });

  it('rejects the attestations for another workflow identity', async () => {
    const result = await verifyAttestation(signed['distribution 2.8']!.reference, 'slsaprovenance1', 'https://github.com/acme/app/.github/workflows/other.yml@refs/heads/main');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/no matching attestations|expected identity not found/i);
  });
});
