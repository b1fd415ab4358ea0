import { collectEvidence } from '../evidence/collect.js';
import type { GitHubLookup } from '../evidence/from-github.js';
import type { EvidenceSources } from '../evidence/collect.js';
import { simpleSigningSubject } from '../evidence/from-cosign-tags.js';
import type { EvidenceError, FoundBundle } from '../evidence/types.js';
import { COSIGN_SIGNATURE } from '../policy/predicate-types.js';
import type { AttestationEvidence, Policy, PolicyRule, TrustSpec } from '../policy/types.js';
import { parseBundle, verifyAttestationBundle, verifyBundleSignature, VerificationFailure } from '../verify/index.js';
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
export async function gatherVerifiedEvidence(
  image: ResolvedImage,
  policy: Policy,
  rule: PolicyRule,
  context: EvidenceContext,
  github: GitHubLookup | undefined,
): Promise<VerifiedEvidence> {
  const trust = context.trustFor(rule.trust ?? policy.trust);
  const owners = ownersOf(rule);
  const found = await Promise.all(evidenceDigests(image, rule).map((digest) => collectEvidence(context, github, image.ref, digest, owners)));
  const verified: VerifiedEvidence = { attestations: [], evidenceErrors: found.flatMap((evidence) => evidence.errors) };
  for (const bundle of found.flatMap((evidence) => evidence.bundles)) {
    try {
      const { signer, predicateType, subjectDigests } = verifyFound(bundle, trust);
      // One bundles file may serve several images: a local bundle counts only for its own subject.
      // Elsewhere a bundle stored under a digest it does not name stays, for the policy to deny.
      if (bundle.source === 'local' && !subjectDigests.includes(bundle.forDigest)) continue;
      verified.attestations.push({
        source: bundle.source,
        signer,
        predicateType,
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

type VerifiedFacts = Pick<AttestationEvidence, 'signer' | 'predicateType' | 'subjectDigests'>;

/**
 * A cosign `.sig` signature signs a simple-signing payload, not a statement: it proves who signed the
 * image and nothing else, so it counts as the signature predicate only, never provenance or an SBOM.
 */
function verifyFound(found: FoundBundle, trust: LoadedTrust): VerifiedFacts {
  const bundle = parseBundle(found.bundle, found.location);
  if (found.signedPayload === undefined) {
    const { signer, statement } = verifyAttestationBundle(bundle, trust);
    const subjectDigests = statement.subject.flatMap((subject) => Object.entries(subject.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`));
    return { signer, predicateType: statement.predicateType, subjectDigests };
  }
  const { signer } = verifyBundleSignature(bundle, trust, { artifact: found.signedPayload });
  if (signer.kind !== 'certificate') {
    throw new VerificationFailure('CERTIFICATE_UNTRUSTED', 'the cosign signature is signed with a managed key, not a Fulcio certificate, so it names no signer');
  }
  return { signer: signer.identity, predicateType: COSIGN_SIGNATURE, subjectDigests: [simpleSigningSubject(found.signedPayload)] };
}

/** The digests whose evidence a rule looks at: the index alone, or its platform manifests too. */
export function evidenceDigests(image: ResolvedImage, rule: PolicyRule): string[] {
  return rule.platforms === 'index' ? [image.digest] : [image.digest, ...image.platformDigests];
}

/** GitHub's API is asked per owner: the owners the rule's signer names. */
export function ownersOf(rule: PolicyRule): string[] {
  const owners = new Set<string>();
  const { signer } = rule;
  const ownerOf = (repository: string) => repository.replace(/^https:\/\/[^/]+\//, '').split('/')[0]!.toLowerCase();
  if (signer.owner) owners.add(signer.owner.toLowerCase());
  if (signer.repository) owners.add(ownerOf(signer.repository));
  if (signer.workflow) owners.add(ownerOf(signer.workflow.repository));
  return [...owners];
}
