import { gitHubLookup } from '../evidence/from-github.js';
import { readManifests } from '../k8s/read-manifests.js';
import { findImages } from '../k8s/find-images.js';
import { ManifestError } from '../k8s/manifest-error.js';
import type { ImageOccurrence } from '../k8s/find-images.js';
import { pinManifests } from '../k8s/pin.js';
import { describePolicy } from '../policy/describe.js';
import { evaluateImage } from '../policy/evaluate.js';
import { selectRule } from '../policy/select-rule.js';
import type { Policy, Reason } from '../policy/types.js';
import type { GateResult, ImageResult } from '../report/gate-result.js';
import { resolveImage } from './resolve-image.js';
import type { ResolvedImage } from './resolve-image.js';
import { evidenceDigests, gatherVerifiedEvidence, ownersOf } from './verified-evidence.js';
import type { EvidenceContext } from './verified-evidence.js';
import { mapWithConcurrency } from './pool.js';

export interface GateOptions extends EvidenceContext {
  manifests: string[];
  cwd: string;
  stdin?: () => Promise<string>;
  policy: Policy;
  /** How many images are resolved and verified at once. */
  concurrency?: number;
}

export interface GateRun {
  result: GateResult;
  /** The manifests with every image rewritten to the digest that was verified, by input path. */
  pinned: { path: string; text: string }[];
}

/** The gate's engine: manifests in, a verdict per image and pinned manifests out. */
export async function runGate(options: GateOptions): Promise<GateRun> {
  const files = await readManifests(options.manifests, { cwd: options.cwd, stdin: options.stdin });
  const occurrences = findImages(files);
  if (occurrences.length === 0) {
    // Passing a deploy with nothing checked would hide a manifests input that names the wrong files.
    throw new ManifestError(`manifests: no image found in ${files.map((file) => file.path).join(', ')} — check that the manifests input names the rendered manifests`);
  }
  const images = await judgeImages([...groupByImage(occurrences)], options);

  const failed = images.some((image) => image.result === 'fail');
  const result: GateResult = {
    result: failed && options.policy.mode !== 'audit' ? 'fail' : 'pass',
    mode: options.policy.mode,
    policyDescription: describePolicy(options.policy),
    images,
  };
  const pins = new Map<string, string>();
  for (const image of images) {
    if (image.digest && (image.result === 'pass' || options.policy.mode === 'audit')) pins.set(image.ref, pinnedReference(image.ref, image.digest));
  }
  return { result, pinned: pinManifests(files, pins) };
}

type Resolution = { resolved: ResolvedImage } | { error: unknown };

/**
 * Resolves every distinct image first, so GitHub can be asked for all their digests in one bulk
 * request per owner; then verifies and judges each image. `where` are an image's manifest places.
 */
export async function judgeImages(images: [string, ImageOccurrence[]][], options: Omit<GateOptions, 'manifests' | 'cwd'>): Promise<ImageResult[]> {
  const concurrency = options.concurrency ?? 8;
  const resolutions = await mapWithConcurrency(images, concurrency, async ([image]): Promise<Resolution> => {
    try {
      return { resolved: await resolveImage(image, options.registry) };
    } catch (error) {
      return { error };
    }
  });
  const github = options.github ? gitHubLookup(options.github, wantedFromGitHub(resolutions, options.policy)) : undefined;
  return mapWithConcurrency(images.map((entry, index) => [entry, resolutions[index]!] as const), concurrency, async ([[image, where], resolution]) => {
    const locations = where.map(({ file, line, column }) => ({ file, line, column }));
    if ('error' in resolution) return { ref: image, locations, result: 'fail', evidence: [], reasons: [unresolvedReason(resolution.error)] };
    const { resolved } = resolution;
    const selected = selectRule(options.policy, resolved.name);
    const { attestations, evidenceErrors } = selected
      ? await gatherVerifiedEvidence(resolved, options.policy, selected.rule, options, github)
      : { attestations: [], evidenceErrors: [] };
    const verdict = evaluateImage(
      options.policy,
      { reference: image, name: resolved.name, digest: resolved.digest, isIndex: resolved.platformDigests.length > 0, platformDigests: resolved.platformDigests },
      attestations,
      evidenceErrors,
    );
    return { ref: image, digest: resolved.digest, locations, result: verdict.result, signer: verdict.signer, evidence: verdict.evidence, reasons: verdict.reasons };
  });
}

/** Owner → digests, for the owners each image's rule names. */
function wantedFromGitHub(resolutions: Resolution[], policy: Policy): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const resolution of resolutions) {
    if (!('resolved' in resolution)) continue;
    const selected = selectRule(policy, resolution.resolved.name);
    if (!selected) continue;
    for (const owner of ownersOf(selected.rule)) {
      const digests = wanted.get(owner) ?? new Set<string>();
      for (const digest of evidenceDigests(resolution.resolved, selected.rule)) digests.add(digest);
      wanted.set(owner, digests);
    }
  }
  return wanted;
}

function groupByImage(occurrences: ImageOccurrence[]): Map<string, ImageOccurrence[]> {
  const byImage = new Map<string, ImageOccurrence[]>();
  for (const occurrence of occurrences) {
    const list = byImage.get(occurrence.image) ?? [];
    list.push(occurrence);
    byImage.set(occurrence.image, list);
  }
  return byImage;
}

/** `name:tag@sha256:…`: the tag stays for people reading the manifest, the digest is what runs. */
function pinnedReference(image: string, digest: string): string {
  const withoutDigest = image.replace(/@sha256:[0-9a-f]{64}$/, '');
  return `${withoutDigest}@${digest}`;
}

function unresolvedReason(error: unknown): Reason {
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'image-unresolved',
    message,
    fix: 'check the image reference, that the image exists, and the registry credentials',
  };
}
