import { matchesImagePattern } from './patterns.js';
import type { Policy, PolicyRule, TrustSpec } from './types.js';

/** The first rule whose image patterns match wins; undefined means the image is denied. */
export function selectRule(policy: Policy, imageName: string): { rule: PolicyRule; index: number } | undefined {
  const index = policy.rules.findIndex((rule) => rule.images.some((pattern) => matchesImagePattern(pattern, imageName)));
  return index === -1 ? undefined : { rule: policy.rules[index]!, index };
}

/** The roots an image's bundles must verify against: its rule's own, else the policy's. Verify with these before evaluating. */
export function trustForImage(policy: Policy, imageName: string): TrustSpec[] {
  return selectRule(policy, imageName)?.rule.trust ?? policy.trust;
}
