import { describe, expect, it } from 'vitest';
import { evaluateImage } from '../../../src/policy/evaluate.js';
import { policyFromInputs } from '../../../src/policy/inline-inputs.js';
import { parsePolicy } from '../../../src/policy/policy-file.js';
import type { AttestationEvidence, ImageUnderTest, SignerIdentity } from '../../../src/policy/types.js';

const PROVENANCE = 'https://slsa.dev/provenance/v1';
const SPDX = 'https://spdx.dev/Document/v2.3';
const CYCLONEDX = 'https://cyclonedx.org/bom';
const digest = (seed: string) => `sha256:${seed.repeat(64).slice(0, 64)}`;
const IMAGE_DIGEST = digest('a');

const image: ImageUnderTest = { reference: 'ghcr.io/acme/app:1.2.3', name: 'ghcr.io/acme/app', digest: IMAGE_DIGEST, isIndex: false };

/** What Fulcio puts in the certificate of a release run of acme/app. */
function signer(overrides: Partial<SignerIdentity> = {}): SignerIdentity {
  return {
    subjectAlternativeName: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    issuer: 'https://token.actions.githubusercontent.com',
    buildSignerUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    buildSignerDigest: '1111111111111111111111111111111111111111',
    runnerEnvironment: 'github-hosted',
    sourceRepositoryUri: 'https://github.com/acme/app',
    sourceRepositoryDigest: '1111111111111111111111111111111111111111',
    sourceRepositoryRef: 'refs/heads/main',
    sourceRepositoryIdentifier: '123456',
    sourceRepositoryOwnerUri: 'https://github.com/acme',
    sourceRepositoryOwnerIdentifier: '7890',
    buildConfigUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    buildTrigger: 'push',
    runInvocationUri: 'https://github.com/acme/app/actions/runs/42/attempts/1',
    sourceRepositoryVisibilityAtSigning: 'public',
    ...overrides,
  };
}

function attestation(predicateType: string, overrides: Partial<AttestationEvidence> = {}): AttestationEvidence {
  return { source: 'referrers', signer: signer(), predicateType, subjectDigests: [IMAGE_DIGEST], forDigest: IMAGE_DIGEST, ...overrides };
}

const policy = parsePolicy(
  `version: 1
rules:
  - images: ghcr.io/acme/**
    signer:
      workflow: acme/app/.github/workflows/release.yml
      repository: acme/app
      refs: [refs/heads/main, refs/tags/v*]
    require: [provenance, sbom]
`,
  'policy.yaml',
);

const good = [attestation(PROVENANCE), attestation(SPDX, { source: 'github-api' })];

