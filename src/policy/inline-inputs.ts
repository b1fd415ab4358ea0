import {
  DEFAULT_DENIED_TRIGGERS,
  DEFAULT_TRUST,
  GITHUB_ISSUER,
  MODES,
  ensureIdentityPinned,
  parseChoice,
  parseImagePattern,
  parseIssuer,
  parseRefPattern,
  parseRepository,
  parseRequirement,
  parseTrust,
  parseWorkflow,
} from './field-values.js';
import { FieldProblem, PolicyError } from './policy-error.js';
import { REQUIREMENT_NAMES } from './predicate-types.js';
import type { Policy, SignerRule } from './types.js';

/** The gate's inputs for the simple case, already split into lists (see `splitListInput`). */
export interface InlinePolicyInputs {
  signerRepository?: string;
  signerWorkflow?: string;
  allowedRefs?: string[];
  require?: string[];
  allowedRegistries?: string[];
  mode?: string;
  signerIssuer?: string;
  trust?: string[];
}

/** Action inputs and CLI flags give lists as commas or lines. */
export function splitListInput(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function policyFromInputs(inputs: InlinePolicyInputs): Policy {
  const field = <T>(name: string, value: string, parse: (value: string) => T): T => {
    try {
      return parse(value);
    } catch (problem) {
      if (problem instanceof FieldProblem) throw new PolicyError(`${name}: ${problem.message}`);
      throw problem;
    }
  };
  const workflow = nonEmpty(inputs.signerWorkflow) ? field('signer-workflow', inputs.signerWorkflow, parseWorkflow) : undefined;
  const repository = nonEmpty(inputs.signerRepository) ? field('signer-repository', inputs.signerRepository, parseRepository) : undefined;
  const refs = (inputs.allowedRefs ?? []).map((ref) => field('allowed-refs', ref, parseRefPattern));
  const identity = { ...(workflow ? { workflow } : {}), ...(repository ? { repository } : {}), ...(refs.length > 0 ? { refs } : {}) };
  try {
    ensureIdentityPinned(identity);
  } catch {
    throw new PolicyError('signer-repository or signer-workflow: one is required (or give a policy file) — e.g. signer-repository: acme/app');
  }
  const signer: SignerRule = {
    issuer: nonEmpty(inputs.signerIssuer) ? field('signer-issuer', inputs.signerIssuer, parseIssuer) : GITHUB_ISSUER,
    ...identity,
    runner: 'github-hosted',
    triggers: { deny: DEFAULT_DENIED_TRIGGERS },
  };
  const registries = (inputs.allowedRegistries ?? []).map((registry) => field('allowed-registries', registry, registryPattern));
  const require = inputs.require ?? [];
  return {
    version: 1,
    mode: nonEmpty(inputs.mode) ? field('mode', inputs.mode, (value) => parseChoice(value, MODES)) : 'enforce',
    trust: inputs.trust && inputs.trust.length > 0 ? inputs.trust.map((value) => field('trust', value, parseTrust)) : DEFAULT_TRUST,
    rules: [
      {
        images: registries.length > 0 ? registries : ['**'],
        signer,
        require: require.length > 0 ? require.map((name) => field('require', name, parseRequirement)) : [{ name: 'provenance', predicateTypes: REQUIREMENT_NAMES['provenance']! }],
        platforms: 'index',
      },
    ],
    source: 'inputs',
  };
}

/** A registry host (optionally with a path prefix) becomes the pattern of everything under it. */
function registryPattern(text: string): string {
  const registry = text.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  if (registry === '' || registry.includes('*')) throw new FieldProblem(`"${text}" is not a registry host such as ghcr.io or ghcr.io/acme`);
  return parseImagePattern(`${registry}/**`);
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
