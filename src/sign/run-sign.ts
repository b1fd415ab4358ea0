import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import { bundleReferrerArtifact } from '../attest/bundle-media.js';
import { SLSA_PROVENANCE_V1 } from '../attest/predicate-types.js';
import type { AttestationSigner } from '../attest/sign.js';
import { checkGitHubBundleSize, formatMiB, GITHUB_BUNDLE_LIMIT_BYTES } from '../attest/size-limit.js';
import { buildStatement, serializeStatement, subjectFor } from '../attest/statement.js';
import type { Statement } from '../attest/statement.js';
import { parseRepository } from '../github/client.js';
import type { BundleJson, GitHubClient } from '../github/client.js';
import type { RegistryClient } from '../oci/client.js';
import { attachReferrer } from '../oci/referrers.js';
import { formatImageReference } from '../oci/reference.js';
import type { LoadedTrust } from '../verify/trust-root.js';
import { readBack } from './read-back.js';
import { sbomsFor } from './sbom-statements.js';
import type { SbomChoice, SbomFormat } from './sbom-statements.js';
import { resolveSignTarget } from './subjects.js';
import type { SignTarget } from './subjects.js';

export interface SignOptions {
  images: string[];
  digest?: string;
  sbom: SbomChoice;
  sbomFormat: SbomFormat;
  registry: RegistryClient;
  signer: AttestationSigner;
  /** The SLSA predicate; built by the caller because only the Actions environment can build it. */
  provenance: () => Promise<object>;
  /** The root the bundles are verified against once stored; see readBack for none. */
  trust: LoadedTrust | undefined;
  pushToRegistry: boolean;
  github?: { client: GitHubClient; repository: string; serverUrl: string };
  /** Where the SBOMs and bundles are written. */
  workDir: string;
}

/** One signed statement and where it was stored. */
export interface StoredAttestation {
  predicateType: string;
  subjectDigests: string[];
  bundlePath: string;
  /** The DSSE signature, which identifies this bundle among others for the same digest. */
  signature: string;
  referrers: { image: string; digest: string }[];
  githubId?: string;
  githubUrl?: string;
  logIndex?: string;
  timestamp?: string;
}

export interface SignResult {
  target: SignTarget;
  sbomPaths: string[];
  attestations: StoredAttestation[];
  notes: string[];
}

/**
 * Sign's engine: check the digest in the registry, make the SBOMs and the provenance, sign every
 * statement under one certificate, store each bundle, then read every copy back and verify it.
 */
export async function runSign(options: SignOptions): Promise<SignResult> {
  const target = await resolveSignTarget(options.images, options.digest, options.registry);
  await mkdir(options.workDir, { recursive: true });
  const notes: string[] = [];

  const statements: { statement: Statement<object>; bytes: number }[] = [];
  const allSubjects = target.subjects.map((subject) => subjectFor(displayName(target), subject.digest));
  statements.push(toSized(buildStatement(allSubjects, SLSA_PROVENANCE_V1, await options.provenance())));
  const sboms = await sbomsFor(target, options.sbom, options.sbomFormat, options.registry);
  const sbomPaths: string[] = [];
  for (const sbom of sboms) {
    const sbomPath = path.join(options.workDir, `sbom-${short(sbom.subjectDigests[0]!)}.json`);
    await writeFile(sbomPath, JSON.stringify(sbom.document, null, 2) + '\n');
    sbomPaths.push(sbomPath);
    notes.push(...sbom.warnings);
    const subjects = sbom.subjectDigests.map((digest) => subjectFor(displayName(target), digest));
    statements.push(toSized(buildStatement(subjects, sbom.predicateType, sbom.document)));
  }

  const attestations: StoredAttestation[] = [];
  for (const { statement, bytes } of statements) {
    const signed = await options.signer.sign(statement);
    const subjectDigests = statement.subject.map((subject) => `sha256:${subject.digest.sha256}`);
    const bundlePath = path.join(options.workDir, `${kindOf(statement.predicateType)}-${short(subjectDigests[0]!)}.sigstore.json`);
    await writeFile(bundlePath, JSON.stringify(signed.bundle) + '\n');
    const stored: StoredAttestation = { predicateType: statement.predicateType, subjectDigests, bundlePath, signature: signatureOf(signed.bundle), referrers: [], ...witnessOf(signed.bundle) };
    if (options.pushToRegistry) stored.referrers = await storeInRegistry(options.registry, target, subjectDigests, signed.bundle);
    if (options.github) {
      const size = checkGitHubBundleSize(bytes);
      if (size.fitsGitHub) {
        await storeInGitHub(options.github, signed.bundle, stored, notes, options.pushToRegistry);
      } else {
        notes.push(
          `the ${kindOf(statement.predicateType)} bundle is ${formatMiB(bytes)}, over GitHub's ${formatMiB(GITHUB_BUNDLE_LIMIT_BYTES)} limit: it is stored in the registry only`,
        );
      }
    }
    attestations.push(stored);
  }
  await readBack({ registry: options.registry, target, attestations, trust: options.trust, github: options.github });
  return { target, sbomPaths, attestations, notes };
}

async function storeInRegistry(registry: RegistryClient, target: SignTarget, subjectDigests: string[], bundle: SerializedBundle): Promise<{ image: string; digest: string }[]> {
  const stored: { image: string; digest: string }[] = [];
  const artifact = bundleReferrerArtifact(bundle);
  for (const name of target.names) {
    for (const digest of subjectDigests) {
      const subject = target.subjects.find((candidate) => candidate.digest === digest)!;
      const ref = { registry: name.registry, repository: name.repository, digest };
      const attached = await attachReferrer(registry, ref, { mediaType: subject.mediaType, digest, size: subject.size }, artifact);
      stored.push({ image: formatImageReference(ref), digest: attached.descriptor.digest });
    }
  }
  return stored;
}

async function storeInGitHub(
  github: NonNullable<SignOptions['github']>,
  bundle: SerializedBundle,
  stored: StoredAttestation,
  notes: string[],
  registryCopy: boolean,
): Promise<void> {
  try {
    const id = String(await github.client.createAttestation(parseRepository(github.repository), bundle as unknown as BundleJson));
    stored.githubId = id;
    stored.githubUrl = `${github.serverUrl}/${github.repository}/attestations/${id}`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A plan without attestations must not fail a release whose evidence is already in the registry.
    if (!registryCopy || stored.referrers.length === 0) throw error;
    notes.push(`${message}; the bundle is in the registry, where the gate, cosign and gh --bundle-from-oci find it`);
  }
}

function witnessOf(bundle: SerializedBundle): Pick<StoredAttestation, 'logIndex' | 'timestamp'> {
  const entry = bundle.verificationMaterial.tlogEntries?.[0];
  const timestamp = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.[0];
  return {
    ...(entry ? { logIndex: entry.logIndex } : {}),
    ...(timestamp ? { timestamp: 'RFC 3161' } : {}),
  };
}

function signatureOf(bundle: SerializedBundle): string {
  return bundle.dsseEnvelope?.signatures[0]?.sig ?? '';
}

function toSized(statement: Statement<object>): { statement: Statement<object>; bytes: number } {
  return { statement, bytes: serializeStatement(statement).length };
}

function displayName(target: SignTarget): string {
  const name = target.names[0]!;
  return `${name.registry}/${name.repository}`;
}

function kindOf(predicateType: string): string {
  return predicateType === SLSA_PROVENANCE_V1 ? 'provenance' : 'sbom';
}

function short(digest: string): string {
  return digest.replace('sha256:', '').slice(0, 12);
}
