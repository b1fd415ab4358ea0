import { collectEvidence } from '../evidence/collect.js';
import type { EvidenceSources } from '../evidence/collect.js';
import type { EvidenceError } from '../evidence/types.js';
import type { AttestationEvidence, Policy, PolicyRule, TrustSpec } from '../policy/types.js';
import { parseBundle, verifyAttestationBundle, VerificationFailure } from '../verify/index.js';
import type { LoadedTrust } from '../verify/index.js';
import type { ResolvedImage } from './resolve-image.js';

export interface EvidenceContext extends EvidenceSources {
  /** The roots a rule trusts (`public-good`, `github`, paths), each loaded once. */
  trustFor(specs: TrustSpec[]): LoadedTrust;
}

export interface VerifiedEvidence {
  attestations: AttestationEvidence[];
  evidenceErrors: EvidenceError[];
}

/**
 * Looks up and verifies every bundle for the image and, for an index whose rule looks at platforms,
 * for each platform manifest. Bundles that verify become evidence with the digests their statement
 * names; the rest are kept as errors for the denial.
 */
export async function gatherVerifiedEvidence(image: ResolvedImage, policy: Policy, rule: PolicyRule, context: EvidenceContext): Promise<VerifiedEvidence> {
  const trust = context.trustFor(rule.trust ?? policy.trust);
  const digests = rule.platforms === 'index' ? [image.digest] : [image.digest, ...image.platformDigests];
  const owners = ownersOf(rule);
  const found = await Promise.all(digests.map((digest) => collectEvidence(context, image.ref, digest, owners)));
  const verified: VerifiedEvidence = { attestations: [], evidenceErrors: found.flatMap((evidence) => evidence.errors) };
  for (const bundle of found.flatMap((evidence) => evidence.bundles)) {
    try {
      const attestation = verifyAttestationBundle(parseBundle(bundle.bundle, bundle.location), trust);
      const subjectDigests = attestation.statement.subject.flatMap((subject) =>
        Object.entries(subject.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`),
      );
      // One bundles file may serve several images: a local bundle counts only for its own subject.
      // Elsewhere a bundle stored under a digest it does not name stays, for the policy to deny.
      if (bundle.source === 'local' && !subjectDigests.includes(bundle.forDigest)) continue;
      verified.attestations.push({
        source: bundle.source,
        signer: attestation.signer,
        predicateType: attestation.statement.predicateType,
        subjectDigests,
        forDigest: bundle.forDigest,
      });
    } catch (error) {
      if (!(error instanceof VerificationFailure)) throw error;
      verified.evidenceErrors.push({ source: bundle.source, forDigest: bundle.forDigest, message: `${bundle.location}: ${error.message}` });
    }
  }
  return verified;
}

/** GitHub's API is asked per owner: the owners the rule's signer names. */
function ownersOf(rule: PolicyRule): string[] {
  const owners = new Set<string>();
  const { signer } = rule;
  if (signer?.owner) owners.add(signer.owner.toLowerCase());
  if (signer?.repository) owners.add(signer.repository.split('/')[0]!.toLowerCase());
  return [...owners];
}
