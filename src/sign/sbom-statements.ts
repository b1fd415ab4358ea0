import { readFile } from 'node:fs/promises';
import { UsageError } from '../usage-error.js';
import type { RegistryClient } from '../oci/client.js';
import type { OciManifest } from '../oci/manifest.js';
import { detectSbomFormat } from '../sbom/detect-format.js';
import { generateSbom } from '../sbom/generate.js';
import type { ImageSource } from '../sbom/image-source.js';
import { predicateTypeFor } from '../sbom/predicate-types.js';
import type { SbomFormat } from '../sbom/predicate-types.js';
import type { SignSubject, SignTarget } from './subjects.js';

export type SbomChoice = 'generate' | 'none' | { path: string };
export type { SbomFormat };

/** One SBOM to attest, and the subject digests it describes. */
export interface SbomForSubject {
  subjectDigests: string[];
  predicateType: string;
  document: object;
  packageCount?: number;
  warnings: string[];
}

/** A layer is streamed, never held; this only caps what one layer may be. */
const MAX_LAYER_BYTES = 8 * 1024 * 1024 * 1024;

export function parseSbomChoice(value: string): SbomChoice {
  if (value === 'generate' || value === '') return 'generate';
  if (value === 'none') return 'none';
  return { path: value };
}

/**
 * `generate` reads each platform image from the registry (an index gets one SBOM a platform);
 * a path attests the user's own SBOM for the pushed digest.
 */
export async function sbomsFor(target: SignTarget, choice: SbomChoice, format: SbomFormat, registry: RegistryClient): Promise<SbomForSubject[]> {
  if (choice === 'none') return [];
  if (typeof choice === 'object') {
    const document = await readSbomFile(choice.path);
    const detected = detectSbomFormat(document, choice.path);
    return [{ subjectDigests: [target.digest], predicateType: predicateTypeFor(detected), document, warnings: [] }];
  }
  const platformSubjects = target.subjects.filter((subject) => subject.manifest !== undefined);
  const sboms: SbomForSubject[] = [];
  for (const subject of platformSubjects) {
    const source = imageSource(target, subject, registry);
    const generated = await generateSbom(source, { format });
    sboms.push({
      subjectDigests: [subject.digest],
      predicateType: predicateTypeFor(format),
      document: generated.document,
      packageCount: generated.packages.length,
      warnings: generated.warnings,
    });
  }
  return sboms;
}

async function readSbomFile(path: string): Promise<object> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`sbom ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); give a path to an SPDX or CycloneDX JSON file, generate or none`);
  }
  try {
    return JSON.parse(text) as object;
  } catch {
    throw new UsageError(`sbom ${path}: not JSON; give an SPDX 2.3 or CycloneDX JSON document`);
  }
}

function imageSource(target: SignTarget, subject: SignSubject, registry: RegistryClient): ImageSource {
  const name = target.names[0]!;
  const ref = { registry: name.registry, repository: name.repository, digest: subject.digest };
  const manifest = subject.manifest as OciManifest;
  return {
    name: `${name.registry}/${name.repository}`,
    manifestDigest: subject.digest,
    ...(subject.digest !== target.digest ? { indexDigest: target.digest } : {}),
    ...(subject.platform ? { platform: subject.platform } : {}),
    layers: manifest.layers.map(({ digest, mediaType, size }) => ({ digest, mediaType, size })),
    openLayer: (layer) => registry.openBlob(ref, layer.digest, { maxBytes: Math.min(layer.size, MAX_LAYER_BYTES) }),
  };
}
