import { createHash } from 'node:crypto';
import { digestHex, imagePurl, platformText } from './image-identity.js';
import { toolLabel, type DocumentOptions } from './document-options.js';
import type { ImageSource } from './image-source.js';
import type { OperatingSystem, Package } from './package.js';

const NOASSERTION = 'NOASSERTION';

function spdxId(prefix: string, ...parts: string[]): string {
  const readable = parts[0]?.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60) ?? '';
  const hash = createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
  return `SPDXRef-${prefix}-${readable}-${hash}`;
}

export function spdxTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const CHECKSUM_ALGORITHMS: Record<string, string> = { sha256: 'SHA256', sha512: 'SHA512' };

/** SPDX 2.3 JSON whose root package is the image itself, identified by its platform manifest digest. */
export function toSpdxDocument(
  source: ImageSource,
  packages: readonly Package[],
  os: OperatingSystem | undefined,
  options: DocumentOptions,
): object {
  const rootId = spdxId('DocumentRoot-Image', source.name, source.manifestDigest);
  const digest = digestHex(source.manifestDigest);
  const created = spdxTimestamp(options.created);
  const platform = platformText(source);
  const annotations = [
    ...(source.indexDigest ? [`oci-index-digest=${source.indexDigest}`] : []),
    ...(platform ? [`oci-platform=${platform}`] : []),
  ].map((comment) => ({ annotationDate: created, annotationType: 'OTHER', annotator: `Tool: ${toolLabel(options)}`, comment }));
  const root = {
    name: source.name,
    SPDXID: rootId,
    versionInfo: source.manifestDigest,
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    checksums: CHECKSUM_ALGORITHMS[digest.algorithm]
      ? [{ algorithm: CHECKSUM_ALGORITHMS[digest.algorithm], checksumValue: digest.hex }]
      : [],
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: imagePurl(source) }],
    primaryPackagePurpose: 'CONTAINER',
    ...(annotations.length > 0 ? { annotations } : {}),
  };
  const osPackage = os && {
    name: os.id,
    SPDXID: spdxId('OperatingSystem', os.id, os.versionId ?? ''),
    ...(os.versionId ? { versionInfo: os.versionId } : {}),
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    ...(os.prettyName ? { description: os.prettyName } : {}),
    primaryPackagePurpose: 'OPERATING_SYSTEM',
  };
  const contained = packages.map((pkg) => ({
    name: pkg.name,
    SPDXID: spdxId(`Package-${pkg.type}`, pkg.name, pkg.purl, pkg.path),
    versionInfo: pkg.version,
    supplier: NOASSERTION,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    sourceInfo: `acquired package info from ${pkg.path} in layer ${pkg.layerDigest}`,
    licenseConcluded: NOASSERTION,
    licenseDeclared: pkg.licenses ?? NOASSERTION,
    copyrightText: NOASSERTION,
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }],
    primaryPackagePurpose: 'LIBRARY',
  }));
  const children = [...(osPackage ? [osPackage] : []), ...contained];
  const safeName = source.name.replace(/[^A-Za-z0-9.-]+/g, '-');
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${source.name}@${source.manifestDigest}`,
    documentNamespace: `https://spdx.org/spdxdocs/${options.toolName}/${safeName}-${options.uniqueId}`,
    creationInfo: { creators: [`Tool: ${toolLabel(options)}`], created },
    packages: [root, ...children],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: rootId, relationshipType: 'DESCRIBES' },
      ...children.map((child) => ({ spdxElementId: rootId, relatedSpdxElement: child.SPDXID, relationshipType: 'CONTAINS' })),
    ],
  };
}
