import path from 'node:path/posix';
import { describeError } from '../errors.js';
import { toSpdxExpression } from '../license-expression.js';
import type { Package } from '../package.js';
import { formatPurl } from '../purl.js';
import type { Cataloger } from './cataloger.js';
import { listZipEntries, readZipEntry, STORED, type ZipEntry } from './zip-archive.js';

interface JavaArtifact {
  groupId?: string;
  artifactId: string;
  version: string;
  license?: string;
  /** the archive inside the image file it was read from, e.g. BOOT-INF/lib/x.jar; '' for the file itself */
  innerPath: string;
}

interface JavaArchiveRecord {
  artifacts: JavaArtifact[];
  problems: string[];
}

const ARCHIVE = /\.(jar|war|ear|jpi|hpi)$/i;
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const MANIFEST = /^META-INF\/MANIFEST\.MF$/i;
// A file name such as commons-io-2.16.1.jar or spring-core-6.1.5-SNAPSHOT.jar.
const NAME_AND_VERSION = /^(.+?)-(\d[^-]*(?:-[A-Za-z0-9.]+)*)\.[a-z]+$/i;

// Archives are read from memory (a ZIP's directory is at its end), so each one is capped; deflated
// nested archives and metadata files have caps of their own, and the total inflated per image file is bounded.
const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
const MAX_NESTED_BYTES = 32 * 1024 * 1024;
const MAX_METADATA_BYTES = 1024 * 1024;
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
const MAX_DEPTH = 3;

