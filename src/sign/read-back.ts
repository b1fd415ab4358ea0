import { parseRepository } from '../github/client.js';
import type { GitHubClient } from '../github/client.js';
import type { RegistryClient } from '../oci/client.js';
import { listReferrers } from '../oci/referrers.js';
import { parseImageReference } from '../oci/reference.js';
import { parseBundle, verifyAttestationBundle } from '../verify/index.js';
import type { LoadedTrust } from '../verify/index.js';
import type { StoredAttestation } from './run-sign.js';
import type { SignTarget } from './subjects.js';

export interface ReadBackOptions {
  registry: RegistryClient;
  target: SignTarget;
  attestations: StoredAttestation[];
  /** Without a root (GitHub's instance ships none), copies are checked to be the bundles signed. */
  trust: LoadedTrust | undefined;
  github?: { client: GitHubClient; repository: string } | undefined;
}

/**
 * Reads every stored copy back the way a verifier finds it (the subject's referrers, GitHub's list
 * by digest) and verifies it: a bundle that was written but cannot be found or verified is a failure.
 */
export async function readBack(options: ReadBackOptions): Promise<void> {
  for (const attestation of options.attestations) {
    for (const referrer of attestation.referrers) {
      const ref = parseImageReference(referrer.image);
      const subjectDigest = ref.digest!;
      const listed = await listReferrers(options.registry, ref, subjectDigest);
      if (!listed.some((entry) => entry.digest === referrer.digest)) {
        throw new Error(`${referrer.image}: the referrer ${referrer.digest} was stored but is not listed among the subject's referrers`);
      }
      const { manifest } = await options.registry.getManifest(ref, referrer.digest);
      const layer = 'layers' in manifest ? manifest.layers[0] : undefined;
      if (!layer) throw new Error(`${referrer.image}: the referrer ${referrer.digest} has no bundle layer`);
      const bytes = await options.registry.getBlob(ref, layer.digest, { maxBytes: layer.size });
      checkCopy(JSON.parse(Buffer.from(bytes).toString('utf8')), attestation, subjectDigest, options.trust, `${referrer.image} referrer ${referrer.digest}`);
    }
    if (attestation.githubId && options.github) {
      const digest = attestation.subjectDigests[0]!;
      const listed = await options.github.client.listAttestations({ ...parseRepository(options.github.repository), digest });
      const ours = listed.find((entry) => signatureOf(entry.bundle) === attestation.signature);
      if (!ours) throw new Error(`GitHub does not list attestation ${attestation.githubId} for ${digest} in ${options.github.repository} after storing it`);
      checkCopy(ours.bundle, attestation, digest, options.trust, `GitHub attestation ${attestation.githubId}`);
    }
  }
}

function checkCopy(bundle: unknown, attestation: StoredAttestation, digest: string, trust: LoadedTrust | undefined, where: string): void {
  if (signatureOf(bundle) !== attestation.signature) throw new Error(`${where}: the stored bundle is not the one signed`);
  if (trust) verifyAttestationBundle(parseBundle(bundle, where), trust, { expectedDigest: digest });
}

function signatureOf(bundle: unknown): string | undefined {
  return (bundle as { dsseEnvelope?: { signatures?: { sig?: string }[] } } | null)?.dsseEnvelope?.signatures?.[0]?.sig;
}
