import { predicateTypeLabel, requirementLabel } from './predicate-types.js';
import { checkSigner } from './signer-check.js';
import { selectRule } from './select-rule.js';
import type { AttestationEvidence, EvidenceError, EvidenceSummary, ImageUnderTest, Policy, PolicyRule, Reason, Requirement, SignerIdentity, Verdict } from './types.js';

/**
 * Applies the policy to one image. Each requirement needs an attestation of its type whose subject is
 * the digest it was fetched for and whose signer passes the rule; any evidence error fails the image.
 */
export function evaluateImage(policy: Policy, image: ImageUnderTest, attestations: AttestationEvidence[], evidenceErrors: EvidenceError[]): Verdict {
  const selected = selectRule(policy, image.name);
  if (!selected) {
    const patterns = policy.rules.flatMap((rule) => rule.images);
    return {
      result: 'fail',
      reasons: [
        {
          code: 'no-matching-rule',
          field: 'images',
          expected: patterns.join(', '),
          found: image.name,
          message: `${image.name} matches no rule of the policy, which covers only ${patterns.join(', ')}`,
          fix: `deploy an image from an allowed registry, or add a rule whose images pattern matches ${image.name}`,
        },
      ],
      evidence: [],
    };
  }
  const ruleNumber = selected.index + 1;
  const { rule } = selected;
  const reasons: Reason[] = [];
  const evidence: EvidenceSummary[] = [];
  let signer: SignerIdentity | undefined;
  let candidateSigner: SignerIdentity | undefined;

  for (const group of digestGroups(rule, image, reasons, ruleNumber)) {
    const groupNote = group.label ? ` for ${group.label}` : '';
    const forGroup = attestations.filter((attestation) => group.digests.includes(normalize(attestation.forDigest)));
    if (forGroup.length === 0) {
      reasons.push(unsignedReason(rule, image, group.digests, attestations, ruleNumber, groupNote));
      continue;
    }
    for (const requirement of rule.require) {
      const typed = forGroup.filter((attestation) => requirement.predicateTypes.includes(attestation.predicateType));
      const bound = typed.filter((attestation) => attestation.subjectDigests.map(normalize).includes(normalize(attestation.forDigest)));
      const passing = bound.filter((attestation) => checkSigner(rule.signer, attestation.signer) === undefined);
      candidateSigner ??= bound[0]?.signer;
      if (passing.length > 0) {
        signer ??= passing[0]!.signer;
        for (const attestation of passing) addEvidence(evidence, attestation);
        continue;
      }
      if (bound.length > 0) {
        for (const attestation of bound) addReason(reasons, { ...checkSigner(rule.signer, attestation.signer)!, rule: ruleNumber });
      } else if (typed.length > 0) {
        addReason(reasons, subjectMismatch(typed[0]!, ruleNumber, groupNote));
      } else {
        addReason(reasons, missingReason(requirement, forGroup, ruleNumber, groupNote));
      }
    }
  }
  for (const error of evidenceErrors) {
    addReason(reasons, {
      code: 'evidence-error',
      rule: ruleNumber,
      found: error.source,
      message: `evidence from ${error.source} could not be used: ${error.message.replace(/\s+/g, ' ').trim()}`,
      fix: 'fix what the message names and run again; the gate fails closed when evidence cannot be read or verified',
    });
  }
  const chosenSigner = signer ?? candidateSigner;
  return {
    result: reasons.length === 0 ? 'pass' : 'fail',
    rule: ruleNumber,
    ...(chosenSigner ? { signer: chosenSigner } : {}),
    reasons,
    evidence,
  };
}

interface DigestGroup {
  /** Evidence on any of these digests satisfies a requirement. */
  digests: string[];
  label?: string;
}

function digestGroups(rule: PolicyRule, image: ImageUnderTest, reasons: Reason[], ruleNumber: number): DigestGroup[] {
  const digest = normalize(image.digest);
  const platforms = (image.platformDigests ?? []).map(normalize);
  if (!image.isIndex || rule.platforms === 'index') return [{ digests: [digest] }];
  if (rule.platforms === 'any') return [{ digests: [digest, ...platforms] }];
  if (platforms.length === 0) {
    reasons.push({
      code: 'platform-unknown',
      rule: ruleNumber,
      field: 'platforms',
      expected: 'each',
      message: `${digest} is an index whose platform manifests are unknown, and the policy wants evidence on each of them`,
      fix: 'check that the index lists its platform manifests, or set platforms: index',
    });
    return [];
  }
  return platforms.map((platform) => ({ digests: [platform], label: `platform manifest ${platform}` }));
}

function unsignedReason(rule: PolicyRule, image: ImageUnderTest, digests: string[], all: AttestationEvidence[], ruleNumber: number, groupNote: string): Reason {
  const elsewhere = all.filter((attestation) => !digests.includes(normalize(attestation.forDigest)));
  const hint = image.isIndex && rule.platforms === 'index' && elsewhere.length > 0;
  return {
    code: 'unsigned',
    rule: ruleNumber,
    field: 'require',
    expected: rule.require.map((requirement) => requirement.name).join(', '),
    found: 'no attestation',
    message: `no attestation found${groupNote || ` for ${digests[0]}`}${hint ? ' (its platform manifests have some, but the policy wants them on the index)' : ''}`,
    fix: hint
      ? 'attest the index digest too, or set platforms: any or each in the rule'
      : 'sign the image with image-passport/sign (or actions/attest-build-provenance with push-to-registry) and deploy the digest that was signed',
  };
}

function subjectMismatch(attestation: AttestationEvidence, ruleNumber: number, groupNote: string): Reason {
  const found = attestation.subjectDigests.join(', ') || '(no subject)';
  return {
    code: 'subject-mismatch',
    rule: ruleNumber,
    field: 'require',
    expected: normalize(attestation.forDigest),
    found,
    message: `the ${predicateTypeLabel(attestation.predicateType)} attestation from ${attestation.source}${groupNote} is about ${found}, not ${normalize(attestation.forDigest)}`,
    fix: 'attest the digest you deploy (a tag moved after signing, or the attestation was made for another image)',
  };
}

function missingReason(requirement: Requirement, present: AttestationEvidence[], ruleNumber: number, groupNote: string): Reason {
  const types = [...new Set(present.map((attestation) => predicateTypeLabel(attestation.predicateType)))];
  return {
    code: 'missing-evidence',
    rule: ruleNumber,
    field: 'require',
    expected: requirement.predicateTypes.join(' or '),
    found: types.join(', '),
    message: `${types.join(' and ')} found${groupNote} but no ${requirementLabel(requirement.name).replace(/^an? /, '')} attestation`,
    fix: requirement.name === 'sbom' ? 'sign with an SBOM (image-passport/sign with sbom: generate, or actions/attest-sbom)' : `attach ${requirementLabel(requirement.name)} attestation when signing`,
  };
}

function addReason(reasons: Reason[], reason: Reason): void {
  if (!reasons.some((existing) => existing.code === reason.code && existing.message === reason.message)) reasons.push(reason);
}

function addEvidence(evidence: EvidenceSummary[], attestation: AttestationEvidence): void {
  if (!evidence.some((entry) => entry.predicateType === attestation.predicateType && entry.source === attestation.source)) {
    evidence.push({ predicateType: attestation.predicateType, source: attestation.source });
  }
}

function normalize(digest: string): string {
  return digest.toLowerCase();
}
