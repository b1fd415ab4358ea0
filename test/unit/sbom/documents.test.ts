import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import type { ImageSource } from '../../../src/sbom/image-source.js';
import { gzipLayer, imageOf, npmProject, repoRoot, sha256, tarOfDirectory } from './fixtures.js';

const CYCLONEDX_SCHEMAS = path.join(repoRoot, 'node_modules/@cyclonedx/cyclonedx-library/res/schema');
const SPDX_SCHEMA = path.join(repoRoot, 'test/fixtures/schemas/spdx-2.3.schema.json');

function loadJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // JSON Schema formats ajv-formats does not implement; the CycloneDX schema uses them for URLs and emails.
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  return ajv;
}

function cycloneDxValidator(): ValidateFunction {
  const ajv = newAjv();
  // bom-1.6 refers to its siblings by their SNAPSHOT file names, relative to its own $id.
  for (const name of ['spdx', 'jsf-0.82', 'cryptography-defs']) {
    const schema = loadJson(path.join(CYCLONEDX_SCHEMAS, `${name}.SNAPSHOT.schema.json`));
    ajv.addSchema({ ...schema, $id: `http://cyclonedx.org/schema/${name}.SNAPSHOT.schema.json` });
  }
  return ajv.compile(loadJson(path.join(CYCLONEDX_SCHEMAS, 'bom-1.6.SNAPSHOT.schema.json')));
}

function spdxValidator(): ValidateFunction {
  return newAjv().compile(loadJson(SPDX_SCHEMA));
}

const INDEX_DIGEST = sha256(Buffer.from('index'));

describe('SBOM documents of a Debian image with npm packages', () => {
  let image: ImageSource;
  let spdx: GeneratedSbom;
  let cyclonedx: GeneratedSbom;
  const created = new Date('2025-01-02T03:04:05.678Z');

  beforeAll(async () => {
    const osLayer = gzipLayer(tarOfDirectory('/', ['var/lib/dpkg/status', 'usr/lib/os-release', 'etc/os-release', 'usr/share/doc/zlib1g/copyright']));
    const appLayer = gzipLayer(tarOfDirectory(npmProject(), ['.'], ['--transform', 's,^\\.,app,']));
    image = imageOf([osLayer, appLayer], { indexDigest: INDEX_DIGEST });
    spdx = await generateSbom(image, { format: 'spdx-json', created });
    cyclonedx = await generateSbom(image, { format: 'cyclonedx-json', created });
  }, 180_000);

  it('SPDX output is valid against the official SPDX 2.3 JSON schema', () => {
    const validate = spdxValidator();
    expect(validate(spdx.document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('CycloneDX output is valid against the official CycloneDX 1.6 JSON schema', () => {
    const validate = cycloneDxValidator();
    expect(validate(cyclonedx.document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('the schemas do reject a broken document', () => {
    const broken = { ...(spdx.document as Record<string, unknown>), spdxVersion: 7 };
    expect(spdxValidator()(broken)).toBe(false);
    const brokenBom = { ...(cyclonedx.document as Record<string, unknown>), components: [{ type: 'nonsense' }] };
    expect(cycloneDxValidator()(brokenBom)).toBe(false);
  });

  it('SPDX describes the image by its platform manifest digest and contains every package', () => {
    const document = spdx.document as {
      packages: { SPDXID: string; name: string; checksums?: { algorithm: string; checksumValue: string }[]; externalRefs?: { referenceLocator: string }[]; annotations?: { comment: string }[] }[];
      relationships: { spdxElementId: string; relatedSpdxElement: string; relationshipType: string }[];
      creationInfo: { created: string };
    };
    const described = document.relationships.filter((rel) => rel.relationshipType === 'DESCRIBES');
    expect(described).toHaveLength(1);
    const root = document.packages.find((pkg) => pkg.SPDXID === described[0]?.relatedSpdxElement);
    expect(root?.name).toBe('127.0.0.1:5000/lab/app');
    expect(root?.checksums).toEqual([{ algorithm: 'SHA256', checksumValue: image.manifestDigest.slice('sha256:'.length) }]);
    expect(root?.externalRefs?.[0]?.referenceLocator).toBe(
      `pkg:oci/app@sha256%3A${image.manifestDigest.slice(7)}?repository_url=127.0.0.1:5000/lab/app`,
    );
    expect(root?.annotations?.map((note) => note.comment)).toEqual([`oci-index-digest=${INDEX_DIGEST}`, 'oci-platform=linux/amd64']);
    const contained = new Set(document.relationships.filter((rel) => rel.relationshipType === 'CONTAINS').map((rel) => rel.relatedSpdxElement));
    const purls = document.packages.filter((pkg) => contained.has(pkg.SPDXID)).flatMap((pkg) => pkg.externalRefs ?? []).map((ref) => ref.referenceLocator);
    expect(new Set(purls)).toEqual(new Set(spdx.packages.map((pkg) => pkg.purl)));
    expect(document.creationInfo.created).toBe('2025-01-02T03:04:05Z');
    const zlib = document.packages.find((pkg) => pkg.name === 'zlib1g') as { licenseDeclared?: string } | undefined;
    expect(zlib?.licenseDeclared).toBe('Zlib');
  });

  it('CycloneDX describes the image as a container component with its digest', () => {
    const document = cyclonedx.document as {
      metadata: { component: { type: string; name: string; version: string; hashes: { alg: string; content: string }[]; purl: string; properties: { name: string; value: string }[] } };
      components: { type: string; purl?: string; name: string }[];
    };
    const component = document.metadata.component;
    expect(component.type).toBe('container');
    expect(component.version).toBe(image.manifestDigest);
    expect(component.hashes).toEqual([{ alg: 'SHA-256', content: image.manifestDigest.slice(7) }]);
    expect(component.properties).toContainEqual({ name: 'image-passport:oci:index-digest', value: INDEX_DIGEST });
    expect(document.components.find((entry) => entry.type === 'operating-system')?.name).toBe('debian');
    const purls = document.components.filter((entry) => entry.type === 'library').map((entry) => entry.purl);
    expect(purls).toEqual(cyclonedx.packages.map((pkg) => pkg.purl));
  });

  it('is byte-for-byte the same on a second run, apart from the namespace and serial number', async () => {
    for (const format of ['spdx-json', 'cyclonedx-json'] as const) {
      const first = await generateSbom(image, { format, created: new Date('2025-01-01T00:00:00Z') });
      const second = await generateSbom(image, { format, created: new Date('2026-06-06T00:00:00Z') });
      const normalise = (document: object) =>
        JSON.stringify(document)
          .replace(/"documentNamespace":"[^"]+"/, '')
          .replace(/"serialNumber":"[^"]+"/, '')
          .replace(/20(25-01-01|26-06-06)T00:00:00Z/g, 'CREATED');
      expect(normalise(second.document)).toBe(normalise(first.document));
      expect(JSON.stringify(second.document)).not.toBe(JSON.stringify(first.document));
    }
  });
});