describe('evaluateImage', () => {
  it('passes an image with provenance and SBOM from the allowed workflow, naming the signer and the evidence', () => {
    const verdict = evaluateImage(policy, image, good, []);
    expect(verdict).toEqual({
      result: 'pass',
      rule: 1,
      signer: signer(),
      reasons: [],
      evidence: [
        { predicateType: PROVENANCE, source: 'referrers' },
        { predicateType: SPDX, source: 'github-api' },
      ],
    });
  });

  it('accepts a CycloneDX SBOM as the sbom requirement', () => {
    expect(evaluateImage(policy, image, [attestation(PROVENANCE), attestation(CYCLONEDX)], []).result).toBe('pass');
  });

  it('denies an unsigned image', () => {
    const verdict = evaluateImage(policy, image, [], []);
    expect(verdict.result).toBe('fail');
    expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'unsigned', rule: 1, message: `no attestation found for ${IMAGE_DIGEST}` })]);
    expect(verdict.signer).toBeUndefined();
  });

  it('denies an image signed by another repository', () => {
    const other = signer({
      sourceRepositoryUri: 'https://github.com/evil/app',
      buildSignerUri: 'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main',
      subjectAlternativeName: 'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main',
    });
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE, { signer: other }), attestation(SPDX, { signer: other })], []);
    expect(verdict.result).toBe('fail');
    expect(verdict.reasons).toEqual([
      {
        code: 'signer-repository',
        rule: 1,
        field: 'signer.repository',
        expected: 'https://github.com/acme/app',
        found: 'https://github.com/evil/app',
        message: 'signed by evil/app/.github/workflows/release.yml@refs/heads/main; the policy wants acme/app/.github/workflows/release.yml on refs/heads/main or refs/tags/v*',
        fix: 'sign the image from acme/app, or add a rule for the other repository if you trust it',
      },
    ]);
    expect(verdict.signer).toEqual(other);
  });

  it('denies a repository whose name only begins like the allowed one (acme/app-evil)', () => {
    const evil = signer({
      sourceRepositoryUri: 'https://github.com/acme/app-evil',
      buildSignerUri: 'https://github.com/acme/app-evil/.github/workflows/release.yml@refs/heads/main',
    });
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE, { signer: evil }), attestation(SPDX, { signer: evil })], []);
    expect(verdict.reasons.map((reason) => [reason.code, reason.found])).toEqual([['signer-repository', 'https://github.com/acme/app-evil']]);
  });

  it('denies a workflow-only rule signed by acme/app-evil (workflow names compared whole, not as prefixes)', () => {
    const workflowOnly = policyFromInputs({ signerWorkflow: 'acme/app/.github/workflows/release.yml' });
    const evil = signer({ buildSignerUri: 'https://github.com/acme/app-evil/.github/workflows/release.yml@refs/heads/main', sourceRepositoryUri: 'https://github.com/acme/app-evil' });
    const verdict = evaluateImage(workflowOnly, image, [attestation(PROVENANCE, { signer: evil })], []);
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['signer-workflow']);
  });

  it('compares owner and repository names case-insensitively, as GitHub does, but the workflow path exactly', () => {
    const upper = signer({ sourceRepositoryUri: 'https://github.com/ACME/App', buildSignerUri: 'https://github.com/ACME/App/.github/workflows/release.yml@refs/heads/main', sourceRepositoryOwnerUri: 'https://github.com/ACME' });
    expect(evaluateImage(policy, image, [attestation(PROVENANCE, { signer: upper }), attestation(SPDX, { signer: upper })], []).result).toBe('pass');
    const otherCase = signer({ buildSignerUri: 'https://github.com/acme/app/.github/workflows/Release.yml@refs/heads/main' });
    expect(evaluateImage(policy, image, [attestation(PROVENANCE, { signer: otherCase }), attestation(SPDX, { signer: otherCase })], []).reasons[0]!.code).toBe('signer-workflow');
  });

  it('denies another workflow of the right repository, with the message the issue asks for', () => {
    const test = signer({
      buildSignerUri: 'https://github.com/acme/app/.github/workflows/test.yml@refs/heads/feature',
      sourceRepositoryRef: 'refs/heads/feature',
    });
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE, { signer: test }), attestation(SPDX, { signer: test })], []);
    expect(verdict.reasons).toEqual([
      expect.objectContaining({
        code: 'signer-workflow',
        field: 'signer.workflow',
        expected: 'https://github.com/acme/app/.github/workflows/release.yml',
        found: 'https://github.com/acme/app/.github/workflows/test.yml@refs/heads/feature',
        message: 'signed by acme/app/.github/workflows/test.yml@refs/heads/feature; the policy wants acme/app/.github/workflows/release.yml on refs/heads/main or refs/tags/v*',
      }),
    ]);
  });

  it('denies a ref the policy does not allow', () => {
    const feature = signer({ buildSignerUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/feature', sourceRepositoryRef: 'refs/heads/feature' });
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE, { signer: feature }), attestation(SPDX, { signer: feature })], []);
    expect(verdict.reasons).toEqual([
      expect.objectContaining({
        code: 'signer-ref',
        field: 'signer.refs',
        expected: 'refs/heads/main or refs/tags/v*',
        found: 'refs/heads/feature',
        fix: 'sign from refs/heads/main or refs/tags/v*, or add refs/heads/feature to signer.refs if images built there may deploy',
      }),
    ]);
  });

  it('passes a release tag matched by the refs glob', () => {
    const tagged = signer({ buildSignerUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.2.3', sourceRepositoryRef: 'refs/tags/v1.2.3' });
    expect(evaluateImage(policy, image, [attestation(PROVENANCE, { signer: tagged }), attestation(SPDX, { signer: tagged })], []).result).toBe('pass');
  });

  it('denies a self-hosted runner by default', () => {
    const selfHosted = signer({ runnerEnvironment: 'self-hosted' });
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE, { signer: selfHosted }), attestation(SPDX, { signer: selfHosted })], []);
    expect(verdict.reasons).toEqual([
      expect.objectContaining({
        code: 'signer-runner',
        expected: 'github-hosted',
        found: 'self-hosted',
        message: 'signed by acme/app/.github/workflows/release.yml@refs/heads/main on a self-hosted runner; the policy wants a github-hosted runner',
      }),
    ]);
  });

  it('denies a pull_request trigger (pull_request* is denied by default)', () => {
    for (const trigger of ['pull_request', 'pull_request_target']) {
      const pr = signer({ buildTrigger: trigger });
      const verdict = evaluateImage(policy, image, [attestation(PROVENANCE, { signer: pr }), attestation(SPDX, { signer: pr })], []);
      expect(verdict.reasons).toEqual([
        expect.objectContaining({ code: 'signer-trigger', found: trigger, message: `signed by acme/app/.github/workflows/release.yml@refs/heads/main from a ${trigger} event; the policy allows no pull_request* events` }),
      ]);
    }
  });

  it('denies provenance without the SBOM the rule requires', () => {
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE)], []);
    expect(verdict.reasons).toEqual([
      expect.objectContaining({ code: 'missing-evidence', found: 'SLSA provenance v1', message: 'SLSA provenance v1 found but no SBOM (SPDX or CycloneDX) attestation' }),
    ]);
    expect(verdict.evidence).toEqual([{ predicateType: PROVENANCE, source: 'referrers' }]);
  });

  it('denies an SBOM whose subject is another digest', () => {
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE), attestation(SPDX, { subjectDigests: [digest('b')] })], []);
    expect(verdict.reasons).toEqual([
      expect.objectContaining({ code: 'subject-mismatch', expected: IMAGE_DIGEST, found: digest('b'), message: `the SPDX SBOM attestation from referrers is about ${digest('b')}, not ${IMAGE_DIGEST}` }),
    ]);
  });

  it('does not count evidence fetched for another digest', () => {
    const verdict = evaluateImage(policy, image, good.map((item) => ({ ...item, forDigest: digest('c'), subjectDigests: [digest('c')] })), []);
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['unsigned']);
  });

  it('denies an image from a registry the policy does not allow', () => {
    const inline = policyFromInputs({ signerRepository: 'acme/app', allowedRegistries: ['ghcr.io/acme'] });
    const verdict = evaluateImage(inline, { ...image, reference: 'docker.io/evil/app:1', name: 'docker.io/evil/app' }, good, []);
    expect(verdict).toEqual({
      result: 'fail',
      reasons: [expect.objectContaining({ code: 'no-matching-rule', found: 'docker.io/evil/app', message: 'docker.io/evil/app matches no rule of the policy, which covers only ghcr.io/acme/**' })],
      evidence: [],
    });
  });

  it('denies a repository re-created under the same name (repository-id pin) and a changed owner (owner-id pin)', () => {
    const pinned = parsePolicy('version: 1\nrules:\n  - images: "**"\n    signer: {repository: acme/app, repository-id: 123456, owner-id: "7890"}\n', 'p.yaml');
    const recreated = signer({ sourceRepositoryIdentifier: '999999' });
    expect(evaluateImage(pinned, image, [attestation(PROVENANCE, { signer: recreated })], []).reasons).toEqual([
      expect.objectContaining({ code: 'signer-repository-id', expected: '123456', found: '999999' }),
    ]);
    const newOwner = signer({ sourceRepositoryOwnerIdentifier: '1' });
    expect(evaluateImage(pinned, image, [attestation(PROVENANCE, { signer: newOwner })], []).reasons).toEqual([
      expect.objectContaining({ code: 'signer-owner-id', expected: '7890', found: '1' }),
    ]);
    expect(evaluateImage(pinned, image, [attestation(PROVENANCE)], []).result).toBe('pass');
  });

  describe('reusable workflows', () => {
    const reusable = parsePolicy(
      'version: 1\nrules:\n  - images: "**"\n    signer:\n      workflow: acme/shared/.github/workflows/build.yml@refs/tags/v2\n      repository: acme/app\n      refs: [refs/heads/main]\n',
      'p.yaml',
    );
    const called = (overrides: Partial<SignerIdentity> = {}) =>
      signer({
        buildSignerUri: 'https://github.com/acme/shared/.github/workflows/build.yml@refs/tags/v2',
        subjectAlternativeName: 'https://github.com/acme/shared/.github/workflows/build.yml@refs/tags/v2',
        ...overrides,
      });

    it('checks the workflow against the Build Signer URI and the repository against the Source Repository URI', () => {
      expect(evaluateImage(reusable, image, [attestation(PROVENANCE, { signer: called() })], []).result).toBe('pass');
    });

    it('denies the shared workflow called from another repository', () => {
      const verdict = evaluateImage(reusable, image, [attestation(PROVENANCE, { signer: called({ sourceRepositoryUri: 'https://github.com/other/app' }) })], []);
      expect(verdict.reasons).toEqual([
        expect.objectContaining({
          code: 'signer-repository',
          message: 'signed by acme/shared/.github/workflows/build.yml@refs/tags/v2 called from other/app on refs/heads/main; the policy wants acme/shared/.github/workflows/build.yml@refs/tags/v2 called from acme/app on refs/heads/main',
        }),
      ]);
    });

    it('denies the shared workflow at another ref than the pinned one', () => {
      const verdict = evaluateImage(reusable, image, [attestation(PROVENANCE, { signer: called({ buildSignerUri: 'https://github.com/acme/shared/.github/workflows/build.yml@refs/heads/dev' }) })], []);
      expect(verdict.reasons.map((reason) => reason.code)).toEqual(['signer-workflow']);
    });
  });

  describe('a multi-platform index', () => {
    const platformA = digest('d');
    const platformB = digest('e');
    const index: ImageUnderTest = { ...image, isIndex: true, platformDigests: [platformA, platformB] };
    const withPlatforms = (platforms: string) => parsePolicy(`version: 1\nrules:\n  - images: "**"\n    signer: {repository: acme/app}\n    platforms: ${platforms}\n`, 'p.yaml');
    const on = (forDigest: string) => attestation(PROVENANCE, { forDigest, subjectDigests: [forDigest] });

    it('platforms: index wants the evidence on the index and hints when only platforms have it', () => {
      expect(evaluateImage(withPlatforms('index'), index, [on(IMAGE_DIGEST)], []).result).toBe('pass');
      const verdict = evaluateImage(withPlatforms('index'), index, [on(platformA)], []);
      expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'unsigned', message: `no attestation found for ${IMAGE_DIGEST} (its platform manifests have some, but the policy wants them on the index)` })]);
    });

    it('platforms: each wants evidence on every platform manifest', () => {
      expect(evaluateImage(withPlatforms('each'), index, [on(platformA), on(platformB)], []).result).toBe('pass');
      const verdict = evaluateImage(withPlatforms('each'), index, [on(IMAGE_DIGEST), on(platformA)], []);
      expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'unsigned', message: `no attestation found for platform manifest ${platformB}` })]);
    });

    it('platforms: each fails when the platform manifests are unknown', () => {
      const verdict = evaluateImage(withPlatforms('each'), { ...index, platformDigests: [] }, [on(IMAGE_DIGEST)], []);
      expect(verdict.reasons.map((reason) => reason.code)).toEqual(['platform-unknown']);
    });

    it('platforms: any takes evidence on the index or on one platform manifest', () => {
      expect(evaluateImage(withPlatforms('any'), index, [on(platformB)], []).result).toBe('pass');
      expect(evaluateImage(withPlatforms('any'), index, [on(IMAGE_DIGEST)], []).result).toBe('pass');
      expect(evaluateImage(withPlatforms('any'), index, [on(digest('f'))], []).result).toBe('fail');
    });
  });

  it('fails closed on an evidence error even when other evidence passes', () => {
    const verdict = evaluateImage(policy, image, good, [{ source: 'referrers', message: 'bundle sha256:ff… failed verification:\n  certificate chain not trusted' }]);
    expect(verdict.result).toBe('fail');
    expect(verdict.reasons).toEqual([
      expect.objectContaining({ code: 'evidence-error', message: 'evidence from referrers could not be used: bundle sha256:ff… failed verification: certificate chain not trusted' }),
    ]);
  });

  it('passes when one of several candidates passes, ignoring the others', () => {
    const stray = attestation(PROVENANCE, { signer: signer({ sourceRepositoryUri: 'https://github.com/evil/app' }) });
    expect(evaluateImage(policy, image, [stray, ...good], []).result).toBe('pass');
  });

  it('denies a signer from another issuer', () => {
    const gitlab = signer({ issuer: 'https://gitlab.com' });
    const verdict = evaluateImage(policy, image, [attestation(PROVENANCE, { signer: gitlab }), attestation(SPDX, { signer: gitlab })], []);
    expect(verdict.reasons.map((reason) => [reason.code, reason.found])).toEqual([['signer-issuer', 'https://gitlab.com']]);
  });

  it('selects the first rule whose pattern matches', () => {
    const twoRules = parsePolicy(
      'version: 1\nrules:\n  - images: ghcr.io/acme/app\n    signer: {repository: acme/app}\n  - images: ghcr.io/acme/**\n    signer: {repository: acme/platform}\n',
      'p.yaml',
    );
    expect(evaluateImage(twoRules, image, [attestation(PROVENANCE)], []).rule).toBe(1);
    const verdict = evaluateImage(twoRules, { ...image, name: 'ghcr.io/acme/app-evil' }, [attestation(PROVENANCE)], []);
    expect([verdict.rule, verdict.reasons[0]?.code]).toEqual([2, 'signer-repository']);
  });

  it('reads GHE.com identities: the tenant issuer and its own host', () => {
    const tenant = parsePolicy('version: 1\nrules:\n  - images: "**"\n    signer: {issuer: "https://token.actions.acme.ghe.com", repository: acme/app, refs: [refs/heads/main]}\n', 'p.yaml');
    const onTenant = signer({
      issuer: 'https://token.actions.acme.ghe.com',
      sourceRepositoryUri: 'https://acme.ghe.com/acme/app',
      buildSignerUri: 'https://acme.ghe.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    });
    expect(evaluateImage(tenant, image, [attestation(PROVENANCE, { signer: onTenant })], []).result).toBe('pass');
    const onGithubCom = evaluateImage(tenant, image, [attestation(PROVENANCE)], []);
    expect(onGithubCom.reasons.map((reason) => reason.code)).toEqual(['signer-issuer']);
    const wrongHost = evaluateImage(tenant, image, [attestation(PROVENANCE, { signer: { ...onTenant, sourceRepositoryUri: 'https://github.com/acme/app' } })], []);
    expect(wrongHost.reasons.map((reason) => [reason.code, reason.expected])).toEqual([['signer-repository', 'https://acme.ghe.com/acme/app']]);
  });

  it('applies semver ref ranges, owner, commit and trigger allow lists', () => {
    const strict = parsePolicy(
      'version: 1\nrules:\n  - images: "**"\n    signer:\n      owner: acme\n      refs: "semver:>=1.2.0 <2"\n      commit: "1111111111111111111111111111111111111111"\n      triggers: [release]\n',
      'p.yaml',
    );
    const release = (overrides: Partial<SignerIdentity>) => signer({ sourceRepositoryRef: 'refs/tags/v1.4.0', buildTrigger: 'release', ...overrides });
    const codes = (who: SignerIdentity) => evaluateImage(strict, image, [attestation(PROVENANCE, { signer: who })], []).reasons.map((reason) => reason.code);
    expect(codes(release({}))).toEqual([]);
    expect(codes(release({ sourceRepositoryRef: 'refs/tags/v2.0.0' }))).toEqual(['signer-ref']);
    expect(codes(release({ sourceRepositoryOwnerUri: 'https://github.com/acme-evil' }))).toEqual(['signer-owner']);
    expect(codes(release({ sourceRepositoryDigest: '2222222222222222222222222222222222222222' }))).toEqual(['signer-commit']);
    expect(codes(release({ buildTrigger: 'push' }))).toEqual(['signer-trigger']);
    expect(codes(release({ buildTrigger: 'pull_request' }))).toEqual(['signer-trigger']);
  });

  it('fails closed when the certificate lacks the runner or the trigger', () => {
    const noRunner = signer();
    delete noRunner.runnerEnvironment;
    const noTrigger = signer();
    delete noTrigger.buildTrigger;
    expect(evaluateImage(policy, image, [attestation(PROVENANCE, { signer: noRunner }), attestation(SPDX, { signer: noRunner })], []).reasons[0]).toMatchObject({
      code: 'signer-runner',
      found: '(none)',
      message: 'signed by acme/app/.github/workflows/release.yml@refs/heads/main on a runner the certificate does not name; the policy wants a github-hosted runner',
    });
    expect(evaluateImage(policy, image, [attestation(PROVENANCE, { signer: noTrigger }), attestation(SPDX, { signer: noTrigger })], []).reasons[0]!.code).toBe('signer-trigger');
  });

  it('lets runner: any through a self-hosted runner', () => {
    const anyRunner = parsePolicy('version: 1\nrules:\n  - images: "**"\n    signer: {repository: acme/app, runner: any}\n', 'p.yaml');
    expect(evaluateImage(anyRunner, image, [attestation(PROVENANCE, { signer: signer({ runnerEnvironment: 'self-hosted' }) })], []).result).toBe('pass');
  });

  it('names the email identity of a non-GitHub signer', () => {
    const google = signer({ issuer: 'https://accounts.google.com', subjectAlternativeName: 'alice@example.com', buildSignerUri: undefined, sourceRepositoryUri: undefined, sourceRepositoryRef: undefined });
    const anyIssuer = parsePolicy('version: 1\nrules:\n  - images: "**"\n    signer: {repository: acme/app, issuer: "https://accounts.google.com"}\n', 'p.yaml');
    expect(evaluateImage(anyIssuer, image, [attestation(PROVENANCE, { signer: google })], []).reasons[0]).toMatchObject({
      code: 'signer-repository',
      message: 'signed by alice@example.com; the policy wants a workflow of acme/app',
    });
  });
});
