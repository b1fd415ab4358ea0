import { allOf, toSpdxExpression, toSpdxLicenseId } from '../license-expression.js';
import type { Package } from '../package.js';
import { distroQualifier, formatPurl } from '../purl.js';
import type { Cataloger } from './cataloger.js';

interface ApkEntry {
  name: string;
  version: string;
  architecture?: string;
  origin?: string;
  license?: string;
}

const INSTALLED = '/lib/apk/db/installed';

/** apk's installed database: blank-line separated records of `X:value` lines. */
export function parseApkDatabase(text: string): ApkEntry[] {
  const entries: ApkEntry[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const match = /^([A-Za-z]):(.*)$/.exec(line);
      if (match && !fields.has(match[1] as string)) fields.set(match[1] as string, (match[2] as string).trim());
    }
    const name = fields.get('P');
    const version = fields.get('V');
    if (!name || !version) continue;
    entries.push({ name, version, architecture: fields.get('A'), origin: fields.get('o'), license: fields.get('L') });
  }
  return entries;
}

// Alpine writes either an SPDX expression or a space-separated list of ids that all apply.
function apkLicense(text: string | undefined): string | undefined {
  const expression = toSpdxExpression(text);
  if (expression || !text) return expression;
  const ids = text.split(/\s+/).map(toSpdxLicenseId);
  return ids.every((id) => id !== undefined) ? allOf(ids as string[]) : undefined;
}

export const apkCataloger: Cataloger<ApkEntry[]> = {
  id: 'apk',
  capture(file) {
    if (file.path !== INSTALLED) return undefined;
    return { kind: 'whole', maxBytes: 64 * 1024 * 1024, parse: (content) => parseApkDatabase(content.toString('utf8')) };
  },
  packages(found, context) {
    const packages: Package[] = [];
    for (const { path, layerDigest, record } of found) {
      for (const entry of record) {
        packages.push({
          name: entry.name,
          version: entry.version,
          type: 'apk',
          purl: formatPurl({
            type: 'apk',
            namespace: context.os?.id ?? 'alpine',
            name: entry.name,
            version: entry.version,
            qualifiers: [
              ['arch', entry.architecture],
              ['upstream', entry.origin && entry.origin !== entry.name ? entry.origin : undefined],
              ['distro', distroQualifier(context.os)],
            ],
          }),
          licenses: apkLicense(entry.license),
          layerDigest,
          path,
        });
      }
    }
    return packages;
  },
};
