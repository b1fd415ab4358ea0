import { evaluateImage } from '../../../src/policy/evaluate.js';
import { describePolicy } from '../../../src/policy/describe.js';
import { policyFromInputs } from '../../../src/policy/inline-inputs.js';
import type { AttestationEvidence, Mode, SignerIdentity } from '../../../src/policy/types.js';
import type { GateResult, ImageResult } from '../../../src/report/gate-result.js';

/** Gate results built the way the gate builds them: real verdicts from the policy engine. */
export const GOOD_DIGEST = `sha256:${'a'.repeat(64)}`;
export const BAD_DIGEST = `sha256:${'b'.repeat(64)}`;

export function signer(overrides: Partial<SignerIdentity> = {}): SignerIdentity {
  return {
    subjectAlternativeName: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    issuer: 'https://token.actions.githubusercontent.com',
    buildSignerUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    runnerEnvironment: 'github-hosted',
    sourceRepositoryUri: 'https://github.com/acme/app',
    sourceRepositoryRef: 'refs/heads/main',
    buildTrigger: 'push',
    ...overrides,
  };
}

export function gateResult(mode: Mode, badSigner: SignerIdentity = signer({ buildSignerUri: 'https://github.com/acme/app/.github/workflows/test.yml@refs/heads/feature', sourceRepositoryRef: 'refs/heads/feature' })): GateResult {
  const policy = policyFromInputs({
    signerRepository: 'acme/app',
    signerWorkflow: 'acme/app/.github/workflows/release.yml',
    allowedRefs: ['refs/heads/main', 'refs/tags/v*'],
    allowedRegistries: ['ghcr.io/acme'],
    mode,
  });
  const evidence = (digest: string, who: SignerIdentity): AttestationEvidence[] => [
    { source: 'referrers', signer: who, predicateType: 'https://slsa.dev/provenance/v1', subjectDigests: [digest], forDigest: digest },
  ];
  const good = evaluateImage(policy, { reference: 'ghcr.io/acme/app:1.2.3', name: 'ghcr.io/acme/app', digest: GOOD_DIGEST, isIndex: false }, evidence(GOOD_DIGEST, signer()), []);
  const bad = evaluateImage(policy, { reference: 'ghcr.io/acme/worker:2.0', name: 'ghcr.io/acme/worker', digest: BAD_DIGEST, isIndex: false }, evidence(BAD_DIGEST, badSigner), []);
  const images: ImageResult[] = [
    { ref: 'ghcr.io/acme/app:1.2.3', digest: GOOD_DIGEST, locations: [{ file: 'k8s/app.yaml', line: 21, column: 18 }], result: good.result, ...(good.signer ? { signer: good.signer } : {}), evidence: good.evidence, reasons: good.reasons },
    {
      ref: 'ghcr.io/acme/worker:2.0',
      digest: BAD_DIGEST,
      locations: [
        { file: 'k8s/worker.yaml', line: 30, column: 18 },
        { file: 'k8s/cron.yaml', line: 14, column: 22 },
      ],
      result: bad.result,
      ...(bad.signer ? { signer: bad.signer } : {}),
      evidence: bad.evidence,
      reasons: bad.reasons,
    },
  ];
  return { result: images.every((image) => image.result === 'pass') ? 'pass' : 'fail', mode, policyDescription: describePolicy(policy), images };
}

export function passingResult(): GateResult {
  const result = gateResult('enforce');
  const images = result.images.slice(0, 1);
  return { ...result, result: 'pass', images };
}
