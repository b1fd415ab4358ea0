import { GITHUB_ISSUER } from './field-values.js';
import { requirementLabel } from './predicate-types.js';
import { describeRefPattern } from './signer-identity.js';
import type { Policy, PolicyRule, TrustSpec } from './types.js';

/** The policy in plain words, one line each, as the gate prints it before anything else. */
export function describePolicy(policy: Policy): string[] {
  const lines = [
    `Policy from ${policy.source === 'inputs' ? 'the action inputs' : policy.source}, mode ${policy.mode}: ${policy.mode === 'enforce' ? 'any denied image fails the run' : 'denied images are reported, the run does not fail'}.`,
    `Trusted roots: ${describeTrust(policy.trust)}.`,
  ];
  policy.rules.forEach((rule, index) => lines.push(...describeRule(rule, index + 1)));
  lines.push('An image that no rule matches is denied.');
  return lines;
}

function describeRule(rule: PolicyRule, number: number): string[] {
  const { signer } = rule;
  const lines = [`Rule ${number}: images ${rule.images.join(', ')}${number > 1 ? ' (not matched by an earlier rule)' : ''}`];
  let who: string;
  if (signer.workflow) {
    who = `the workflow ${signer.workflow.repository}/${signer.workflow.path}${signer.workflow.ref ? ` at ${describeRefPattern(signer.workflow.ref)}` : ''}`;
    who += signer.repository ? ` run for ${signer.repository}` : ' run for any repository that calls it';
  } else if (signer.repository) {
    who = `a workflow of ${signer.repository}`;
  } else if (signer.owner) {
    who = `a workflow of a repository owned by ${signer.owner}`;
  } else {
    who = 'a workflow';
  }
  if (signer.owner && (signer.workflow || signer.repository)) who += ` (owner ${signer.owner})`;
  const where = signer.issuer === GITHUB_ISSUER ? 'on GitHub Actions' : `with identities from ${signer.issuer}`;
  lines.push(`  must be signed ${where} by ${who},`);
  lines.push(`  ${signer.refs ? `from ${signer.refs.map(describeRefPattern).join(' or ')}` : 'from any branch or tag'}${signer.commit ? `, at commit ${signer.commit}` : ''},`);
  const pins = [signer.repositoryId && `repository id ${signer.repositoryId}`, signer.ownerId && `owner id ${signer.ownerId}`].filter(Boolean);
  if (pins.length > 0) lines.push(`  with ${pins.join(' and ')} (a re-created repository or account of the same name does not pass),`);
  const runner = signer.runner === 'any' ? 'on any runner' : `on a ${signer.runner} runner`;
  const triggers = signer.triggers.allow ? `only from ${signer.triggers.allow.join(', ')} events` : `not from ${signer.triggers.deny.join(', ')} events`;
  lines.push(`  ${runner}, ${triggers};`);
  lines.push(`  requires ${rule.require.map((requirement) => requirementLabel(requirement.name)).join(' and ')}, each attested for the image's own digest by that signer;`);
  lines.push(`  for a multi-platform index, ${describePlatforms(rule.platforms)}${rule.trust ? `; trusted roots for this rule: ${describeTrust(rule.trust)}` : ''}.`);
  return lines;
}

function describePlatforms(platforms: PolicyRule['platforms']): string {
  if (platforms === 'each') return 'every platform manifest needs its own evidence';
  if (platforms === 'any') return 'evidence on the index or on any of its platform manifests counts';
  return 'the evidence must be on the index digest itself';
}

function describeTrust(trust: TrustSpec[]): string {
  return trust.map((spec) => (spec === 'public-good' ? 'Sigstore public-good' : spec === 'github' ? "GitHub's Sigstore" : `the trusted root in ${spec.path}`)).join(', ');
}
