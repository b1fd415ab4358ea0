import { createEvidenceContext } from '../gate/evidence-context.js';
import type { EvidenceContext } from '../gate/verified-evidence.js';
import { createRegistryClient } from '../oci/client.js';

/** The CLI's evidence sources: registry credentials as Docker keeps them, GITHUB_TOKEN when set. */
export async function engineContext(settings: { trustedRoot?: string | undefined; bundles: string[] }): Promise<EvidenceContext> {
  return createEvidenceContext({
    registry: createRegistryClient(),
    bundles: settings.bundles,
    ...(settings.trustedRoot ? { trustedRoot: settings.trustedRoot } : {}),
    ...(process.env.GITHUB_TOKEN ? { githubToken: process.env.GITHUB_TOKEN } : {}),
  });
}
