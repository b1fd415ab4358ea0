import { readBundleFiles } from '../evidence/from-files.js';
import { GitHubClient } from '../github/client.js';
import type { RegistryClient } from '../oci/client.js';
import { loadTrustMaterial } from '../verify/trust-root.js';
import type { LoadedTrust } from '../verify/trust-root.js';
import type { TrustSpec } from '../policy/types.js';
import type { EvidenceContext } from './verified-evidence.js';

export interface EvidenceSettings {
  registry: RegistryClient;
  /** Overrides every rule's trust, as --trusted-root and IMAGE_PASSPORT_TRUSTED_ROOT do. */
  trustedRoot?: string;
  bundles: string[];
  /** Without a token GitHub's attestations API is not asked. */
  githubToken?: string;
  env?: NodeJS.ProcessEnv;
}

/** Where the gate looks for evidence and what it trusts, set up once per run. */
export async function createEvidenceContext(settings: EvidenceSettings): Promise<EvidenceContext> {
  const localBundles = await readBundleFiles(settings.bundles);
  const loaded = new Map<string, LoadedTrust>();
  const load = (spec: string): LoadedTrust => {
    let trust = loaded.get(spec);
    if (!trust) {
      trust = loadTrustMaterial(spec);
      loaded.set(spec, trust);
    }
    return trust;
  };
  const trustFor = (specs: TrustSpec[]): LoadedTrust => {
    const chosen = settings.trustedRoot ? [settings.trustedRoot] : specs.map((spec) => (typeof spec === 'string' ? spec : spec.path));
    if (chosen.length === 0) return load('public-good');
    // GitHub's root ships nowhere: beside other roots it is left out, and its bundles then fail
    // as signed by an untrusted CA, naming GitHub's; alone it is the configuration error it names.
    const usable = chosen.length > 1 ? chosen.filter((spec) => spec !== 'github') : chosen;
    return mergeTrust(usable.map(load));
  };
  return {
    registry: settings.registry,
    localBundles,
    trustFor,
    ...(settings.githubToken ? { github: GitHubClient.fromEnv(settings.githubToken, settings.env ?? process.env) } : {}),
  };
}

/** A rule may trust several roots; a bundle verifies if any of them vouches for it. */
function mergeTrust(trusts: LoadedTrust[]): LoadedTrust {
  if (trusts.length === 1) return trusts[0]!;
  return {
    source: trusts.map((trust) => trust.source).join(', '),
    roots: trusts.flatMap((trust) => trust.roots),
    description: trusts.map((trust) => trust.description).join('; '),
  };
}
