import type { SignResult } from './run-sign.js';

/** The step outputs, the same for the action and the CLI's --json. */
export function signOutputs(result: SignResult): Record<string, string> {
  const { attestations } = result;
  return {
    digest: result.target.digest,
    'sbom-path': result.sbomPaths[0] ?? '',
    'bundle-paths': JSON.stringify(attestations.map((attestation) => attestation.bundlePath)),
    'attestation-ids': JSON.stringify(attestations.flatMap((attestation) => (attestation.githubId ? [attestation.githubId] : []))),
    'attestation-urls': JSON.stringify(attestations.flatMap((attestation) => (attestation.githubUrl ? [attestation.githubUrl] : []))),
    'referrer-digests': JSON.stringify(attestations.flatMap((attestation) => attestation.referrers.map((referrer) => referrer.digest))),
  };
}
