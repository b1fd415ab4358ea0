import { readFileSync } from 'node:fs';
import { TrustedRoot } from '@sigstore/protobuf-specs';
// Imported, not read from disk, so the bundled action carries the root inside it.
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { toTrustMaterial } from '@sigstore/verify';
import type { TrustMaterial } from '@sigstore/verify';
import { TrustRootError } from './failure.js';

export type TrustSpec = 'public-good' | 'github' | (string & {});

/** How many independent proofs a bundle needs, derived from what the root can vouch for. */
export interface Thresholds {
  tlog: number;
  ctlog: number;
  timestamp: number;
  /** A root without transparency logs (GitHub's) can only date a signature by its TSA. */
  requireTsaTimestamp: boolean;
}

/** One trusted root, ready for sigstore-js. */
export interface TrustRoot {
  material: TrustMaterial;
  thresholds: Thresholds;
  /** Subject names (DER) of every CA certificate, to pick the root that issued a leaf. */
  caSubjects: Buffer[];
  summary: string;
}

/** The roots a bundle may be verified against, and where they came from. */
export interface LoadedTrust {
  source: string;
  roots: TrustRoot[];
  description: string;
}

const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';

/**
 * `public-good` is the root shipped inside `@sigstore/tuf` (read offline, nothing downloaded);
 * a path is a `trusted_root.json`, or the JSON Lines `gh attestation trusted-root` prints.
 */
export function loadTrustMaterial(spec: TrustSpec): LoadedTrust {
  if (spec === 'public-good') return trustFromJson(publicGoodRootJson(), 'public-good (@sigstore/tuf seed)');
  if (spec === 'github') {
    throw new TrustRootError(
      "no GitHub trusted root ships with image-passport: write one with 'gh attestation trusted-root > github-trusted-root.jsonl' and pass that file as the trust (or --trusted-root)",
    );
  }
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (error) {
    throw new TrustRootError(`${spec}: cannot read the trusted root (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return trustFromJson(parseRootText(spec, text), spec);
}

/** Builds trust from trusted-root JSON already in memory (one root, or several from JSON Lines). */
export function trustFromJson(json: unknown, source: string): LoadedTrust {
  const documents = Array.isArray(json) ? json : [json];
  if (documents.length === 0) throw new TrustRootError(`${source}: holds no trusted root`);
  const roots = documents.map((document, index) => toTrustRoot(document, documents.length > 1 ? `${source} root ${index + 1}` : source));
  return { source, roots, description: `${source}: ${roots.map((root) => root.summary).join('; ')}` };
}

function publicGoodRootJson(): unknown {
  const encoded = (seeds as Record<string, { targets?: Record<string, string> }>)[PUBLIC_GOOD_TUF]?.targets?.['trusted_root.json'];
  if (encoded === undefined) throw new TrustRootError(`@sigstore/tuf seeds.json has no trusted_root.json for ${PUBLIC_GOOD_TUF}`);
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}

function parseRootText(file: string, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') throw new TrustRootError(`${file}: the trusted root file is empty`);
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const lines = trimmed.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    if (lines.length < 2) throw new TrustRootError(`${file}: not JSON (${(error as Error).message}); pass a trusted_root.json`);
    return lines.map((line, index) => {
      try {
        return JSON.parse(line);
      } catch (lineError) {
        throw new TrustRootError(`${file}:${index + 1}: not JSON (${(lineError as Error).message}); pass a trusted_root.json`);
      }
    });
  }
}

const ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(\+json;version=0\.\d+|\.v0\.\d+\+json)$/;

function toTrustRoot(document: unknown, source: string): TrustRoot {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new TrustRootError(`${source}: a trusted root is a JSON object`);
  }
  const mediaType = (document as { mediaType?: unknown }).mediaType;
  if (typeof mediaType !== 'string' || !ROOT_MEDIA_TYPE.test(mediaType)) {
    throw new TrustRootError(`${source}: not a Sigstore trusted root (mediaType ${JSON.stringify(mediaType)})`);
  }
  let root: TrustedRoot;
  let material: TrustMaterial;
  try {
    root = TrustedRoot.fromJSON(document);
    requireValidityStarts(root);
    material = toTrustMaterial(root);
  } catch (error) {
    if (error instanceof TrustRootError) throw new TrustRootError(`${source}: ${error.message}`);
    throw new TrustRootError(`${source}: invalid trusted root (${(error as Error).message})`);
  }
  const thresholds: Thresholds = {
    tlog: root.tlogs.length > 0 ? 1 : 0,
    ctlog: root.ctlogs.length > 0 ? 1 : 0,
    timestamp: 1,
    requireTsaTimestamp: root.tlogs.length === 0,
  };
  if (root.certificateAuthorities.length === 0 && root.tlogs.length === 0) {
    throw new TrustRootError(`${source}: the trusted root has neither certificate authorities nor transparency logs`);
  }
  if (thresholds.requireTsaTimestamp && root.timestampAuthorities.length === 0) {
    throw new TrustRootError(`${source}: the trusted root has no transparency log and no timestamp authority, so no signature time can be trusted`);
  }
  const caSubjects = material.certificateAuthorities.flatMap((ca) => ca.certChain.map((cert) => cert.subject));
  return { material, thresholds, caSubjects, summary: summarize(root, thresholds) };
}

// A missing start would make toTrustMaterial trust a key from the beginning of time.
function requireValidityStarts(root: TrustedRoot): void {
  const logs = [...root.tlogs.map((log) => ['transparency log', log] as const), ...root.ctlogs.map((log) => ['CT log', log] as const)];
  for (const [kind, log] of logs) {
    if (log.publicKey?.validFor?.start === undefined) {
      throw new TrustRootError(`${kind} ${log.baseUrl || '(no baseUrl)'} has no publicKey.validFor.start`);
    }
  }
  const authorities = [
    ...root.certificateAuthorities.map((ca) => ['certificate authority', ca] as const),
    ...root.timestampAuthorities.map((ca) => ['timestamp authority', ca] as const),
  ];
  for (const [kind, ca] of authorities) {
    if (ca.validFor?.start === undefined) throw new TrustRootError(`${kind} ${ca.uri || '(no uri)'} has no validFor.start`);
  }
}

function summarize(root: TrustedRoot, thresholds: Thresholds): string {
  const cas = root.certificateAuthorities.map((ca) => ca.uri || ca.subject?.commonName || 'unnamed').filter(unique);
  const proof = thresholds.requireTsaTimestamp
    ? 'requires a TSA timestamp'
    : `requires ${thresholds.tlog} transparency log entry, ${thresholds.ctlog} SCT and ${thresholds.timestamp} trusted timestamp`;
  return `CAs ${cas.join(', ') || 'none'}; ${root.tlogs.length} tlog(s), ${root.ctlogs.length} CT log(s), ${root.timestampAuthorities.length} TSA(s); ${proof}`;
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}
