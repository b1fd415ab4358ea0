import { toSpdxExpression, toSpdxLicenseId } from '../license-expression.js';
import type { Package } from '../package.js';
import { formatPurl } from '../purl.js';
import type { Cataloger } from './cataloger.js';

interface PythonRecord {
  name: string;
  version: string;
  license?: string;
}

const METADATA = /\.dist-info\/METADATA$|\.egg-info\/PKG-INFO$|\.egg-info$/;

/** The header block of a core-metadata file (METADATA, PKG-INFO): email-style `Key: value` lines. */
export function parsePythonMetadata(text: string): PythonRecord | undefined {
  const fields = new Map<string, string>();
  let lastKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (lastKey) fields.set(lastKey, `${fields.get(lastKey) ?? ''}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    lastKey = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(lastKey)) fields.set(lastKey, line.slice(colon + 1).trim());
  }
  const name = fields.get('name');
  const version = fields.get('version');
  if (!name || !version) return undefined;
  const declared = fields.get('license-expression');
  const legacy = fields.get('license');
  const license =
    toSpdxExpression(declared) ??
    (legacy && !legacy.includes('\n') ? (toSpdxLicenseId(legacy) ?? toSpdxExpression(legacy)) : undefined);
  return { name, version, license };
}

/** PyPI names are case-insensitive with runs of "-", "_" and "." equivalent; the purl spec writes them lower-case with "-". */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export const pythonCataloger: Cataloger<PythonRecord> = {
  id: 'python',
  capture(file) {
    if (!METADATA.test(file.path)) return undefined;
    return { kind: 'whole', maxBytes: 4 * 1024 * 1024, parse: (content) => parsePythonMetadata(content.toString('utf8')) };
  },
  packages(found) {
    return found.map(({ path, layerDigest, record }): Package => ({
      name: record.name,
      version: record.version,
      type: 'python',
      purl: formatPurl({ type: 'pypi', name: normalizePythonName(record.name), version: record.version }),
      licenses: record.license,
      layerDigest,
      path,
    }));
  },
};
