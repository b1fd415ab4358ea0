import { describe, expect, it } from 'vitest';
import { policyFromInputs, splitListInput } from '../../../src/policy/inline-inputs.js';

describe('policyFromInputs', () => {
  it('makes one rule: allowed registries become image patterns, the signer as given', () => {
    const policy = policyFromInputs({
      signerRepository: 'acme/app',
      signerWorkflow: 'acme/app/.github/workflows/release.yml',
      allowedRefs: ['refs/heads/main', 'refs/tags/v*'],
      require: ['provenance', 'sbom'],
      allowedRegistries: ['ghcr.io', 'https://registry.example.com/team/'],
      mode: 'audit',
    });
    expect(policy.mode).toBe('audit');
    expect(policy.source).toBe('inputs');
    expect(policy.rules).toHaveLength(1);
    expect(policy.rules[0]!.images).toEqual(['ghcr.io/**', 'registry.example.com/team/**']);
    expect(policy.rules[0]!.signer).toEqual({
      issuer: 'https://token.actions.githubusercontent.com',
      workflow: { repository: 'acme/app', path: '.github/workflows/release.yml' },
      repository: 'acme/app',
      refs: ['refs/heads/main', 'refs/tags/v*'],
      runner: 'github-hosted',
      triggers: { deny: ['pull_request*'] },
    });
    expect(policy.rules[0]!.require.map((requirement) => requirement.name)).toEqual(['provenance', 'sbom']);
  });

  it('covers every image and requires provenance when registries and require are not given', () => {
    const policy = policyFromInputs({ signerRepository: 'acme/app' });
    expect(policy.rules[0]!.images).toEqual(['**']);
    expect(policy.rules[0]!.require).toEqual([{ name: 'provenance', predicateTypes: ['https://slsa.dev/provenance/v1'] }]);
    expect(policy.mode).toBe('enforce');
  });

  it('keeps a workflow ref pin and a custom issuer', () => {
    const policy = policyFromInputs({ signerWorkflow: 'acme/shared/.github/workflows/build.yml@refs/tags/v2', signerIssuer: 'https://token.actions.acme.ghe.com' });
    expect(policy.rules[0]!.signer.workflow).toEqual({ repository: 'acme/shared', path: '.github/workflows/build.yml', ref: 'refs/tags/v2' });
    expect(policy.rules[0]!.signer.issuer).toBe('https://token.actions.acme.ghe.com');
  });

  it.each([
    [{}, 'signer-repository or signer-workflow: one is required'],
    [{ signerRepository: '  ' }, 'signer-repository or signer-workflow: one is required'],
    [{ signerRepository: 'acme' }, 'signer-repository: "acme" is not owner/repo'],
    [{ signerWorkflow: 'release.yml' }, 'signer-workflow: "release.yml" is not owner/repo/.github/workflows/file.yml'],
    [{ signerRepository: 'acme/app', allowedRefs: ['main'] }, 'allowed-refs: refs are full git refs: write refs/heads/main or refs/tags/main'],
    [{ signerRepository: 'acme/app', require: ['attestation'] }, 'require: "attestation" is neither provenance, sbom, signature nor a predicate type URI'],
    [{ signerRepository: 'acme/app', allowedRegistries: ['ghcr.io/*'] }, 'allowed-registries: "ghcr.io/*" is not a registry host'],
    [{ signerRepository: 'acme/app', mode: 'warn' }, 'mode: "warn" is not one of enforce, audit'],
  ])('refuses %o naming the input', (inputs, message) => {
    expect(() => policyFromInputs(inputs)).toThrow(message);
  });
});

describe('splitListInput', () => {
  it('splits on commas and lines and drops blanks', () => {
    expect(splitListInput('refs/heads/main, refs/tags/v*\n\n  sbom \n')).toEqual(['refs/heads/main', 'refs/tags/v*', 'sbom']);
    expect(splitListInput(undefined)).toEqual([]);
  });
});
