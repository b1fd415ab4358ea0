import type { GitHubClient } from '../github/client.js';
import type { RegistryClient } from '../oci/client.js';
import type { ImageReference } from '../oci/reference.js';
import { bundlesFromCosignTag } from './from-cosign-tags.js';
import { localEvidenceFor } from './from-files.js';
import type { LocalBundle } from './from-files.js';
import type { GitHubLookup } from './from-github.js';
import { bundlesFromReferrers } from './from-referrers.js';
import type { EvidenceSource, FoundBundle, FoundEvidence } from './types.js';

export interface EvidenceSources {
  registry: RegistryClient;
  /** GitHub's attestations API, asked for the owners the policy names (see gitHubLookup). */
  github?: GitHubClient;
  localBundles: LocalBundle[];
}

/**
 * Every bundle any source holds for one digest. A source that fails is recorded, not fatal: another
 * source may still satisfy the policy, and if none does the denial says what could not be read.
 */
export async function collectEvidence(
  sources: EvidenceSources,
  github: GitHubLookup | undefined,
  ref: ImageReference,
  digest: string,
  owners: string[],
): Promise<FoundEvidence> {
  const evidence: FoundEvidence = { bundles: localEvidenceFor(digest, sources.localBundles), errors: [] };
  const attempts: [EvidenceSource, Promise<FoundEvidence | FoundBundle[]>][] = [
    ['referrers', bundlesFromReferrers(sources.registry, ref, digest)],
    ['cosign-att', bundlesFromCosignTag(sources.registry, ref, digest, 'att')],
    ['cosign-sig', bundlesFromCosignTag(sources.registry, ref, digest, 'sig')],
  ];
  if (github) {
    for (const owner of owners) attempts.push(['github-api', github.bundlesFor(owner, digest)]);
  }
  const settled = await Promise.allSettled(attempts.map(([, attempt]) => attempt));
  settled.forEach((outcome, index) => {
    const source = attempts[index]![0];
    if (outcome.status === 'rejected') {
      evidence.errors.push({ source, forDigest: digest, message: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) });
    } else if (Array.isArray(outcome.value)) {
      evidence.bundles.push(...outcome.value);
    } else {
      evidence.bundles.push(...outcome.value.bundles);
      evidence.errors.push(...outcome.value.errors);
    }
  });
  return evidence;
}