/** The main section of a JAR manifest: `Key: value` lines, a line starting with one space continues the last. */
export function parseManifest(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let lastKey: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') break;
    if (line.startsWith(' ')) {
      if (lastKey) fields.set(lastKey, `${fields.get(lastKey) ?? ''}${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    lastKey = line.slice(0, colon).trim().toLowerCase();
    fields.set(lastKey, line.slice(colon + 1).trim());
  }
  return fields;
}

/** A `.properties` file as Maven writes pom.properties: `key=value` lines and `#` comments. */
export function parseProperties(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match) fields.set(match[1] as string, match[2] as string);
  }
  return fields;
}

const LICENSE_URLS: Record<string, string> = {
  'apache.org/licenses/license-2.0': 'Apache-2.0',
  'opensource.org/licenses/mit': 'MIT',
  'opensource.org/licenses/mit-license': 'MIT',
  'opensource.org/licenses/apache-2.0': 'Apache-2.0',
  'eclipse.org/legal/epl-2.0': 'EPL-2.0',
  'eclipse.org/legal/epl-v20': 'EPL-2.0',
  'eclipse.org/legal/epl-v10': 'EPL-1.0',
};

/** OSGi's Bundle-License: an SPDX id or a licence URL, with optional `;link=` parameters. */
function bundleLicense(field: string | undefined): string | undefined {
  if (!field || field.includes(',')) return undefined;
  const value = (field.split(';')[0] ?? '').trim().replace(/^"|"$/g, '');
  const url = /^https?:\/\/(?:www\.)?(.+?)(?:\.txt|\.html|\.php)?\/?$/i.exec(value)?.[1]?.toLowerCase();
  if (url) return LICENSE_URLS[url];
  return toSpdxExpression(value);
}

/** Bundle-SymbolicName "com.google.gson" with artifact "gson" gives the group "com.google". */
function groupFromManifest(manifest: Map<string, string>, artifactId: string): string | undefined {
  const vendorId = manifest.get('implementation-vendor-id');
  if (vendorId) return vendorId;
  const symbolic = (manifest.get('bundle-symbolicname') ?? manifest.get('automatic-module-name'))?.split(';')[0]?.trim();
  if (!symbolic) return undefined;
  const suffix = `.${artifactId.replace(/-/g, '.')}`;
  if (symbolic.endsWith(suffix) && symbolic.length > suffix.length) return symbolic.slice(0, -suffix.length);
  return undefined;
}

/**
 * The archive's own identity when it carries no pom.properties: the name from the file name, as
 * Syft takes it (a manifest title such as "Java Runtime Environment" is prose, not an artifact id),
 * the version from the manifest, then from the file name.
 */
function manifestArtifact(manifest: Map<string, string>, fileName: string, innerPath: string): JavaArtifact | undefined {
  const fromName = NAME_AND_VERSION.exec(fileName);
  const artifactId = fromName?.[1] ?? fileName.replace(ARCHIVE, '');
  const version = manifest.get('implementation-version') ?? manifest.get('bundle-version') ?? fromName?.[2];
  if (!artifactId || !version) return undefined;
  return {
    groupId: groupFromManifest(manifest, artifactId),
    artifactId,
    version,
    license: bundleLicense(manifest.get('bundle-license')),
    innerPath,
  };
}

interface Budget {
  inflated: number;
}

/** Stored entries cost no memory (they are views of the archive); inflated ones count against the budget. */
function readCapped(zip: Buffer, entry: ZipEntry, cap: number, budget: Budget): Buffer {
  const left = MAX_INFLATED_BYTES - budget.inflated;
  if (left <= 0) throw new Error(`${entry.name} was not read: the archive inflates past ${MAX_INFLATED_BYTES} bytes in all`);
  const bytes = readZipEntry(zip, entry, Math.min(cap, left));
  if (entry.method !== STORED) budget.inflated += bytes.length;
  return bytes;
}

function readArchive(zip: Buffer, innerPath: string, fileName: string, depth: number, budget: Budget, record: JavaArchiveRecord): void {
  const where = innerPath === '' ? '' : `${innerPath}: `;
  const entries = listZipEntries(zip);
  const fromPoms: JavaArtifact[] = [];
  let manifest = new Map<string, string>();
  const nested: ZipEntry[] = [];
  for (const entry of entries) {
    try {
      if (POM_PROPERTIES.test(entry.name)) {
        const properties = parseProperties(readCapped(zip, entry, MAX_METADATA_BYTES, budget).toString('utf8'));
        const groupId = properties.get('groupId');
        const artifactId = properties.get('artifactId');
        const version = properties.get('version');
        if (artifactId && version) fromPoms.push({ groupId, artifactId, version, innerPath });
      } else if (MANIFEST.test(entry.name)) {
        manifest = parseManifest(readCapped(zip, entry, MAX_METADATA_BYTES, budget).toString('utf8'));
      } else if (ARCHIVE.test(entry.name) && !entry.name.endsWith('/')) {
        nested.push(entry);
      }
    } catch (error) {
      record.problems.push(`${where}${describeError(error)}`);
    }
  }
  if (fromPoms.length === 1) (fromPoms[0] as JavaArtifact).license = bundleLicense(manifest.get('bundle-license'));
  const own = fromPoms.length > 0 ? fromPoms : [manifestArtifact(manifest, fileName, innerPath)].filter((a) => a !== undefined);
  record.artifacts.push(...own);
  if (nested.length > 0 && depth >= MAX_DEPTH) {
    record.problems.push(`${where}archives nested deeper than ${MAX_DEPTH} levels were not read`);
    return;
  }
  for (const entry of nested) {
    const nestedPath = innerPath === '' ? entry.name : `${innerPath}:${entry.name}`;
    try {
      const bytes = readCapped(zip, entry, MAX_NESTED_BYTES, budget);
      readArchive(bytes, nestedPath, path.basename(entry.name), depth + 1, budget, record);
    } catch (error) {
      record.problems.push(`${nestedPath}: ${describeError(error)}`);
    }
  }
}

/** The Maven artifacts a Java archive holds: its own, the ones shaded into it and those of nested archives. */
export function parseJavaArchive(zip: Buffer, filePath: string): JavaArchiveRecord {
  const record: JavaArchiveRecord = { artifacts: [], problems: [] };
  readArchive(zip, '', path.basename(filePath), 1, { inflated: 0 }, record);
  return record;
}

function mavenPurl(artifact: JavaArtifact): string {
  return formatPurl({ type: 'maven', namespace: artifact.groupId, name: artifact.artifactId, version: artifact.version });
}

export const javaCataloger: Cataloger<JavaArchiveRecord> = {
  id: 'java',
  capture(file) {
    if (!ARCHIVE.test(file.path)) return undefined;
    return { kind: 'whole', maxBytes: MAX_ARCHIVE_BYTES, parse: parseJavaArchive };
  },
  packages(found, context) {
    const packages: Package[] = [];
    for (const { path: filePath, layerDigest, record } of found) {
      for (const problem of record.problems) context.warnings.push(`${filePath}: ${problem}`);
      for (const artifact of record.artifacts) {
        packages.push({
          name: artifact.artifactId,
          version: artifact.version,
          type: 'java-archive',
          purl: mavenPurl(artifact),
          licenses: artifact.license,
          layerDigest,
          path: artifact.innerPath === '' ? filePath : `${filePath}:${artifact.innerPath}`,
        });
      }
    }
    return packages;
  },
};
