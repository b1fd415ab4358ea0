import { readManifests } from '../k8s/read-manifests.js';
import { findImages } from '../k8s/find-images.js';
import { ManifestError } from '../k8s/manifest-error.js';
import type { ImageOccurrence } from '../k8s/find-images.js';
import { pinManifests } from '../k8s/pin.js';
import { describePolicy } from '../policy/describe.js';
import { evaluateImage } from '../policy/evaluate.js';
import { selectRule } from '../policy/select-rule.js';
import type { AttestationEvidence, Policy, Reason } from '../policy/types.js';
import type { GateResult, ImageResult } from '../report/gate-result.js';
import { resolveImage } from './resolve-image.js';
import type { ResolvedImage } from './resolve-image.js';
import { gatherVerifiedEvidence } from './verified-evidence.js';
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
  const byImage = groupByImage(occurrences);

  const images = await mapWithConcurrency([...byImage], options.concurrency ?? 8, async ([image, where]) =>
    judgeImage(image, where, options),
  );

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

/** One image, resolved, its evidence verified and judged; `where` are its places in the manifests. */
export async function judgeImage(image: string, where: ImageOccurrence[], options: Omit<GateOptions, 'manifests' | 'cwd'>): Promise<ImageResult> {
  const locations = where.map(({ file, line, column }) => ({ file, line, column }));
  let resolved: ResolvedImage;
  try {
    resolved = await resolveImage(image, options.registry);
  } catch (error) {
    return { ref: image, locations, result: 'fail', evidence: [], reasons: [unresolvedReason(error)] };
  }
  const selected = selectRule(options.policy, resolved.name);
  let attestations: AttestationEvidence[] = [];
  let evidenceErrors: { source: string; message: string }[] = [];
  if (selected) {
    ({ attestations, evidenceErrors } = await gatherVerifiedEvidence(resolved, options.policy, selected.rule, options));
  }
  const verdict = evaluateImage(
    options.policy,
    { reference: image, name: resolved.name, digest: resolved.digest, isIndex: resolved.platformDigests.length > 0, platformDigests: resolved.platformDigests },
    attestations,
    evidenceErrors,
  );
  return {
    ref: image,
    digest: resolved.digest,
    locations,
    result: verdict.result,
    signer: verdict.signer,
    evidence: verdict.evidence,
    reasons: verdict.reasons,
  };
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
