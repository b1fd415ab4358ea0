import { describe, expect, it } from 'vitest';
import { describePolicy } from '../../../src/policy/describe.js';
import { policyFromInputs } from '../../../src/policy/inline-inputs.js';
import { parsePolicy } from '../../../src/policy/policy-file.js';

describe('describePolicy', () => {
  it('says the inline policy in plain words', () => {
    const lines = describePolicy(
      policyFromInputs({
        signerRepository: 'acme/app',
        signerWorkflow: 'acme/app/.github/workflows/release.yml',
        allowedRefs: ['refs/heads/main', 'refs/tags/v*'],
        require: ['provenance', 'sbom'],
        allowedRegistries: ['ghcr.io/acme'],
      }),
    );
    expect(lines).toEqual([
      'Policy from the action inputs, mode enforce: any denied image fails the run.',
      "Trusted roots: Sigstore public-good, GitHub's Sigstore.",
      'Rule 1: images ghcr.io/acme/**',
      '  must be signed on GitHub Actions by the workflow acme/app/.github/workflows/release.yml run for acme/app,',
      '  from refs/heads/main or refs/tags/v*,',
      '  on a github-hosted runner, not from pull_request* events;',
      "  requires SLSA provenance v1 and an SBOM (SPDX or CycloneDX), each attested for the image's own digest by that signer;",
      '  for a multi-platform index, the evidence must be on the index digest itself.',
      'An image that no rule matches is denied.',
    ]);
  });

  it('mentions id pins, semver refs, allowed triggers, audit mode and later rules', () => {
    const lines = describePolicy(
      parsePolicy(
        `version: 1
mode: audit
trust: ./root.json
rules:
  - images: ghcr.io/acme/app
    signer: {repository: acme/app, repository-id: 1, owner-id: 2, refs: "semver:>=1.2.0 <2", triggers: [release], runner: any}
    platforms: each
  - images: "**"
    signer: {workflow: acme/shared/.github/workflows/build.yml@refs/tags/v2, issuer: https://token.actions.acme.ghe.com}
    require: signature
    platforms: any
`,
        '.github/image-policy.yaml',
      ),
    );
    expect(lines).toEqual([
      'Policy from .github/image-policy.yaml, mode audit: denied images are reported, the run does not fail.',
      'Trusted roots: the trusted root in ./root.json.',
      'Rule 1: images ghcr.io/acme/app',
      '  must be signed on GitHub Actions by a workflow of acme/app,',
      '  from tags matching semver >=1.2.0 <2,',
      '  with repository id 1 and owner id 2 (a re-created repository or account of the same name does not pass),',
      '  on any runner, only from release events;',
      "  requires SLSA provenance v1, each attested for the image's own digest by that signer;",
      '  for a multi-platform index, every platform manifest needs its own evidence.',
      'Rule 2: images ** (not matched by an earlier rule)',
      '  must be signed with identities from https://token.actions.acme.ghe.com by the workflow acme/shared/.github/workflows/build.yml at refs/tags/v2 run for any repository that calls it,',
      '  from any branch or tag,',
      '  on a github-hosted runner, not from pull_request* events;',
      "  requires a cosign signature, each attested for the image's own digest by that signer;",
      '  for a multi-platform index, evidence on the index or on any of its platform manifests counts.',
      'An image that no rule matches is denied.',
    ]);
  });
});
