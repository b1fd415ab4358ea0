import { FieldProblem } from './policy-error.js';
import { imagePatternProblem, refPatternProblem } from './patterns.js';
import { REQUIREMENT_NAMES } from './predicate-types.js';
import type { PlatformsRule, Requirement, RunnerRule, SignerRule, TrustSpec } from './types.js';

/** Shared by the policy file and the inline inputs: each parser throws a FieldProblem naming the fix. */

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const DEFAULT_DENIED_TRIGGERS = ['pull_request*'];
export const DEFAULT_TRUST: TrustSpec[] = ['public-good', 'github'];
export const MODES = ['enforce', 'audit'] as const;
export const RUNNERS: RunnerRule[] = ['github-hosted', 'self-hosted', 'any'];
export const PLATFORMS: PlatformsRule[] = ['index', 'each', 'any'];

const NAME = '[A-Za-z0-9_.-]+';
const REPOSITORY = new RegExp(`^${NAME}/${NAME}$`);
const OWNER = new RegExp(`^${NAME}$`);
const WORKFLOW = new RegExp(`^(${NAME}/${NAME})/(\\.github/workflows/[^@]+\\.ya?ml)(?:@(.+))?$`);

export function parseWorkflow(text: string): NonNullable<SignerRule['workflow']> {
  const match = WORKFLOW.exec(text.trim());
  if (!match) throw new FieldProblem(`"${text}" is not owner/repo/.github/workflows/file.yml (optionally @refs/…)`);
  const ref = match[3];
  if (ref !== undefined) {
    const problem = refPatternProblem(ref);
    if (problem) throw new FieldProblem(`the ref after @ in "${text}": ${problem}`);
  }
  return { repository: match[1]!, path: match[2]!, ...(ref === undefined ? {} : { ref }) };
}

export function parseRepository(text: string): string {
  const value = text.trim();
  if (REPOSITORY.test(value) || /^https:\/\/[^/]+\/[^/]+\/[^/]+$/.test(value)) return value;
  throw new FieldProblem(`"${text}" is not owner/repo (or a full https:// repository URI)`);
}

export function parseOwner(text: string): string {
  const value = text.trim();
  if (OWNER.test(value)) return value;
  throw new FieldProblem(`"${text}" is not an owner name (an organisation or user, without slashes)`);
}

export function parseRefPattern(text: string): string {
  const problem = refPatternProblem(text.trim());
  if (problem) throw new FieldProblem(problem);
  return text.trim();
}

export function parseImagePattern(text: string): string {
  const problem = imagePatternProblem(text.trim());
  if (problem) throw new FieldProblem(`"${text}": ${problem}`);
  return text.trim();
}

export function parseCommit(text: string): string {
  const value = text.trim().toLowerCase();
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(value)) return value;
  throw new FieldProblem(`"${text}" is not a full commit SHA (40 hex characters)`);
}

export function parseNumericId(value: string | number): string {
  const text = String(value).trim();
  if (/^[1-9][0-9]*$/.test(text)) return text;
  throw new FieldProblem(`"${value}" is not a numeric id (find it with: gh api repos/OWNER/REPO --jq .id, or .owner.id)`);
}

export function parseIssuer(text: string): string {
  const value = text.trim();
  if (/^https:\/\/[^\s/]+(\/\S*)?$/.test(value)) return value;
  // A local issuer (a test lab, a developer's Sigstore) speaks plain HTTP on loopback only.
  if (/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/\S*)?$/.test(value)) return value;
  throw new FieldProblem(`"${text}" is not an https:// OIDC issuer URL (GitHub's is ${GITHUB_ISSUER}; plain http only on loopback)`);
}

export function parseRequirement(text: string): Requirement {
  const name = text.trim();
  const types = REQUIREMENT_NAMES[name.toLowerCase()];
  if (types) return { name: name.toLowerCase(), predicateTypes: types };
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(name)) return { name, predicateTypes: [name] };
  throw new FieldProblem(`"${text}" is neither ${Object.keys(REQUIREMENT_NAMES).join(', ')} nor a predicate type URI`);
}

export function parseTrust(text: string): TrustSpec {
  const value = text.trim();
  if (value === 'public-good' || value === 'github') return value;
  if (value === '') throw new FieldProblem('trust is public-good, github or the path of a trusted_root.json');
  return { path: value };
}

export function parseChoice<T extends string>(text: string, choices: readonly T[]): T {
  const value = text.trim() as T;
  if (choices.includes(value)) return value;
  throw new FieldProblem(`"${text}" is not one of ${choices.join(', ')}`);
}

export function ensureIdentityPinned(signer: Omit<SignerRule, 'issuer' | 'runner' | 'triggers'>): void {
  if (signer.workflow || signer.repository || signer.owner || signer.repositoryId || signer.ownerId) return;
  throw new FieldProblem('names no signer: set workflow, repository or owner, or any image signed by anyone on GitHub Actions would pass');
}
