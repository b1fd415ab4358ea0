import { allOf, toSpdxExpression } from '../license-expression.js';
import type { Package } from '../package.js';
import { distroQualifier, formatPurl } from '../purl.js';
import type { CatalogContext, Cataloger, FoundRecord } from './cataloger.js';
import { parseStanzas } from './control-file.js';

interface DpkgEntry {
  name: string;
  version: string;
  architecture?: string;
  source?: string;
  sourceVersion?: string;
}

type DpkgRecord = { kind: 'database'; entries: DpkgEntry[] } | { kind: 'copyright'; license: string };

const STATUS = '/var/lib/dpkg/status';
const STATUS_DIR_FILE = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;
const DOC_DIR = /^\/usr\/share\/doc\/[^/]+$/;
const COPYRIGHT = /^\/usr\/share\/doc\/[^/]+\/copyright$/;

// Packages whose status says nothing of theirs is left on disk (purged, or only conffiles remain).
const ABSENT_STATES = new Set(['not-installed', 'config-files']);

export function parseDpkgDatabase(text: string): DpkgEntry[] {
  const entries: DpkgEntry[] = [];
  for (const stanza of parseStanzas(text)) {
    const name = stanza.get('package');
    const version = stanza.get('version');
    if (!name || !version) continue;
    const state = stanza.get('status')?.split(/\s+/)[2];
    if (state && ABSENT_STATES.has(state)) continue;
    const source = /^(\S+)(?:\s+\((\S+)\))?/.exec(stanza.get('source') ?? '');
    entries.push({
      name,
      version,
      architecture: stanza.get('architecture'),
      source: source?.[1],
      sourceVersion: source?.[2],
    });
  }
  return entries;
}

// DEP-5 short names that grant without conditions; they add nothing to the package's expression.
const UNCONDITIONAL = new Set(['public-domain', 'public domain', 'pd']);

/**
 * The licence of a machine-readable (DEP-5) copyright file: every Files paragraph's licence, joined
 * with AND. Undefined when the file is free-form or any licence has no SPDX id.
 */
export function parseDep5License(text: string): string | undefined {
  const [header, ...rest] = parseStanzas(text);
  if (!header || !/copyright-format/i.test(header.get('format') ?? '')) return undefined;
  const expressions: string[] = [];
  for (const paragraph of [header, ...rest.filter((stanza) => stanza.has('files'))]) {
    const name = paragraph.get('license')?.split('\n')[0]?.trim();
    if (!name || UNCONDITIONAL.has(name.toLowerCase())) continue;
    const expression = toSpdxExpression(name);
    if (!expression) return undefined;
    expressions.push(expression);
  }
  return allOf(expressions);
}

function debPackages(found: FoundRecord<DpkgRecord>[], context: CatalogContext): Package[] {
  const packages: Package[] = [];
  for (const { path, layerDigest, record } of found) {
    if (record.kind !== 'database') continue;
    for (const entry of record.entries) {
      const upstream =
        entry.source && entry.source !== entry.name
          ? entry.sourceVersion ? `${entry.source}@${entry.sourceVersion}` : entry.source
          : undefined;
      const copyright = context.lookup(`/usr/share/doc/${entry.name}/copyright`)?.record as DpkgRecord | undefined;
      packages.push({
        name: entry.name,
        version: entry.version,
        type: 'deb',
        purl: formatPurl({
          type: 'deb',
          namespace: context.os?.id ?? 'debian',
          name: entry.name,
          version: entry.version,
          qualifiers: [
            ['arch', entry.architecture],
            ['upstream', upstream],
            ['distro', distroQualifier(context.os)],
          ],
        }),
        licenses: copyright?.kind === 'copyright' ? copyright.license : undefined,
        layerDigest,
        path,
      });
    }
  }
  return packages;
}

export const dpkgCataloger: Cataloger<DpkgRecord> = {
  id: 'dpkg',
  capture(file) {
    const parseDatabase = (content: Buffer): DpkgRecord => ({
      kind: 'database',
      entries: parseDpkgDatabase(content.toString('utf8')),
    });
    if (file.path === STATUS) return { kind: 'whole', maxBytes: 64 * 1024 * 1024, parse: parseDatabase };
    if (STATUS_DIR_FILE.test(file.path) && !file.path.endsWith('.md5sums')) {
      return { kind: 'whole', maxBytes: 1024 * 1024, parse: parseDatabase };
    }
    if (COPYRIGHT.test(file.path)) {
      return {
        kind: 'whole',
        maxBytes: 1024 * 1024,
        parse: (content) => {
          const license = parseDep5License(content.toString('utf8'));
          return license ? { kind: 'copyright', license } : undefined;
        },
      };
    }
    return undefined;
  },
  wantsLink: (path) => DOC_DIR.test(path) || COPYRIGHT.test(path),
  packages: debPackages,
};
