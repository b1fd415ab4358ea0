import type { Package } from '../package.js';
import { formatPurl } from '../purl.js';
import type { Cataloger } from './cataloger.js';
import { scanElfBuildInfo, type GoBuildInfo } from './elf-buildinfo.js';

interface GoModule {
  path: string;
  version: string;
}

interface GoBinaryRecord {
  goVersion: string;
  main?: GoModule;
  deps: GoModule[];
}

const MIN_ELF_BYTES = 64;

/** `mod`, `dep` and `=>` lines of Go's module info; a `=>` line replaces the module just before it. */
export function parseModinfo(info: GoBuildInfo): GoBinaryRecord {
  const record: GoBinaryRecord = { goVersion: info.goVersion, deps: [] };
  let last: GoModule | undefined;
  for (const line of info.modinfo.split('\n')) {
    const [kind, path, version] = line.split('\t');
    if (!path) continue;
    if (kind === 'mod') {
      last = { path, version: version || '(devel)' };
      record.main = last;
    } else if (kind === 'dep') {
      last = { path, version: version ?? '' };
      record.deps.push(last);
    } else if (kind === '=>' && last) {
      last.path = path;
      if (version) last.version = version;
    }
  }
  return record;
}

function golangPurl(modulePath: string, version: string): string {
  const slash = modulePath.lastIndexOf('/');
  return formatPurl({
    type: 'golang',
    namespace: slash > 0 ? modulePath.slice(0, slash) : undefined,
    name: slash > 0 ? modulePath.slice(slash + 1) : modulePath,
    version,
  });
}

export const goBinaryCataloger: Cataloger<GoBinaryRecord> = {
  id: 'go-binary',
  capture(file) {
    if ((file.mode & 0o111) === 0 || file.size < MIN_ELF_BYTES) return undefined;
    return {
      kind: 'scan',
      async scan(stream) {
        const result = await scanElfBuildInfo(stream);
        if ('found' in result) return parseModinfo(result.found);
        if ('unsupported' in result) throw new Error(result.unsupported);
        return undefined;
      },
    };
  },
  packages(found) {
    const packages: Package[] = [];
    for (const { path, layerDigest, record } of found) {
      const modules = record.main ? [record.main, ...record.deps] : record.deps;
      for (const module of modules) {
        packages.push({
          name: module.path,
          version: module.version,
          type: 'go-module',
          purl: golangPurl(module.path, module.version),
          layerDigest,
          path,
        });
      }
      // The standard library is compiled in as well; Syft reports it as "stdlib" for vulnerability matching.
      const stdlibVersion = record.goVersion.replace(/^go/, '');
      packages.push({
        name: 'stdlib',
        version: record.goVersion,
        type: 'go-module',
        purl: formatPurl({ type: 'golang', name: 'stdlib', version: stdlibVersion }),
        licenses: 'BSD-3-Clause',
        layerDigest,
        path,
      });
    }
    return packages;
  },
};
