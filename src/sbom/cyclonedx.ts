import type { DocumentOptions } from './document-options.js';
import { digestHex, imagePurl, platformText } from './image-identity.js';
import type { ImageSource } from './image-source.js';
import type { OperatingSystem, Package } from './package.js';

const HASH_ALGORITHMS: Record<string, string> = { sha256: 'SHA-256', sha512: 'SHA-512' };

function property(name: string, value: string | undefined): { name: string; value: string }[] {
  return value ? [{ name: `image-passport:${name}`, value }] : [];
}

/** CycloneDX 1.6 JSON whose metadata.component is the image, a container identified by its digest. */
export function toCycloneDxDocument(
  source: ImageSource,
  packages: readonly Package[],
  os: OperatingSystem | undefined,
  options: DocumentOptions,
): object {
  const digest = digestHex(source.manifestDigest);
  const hashAlgorithm = HASH_ALGORITHMS[digest.algorithm];
  const image = {
    'bom-ref': imagePurl(source),
    type: 'container',
    name: source.name,
    version: source.manifestDigest,
    ...(hashAlgorithm ? { hashes: [{ alg: hashAlgorithm, content: digest.hex }] } : {}),
    purl: imagePurl(source),
    properties: [
      ...property('oci:manifest-digest', source.manifestDigest),
      ...property('oci:index-digest', source.indexDigest),
      ...property('oci:platform', platformText(source)),
    ],
  };
  const osComponent = os && {
    'bom-ref': `os:${os.id}@${os.versionId ?? ''}`,
    type: 'operating-system',
    name: os.id,
    ...(os.versionId ? { version: os.versionId } : {}),
    ...(os.prettyName ? { description: os.prettyName } : {}),
  };
  const components = packages.map((pkg) => ({
    'bom-ref': pkg.purl,
    type: 'library',
    name: pkg.name,
    version: pkg.version,
    ...(pkg.licenses ? { licenses: [{ expression: pkg.licenses }] } : {}),
    purl: pkg.purl,
    properties: [
      ...property('package:type', pkg.type),
      ...property('location:layer-digest', pkg.layerDigest),
      ...property('location:path', pkg.path),
    ],
  }));
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${options.uniqueId}`,
    version: 1,
    metadata: {
      timestamp: `${options.created.toISOString().slice(0, 19)}Z`,
      tools: {
        components: [
          { type: 'application', name: options.toolName, ...(options.toolVersion ? { version: options.toolVersion } : {}) },
        ],
      },
      component: image,
    },
    components: [...(osComponent ? [osComponent] : []), ...components],
  };
}
