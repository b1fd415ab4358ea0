import type { SignerIdentity as VerifiedSignerIdentity } from '../verify/certificate-identity.js';

/**
 * The signer's identity as verify/ decodes it from the Fulcio certificate; the policy reads the
 * extensions only, so the certificate's validity dates are optional here.
 */
export type SignerIdentity = Omit<VerifiedSignerIdentity, 'certificate'> & Partial<Pick<VerifiedSignerIdentity, 'certificate'>>;

export type EvidenceSource = 'referrers' | 'cosign-att' | 'cosign-sig' | 'github-api' | 'local';

/** One verified attestation (its bundle already checked against a trusted root). */
export interface AttestationEvidence {
  source: EvidenceSource | (string & {});
  signer: SignerIdentity;
  predicateType: string;
  /** The statement's subject digests, `sha256:<hex>`. */
  subjectDigests: string[];
  /** The digest the evidence was fetched for. */
  forDigest: string;
}

export interface EvidenceError {
  source: string;
  message: string;
}

export interface ImageUnderTest {
  /** The reference as written in the manifest. */
  reference: string;
  /** registry/repository, normalised (docker.io/library/nginx). */
  name: string;
  digest: string;
  isIndex: boolean;
  platformDigests?: string[];
}

export type Mode = 'enforce' | 'audit';
export type TrustSpec = 'public-good' | 'github' | { path: string };
export type RunnerRule = 'github-hosted' | 'self-hosted' | 'any';
export type PlatformsRule = 'index' | 'each' | 'any';

export interface SignerRule {
  /** OIDC issuer, exact. */
  issuer: string;
  /** owner/repo/.github/workflows/file.yml, compared with the Build Signer URI; with `ref` when pinned. */
  workflow?: { repository: string; path: string; ref?: string };
  /** owner/repo or a full URI, compared with the Source Repository URI. */
  repository?: string;
  owner?: string;
  /** Ref patterns (exact, glob or `semver:<range>`) for the Source Repository Ref; absent: any ref. */
  refs?: string[];
  commit?: string;
  runner: RunnerRule;
  /** Build Trigger (event name) patterns; `allow` given: only those. */
  triggers: { allow?: string[]; deny: string[] };
  repositoryId?: string;
  ownerId?: string;
}

export interface Requirement {
  /** What the user wrote: `provenance`, `sbom`, `signature` or a predicate type URI. */
  name: string;
  /** The predicate types that satisfy it. */
  predicateTypes: string[];
}

export interface PolicyRule {
  images: string[];
  signer: SignerRule;
  require: Requirement[];
  platforms: PlatformsRule;
  trust?: TrustSpec[];
}

export interface Policy {
  version: 1;
  mode: Mode;
  trust: TrustSpec[];
  rules: PolicyRule[];
  /** Where it came from, for messages: the file path, or `inputs`. */
  source: string;
}

export type ReasonCode =
  | 'no-matching-rule'
  | 'image-unresolved'
  | 'evidence-error'
  | 'unsigned'
  | 'missing-evidence'
  | 'subject-mismatch'
  | 'platform-unknown'
  | 'signer-issuer'
  | 'signer-repository'
  | 'signer-owner'
  | 'signer-repository-id'
  | 'signer-owner-id'
  | 'signer-workflow'
  | 'signer-ref'
  | 'signer-commit'
  | 'signer-runner'
  | 'signer-trigger';

export interface Reason {
  code: ReasonCode;
  /** The rule's position in the policy, counting from 1. */
  rule?: number;
  /** The policy field that denied, e.g. `signer.workflow`. */
  field?: string;
  expected?: string;
  found?: string;
  /** What to do about it. */
  fix: string;
  /** One line, without the image or its location (the report adds those). */
  message: string;
}

export interface EvidenceSummary {
  predicateType: string;
  source: string;
}

export interface Verdict {
  result: 'pass' | 'fail';
  /** The rule applied, counting from 1. */
  rule?: number;
  signer?: SignerIdentity;
  reasons: Reason[];
  evidence: EvidenceSummary[];
}
