import type { Readable } from 'node:stream';
import { drain } from '../layer-stream.js';
import { toSpdxExpression } from '../license-expression.js';
import type { Package } from '../package.js';
import { distroQualifier, formatPurl } from '../purl.js';
import type { Cataloger } from './cataloger.js';
import { parseRpmHeader, RPM_TAG } from './rpm-header.js';
import { readSqliteTable } from './sqlite-table.js';

interface RpmEntry {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  license?: string;
  sourceRpm?: string;
}

type RpmRecord =
  | { kind: 'database'; entries: RpmEntry[] }
  | { kind: 'unsupported'; format: string }
  | { kind: 'write-ahead-log' };

const DATABASE_DIRS = ['/var/lib/rpm', '/usr/lib/sysimage/rpm'];
const SQLITE_DATABASES = DATABASE_DIRS.map((dir) => `${dir}/rpmdb.sqlite`);
const WRITE_AHEAD_LOGS = DATABASE_DIRS.map((dir) => `${dir}/rpmdb.sqlite-wal`);
// Older and other rpm builds keep the database in Berkeley DB (`Packages`) or rpm's own NDB (`Packages.db`).
const OTHER_DATABASES = new Map(
  DATABASE_DIRS.flatMap((dir): [string, string][] => [
    [`${dir}/Packages`, 'Berkeley DB'],
    [`${dir}/Packages.db`, 'NDB'],
  ]),
);
const MAX_DATABASE_BYTES = 128 * 1024 * 1024;
const WANTED_TAGS = Object.values(RPM_TAG);

/** The installed packages of an rpm database in SQLite format: one header blob per row of `Packages`. */
export function parseRpmDatabase(bytes: Buffer): RpmEntry[] {
  const entries: RpmEntry[] = [];
  for (const row of readSqliteTable(bytes, 'Packages')) {
    const blob = row.values[1];
    if (!Buffer.isBuffer(blob)) continue;
    const tags = parseRpmHeader(blob, WANTED_TAGS);
    const text = (tag: number): string | undefined => {
      const value = tags.get(tag);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const name = text(RPM_TAG.name);
    const version = text(RPM_TAG.version);
    const release = text(RPM_TAG.release);
    if (!name || !version || !release) continue;
    const epoch = tags.get(RPM_TAG.epoch);
    entries.push({
      name,
      version,
      release,
      epoch: typeof epoch === 'number' ? epoch : undefined,
      arch: text(RPM_TAG.arch),
      license: text(RPM_TAG.license),
      sourceRpm: text(RPM_TAG.sourceRpm),
    });
  }
  return entries;
}

/** A file whose presence is all that matters: its bytes are skipped. */
async function drainToRecord(stream: Readable, record: RpmRecord): Promise<RpmRecord> {
  await drain(stream);
  return record;
}

export const rpmCataloger: Cataloger<RpmRecord> = {
  id: 'rpm',
  capture(file) {
    if (SQLITE_DATABASES.includes(file.path)) {
      return { kind: 'whole', maxBytes: MAX_DATABASE_BYTES, parse: (content) => ({ kind: 'database', entries: parseRpmDatabase(content) }) };
    }
    if (WRITE_AHEAD_LOGS.includes(file.path) && file.size > 0) {
      return { kind: 'scan', scan: (stream) => drainToRecord(stream, { kind: 'write-ahead-log' }) };
    }
    const format = OTHER_DATABASES.get(file.path);
    if (format) return { kind: 'scan', scan: (stream) => drainToRecord(stream, { kind: 'unsupported', format }) };
    return undefined;
  },
  packages(found, context) {
    const packages: Package[] = [];
    const hasSqlite = found.some(({ record }) => record.kind === 'database');
    for (const { path, layerDigest, record } of found) {
      if (record.kind === 'write-ahead-log') {
        context.warnings.push(`${path}: the rpm database has changes that were never checkpointed; packages they record are missing`);
      } else if (record.kind === 'unsupported') {
        // A Berkeley DB or NDB file next to an SQLite database is a leftover of a migration.
        if (!hasSqlite) context.warnings.push(`${path}: rpm databases in ${record.format} format are not read; the image's rpm packages are missing`);
      } else {
        for (const entry of record.entries) {
          const versionRelease = `${entry.version}-${entry.release}`;
          packages.push({
            name: entry.name,
            version: entry.epoch !== undefined ? `${entry.epoch}:${versionRelease}` : versionRelease,
            type: 'rpm',
            purl: formatPurl({
              type: 'rpm',
              namespace: context.os?.id,
              name: entry.name,
              version: versionRelease,
              qualifiers: [
                ['arch', entry.arch],
                ['epoch', entry.epoch?.toString()],
                ['upstream', entry.sourceRpm],
                ['distro', distroQualifier(context.os)],
              ],
            }),
            licenses: toSpdxExpression(entry.license),
            layerDigest,
            path,
          });
        }
      }
    }
    return packages;
  },
};
