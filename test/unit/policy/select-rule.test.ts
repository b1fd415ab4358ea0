import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/policy/policy-file.js';
import { selectRule, trustForImage } from '../../../src/policy/select-rule.js';

const policy = parsePolicy(
  `version: 1
trust: public-good
rules:
  - images: ghcr.io/acme/private/**
    signer: {owner: acme}
    trust: [github]
  - images: [ghcr.io/acme/*, nginx]
    signer: {owner: acme}
`,
  'p.yaml',
);

describe('selectRule', () => {
  it('takes the first rule whose pattern matches, by position', () => {
    expect(selectRule(policy, 'ghcr.io/acme/private/app')?.index).toBe(0);
    expect(selectRule(policy, 'ghcr.io/acme/app')?.index).toBe(1);
    expect(selectRule(policy, 'docker.io/library/nginx')?.index).toBe(1);
  });

  it('matches no rule for an image outside every pattern', () => {
    expect(selectRule(policy, 'ghcr.io/acme/team/app')).toBeUndefined();
    expect(selectRule(policy, 'docker.io/evil/nginx')).toBeUndefined();
  });

  it("gives the rule's trusted roots, else the policy's", () => {
    expect(trustForImage(policy, 'ghcr.io/acme/private/app')).toEqual(['github']);
    expect(trustForImage(policy, 'ghcr.io/acme/app')).toEqual(['public-good']);
    expect(trustForImage(policy, 'quay.io/other/app')).toEqual(['public-good']);
  });
});
