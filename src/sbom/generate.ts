import { randomUUID } from 'node:crypto';
import { catalog } from './catalog.js';
import { apkCataloger } from './catalogers/apk.js';
import type { Cataloger, FileInterest } from './catalogers/cataloger.js';
import { dpkgCataloger } from './catalogers/dpkg.js';
import { goBinaryCataloger } from './catalogers/go-binary.js';
import { javaCataloger } from './catalogers/java.js';
import { npmCataloger } from './catalogers/npm.js';
import { pythonCataloger } from './catalogers/python.js';
import { rpmCataloger } from './catalogers/rpm.js';
import { rustCataloger } from './catalogers/rust.js';
import { toCycloneDxDocument } from './cyclonedx.js';
import type { DocumentOptions } from './document-options.js';
import type { ImageSource } from './image-source.js';
import type { LayerLimits } from './layer-stream.js';
import { osReleaseInterest } from './os-release.js';
import type { Package } from './package.js';
import type { SbomFormat } from './predicate-types.js';
import { scanImage } from './scan-image.js';
import { toSpdxDocument } from './spdx.js';

export interface GenerateOptions {
  format: SbomFormat;
  /** creationInfo.created / metadata.timestamp; now by default */
  created?: Date;
  limits?: Partial<LayerLimits>;
  toolVersion?: string;
}

export interface GeneratedSbom {
  document: object;
  packages: Package[];
  warnings: string[];
}

export const DEFAULT_LIMITS: LayerLimits = {
  maxLayerBytes: 4 * 1024 ** 3,
  maxUncompressedLayerBytes: 16 * 1024 ** 3,
};

const CATALOGERS = [
  dpkgCataloger,
  apkCataloger,
  rpmCataloger,
  pythonCataloger,
  npmCataloger,
  javaCataloger,
  goBinaryCataloger,
  rustCataloger,
] as Cataloger<unknown>[];
const INTERESTS: FileInterest<unknown>[] = [osReleaseInterest as FileInterest<unknown>, ...CATALOGERS];

/**
 * The SBOM of one platform image, read from its layers in one streaming pass. Fails with an
 * SbomError naming the layer when a layer is corrupt, truncated or over a limit.
 */
export async function generateSbom(source: ImageSource, options: GenerateOptions): Promise<GeneratedSbom> {
  const limits: LayerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { tree, warnings } = await scanImage(source, INTERESTS, limits);
  const { packages, os } = catalog(tree, CATALOGERS, warnings);
  const documentOptions: DocumentOptions = {
    created: options.created ?? new Date(),
    uniqueId: randomUUID(),
    toolName: 'image-passport',
    toolVersion: options.toolVersion,
  };
  const document =
    options.format === 'spdx-json'
      ? toSpdxDocument(source, packages, os, documentOptions)
      : toCycloneDxDocument(source, packages, os, documentOptions);
  return { document, packages, warnings };
}
