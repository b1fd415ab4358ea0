import type { Package } from '../package.js';
import { formatPurl } from '../purl.js';
import { scanCargoAuditData } from './cargo-audit-data.js';
import type { Cataloger } from './cataloger.js';

interface Crate {
  name: string;
  version: string;
}

interface RustBinaryRecord {
  crates: Crate[];
}

const MIN_ELF_BYTES = 64;

/**
 * cargo-auditable's `{"packages":[{name, version, source, kind, dependencies, root}]}`. Build
 * dependencies (kind "build") ran at compile time and are not in the binary, so they are left out.
 */
export function parseCargoAuditData(json: string): RustBinaryRecord {
  const data: unknown = JSON.parse(json);
  const list = (data as { packages?: unknown })?.packages;
  if (!Array.isArray(list)) throw new Error('its cargo-auditable data has no packages list');
  const crates: Crate[] = [];
  for (const entry of list as Record<string, unknown>[]) {
    const { name, version, kind } = entry ?? {};
    if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '') continue;
    if (kind !== undefined && kind !== 'runtime') continue;
    crates.push({ name, version });
  }
  return { crates };
}

export const rustCataloger: Cataloger<RustBinaryRecord> = {
  id: 'rust-binary',
  capture(file) {
    if ((file.mode & 0o111) === 0 || file.size < MIN_ELF_BYTES) return undefined;
    return {
      kind: 'scan',
      async scan(stream) {
        const result = await scanCargoAuditData(stream);
        if ('found' in result) return parseCargoAuditData(result.found);
        if ('unsupported' in result) throw new Error(result.unsupported);
        return undefined;
      },
    };
  },
  packages(found) {
    return found.flatMap(({ path, layerDigest, record }) =>
      record.crates.map((crate): Package => ({
        name: crate.name,
        version: crate.version,
        type: 'rust-crate',
        purl: formatPurl({ type: 'cargo', name: crate.name, version: crate.version }),
        layerDigest,
        path,
      })),
    );
  },
};
