import type { GitHubClient } from '../github/client.js';
import type { FoundBundle } from './types.js';

/** Bundles GitHub's attestations API holds for a digest, for the owner when one is known. */
export async function bundlesFromGitHub(github: GitHubClient, owner: string, digest: string): Promise<FoundBundle[]> {
  const attestations = await github.listAttestations({ owner, digest });
  return attestations.flatMap((attestation, index) =>
    attestation.bundle === undefined
      ? []
      : [{ source: 'github-api' as const, forDigest: digest, location: `GitHub attestation ${index + 1} of ${owner} for ${digest}`, bundle: attestation.bundle }],
  );
}
