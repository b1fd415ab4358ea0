import type { GitHubClient } from '../github/client.js';
import type { FoundBundle } from './types.js';

/** GitHub's attestations for the digests of one run, asked for once per owner. */
export interface GitHubLookup {
  bundlesFor(owner: string, digest: string): Promise<FoundBundle[]>;
}

/**
 * One bulk-list request per owner covers every digest the run will look up (GitHub takes 1024 a
 * request); a digest nobody announced falls back to the per-digest list.
 */
export function gitHubLookup(github: GitHubClient, wanted: Map<string, Set<string>>): GitHubLookup {
  const bulk = new Map<string, ReturnType<GitHubClient['bulkListAttestations']>>();
  return {
    async bundlesFor(owner, digest) {
      const key = owner.toLowerCase();
      const digests = wanted.get(key);
      let attestations;
      if (digests?.has(digest)) {
        if (!bulk.has(key)) bulk.set(key, github.bulkListAttestations(owner, [...digests]));
        attestations = (await bulk.get(key)!).get(digest) ?? [];
      } else {
        attestations = await github.listAttestations({ owner, digest });
      }
      return attestations.flatMap((attestation, index) =>
        attestation.bundle === undefined
          ? []
          : [{ source: 'github-api' as const, forDigest: digest, location: `GitHub attestation ${index + 1} of ${owner} for ${digest}`, bundle: attestation.bundle }],
      );
    },
  };
}
