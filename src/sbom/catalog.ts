import type { CatalogContext, Cataloger, FoundRecord } from './catalogers/cataloger.js';
import { OS_RELEASE_PATHS, osReleaseInterest } from './os-release.js';
import type { OperatingSystem, Package } from './package.js';
import type { SquashedTree } from './squash.js';

function osOf(tree: SquashedTree, warnings: string[]): OperatingSystem | undefined {
  for (const path of OS_RELEASE_PATHS) {
    const found = tree.lookup(path);
    if (found && 'refused' in found) warnings.push(`skipped ${path}: ${found.refused}`);
    else if (found?.file.records.has(osReleaseInterest.id)) {
      return found.file.records.get(osReleaseInterest.id) as OperatingSystem;
    }
  }
  return undefined;
}

/**
 * Runs every cataloguer over the squashed files. A package found at several paths (the same
 * purl) is listed once, at the first path in sorted order; the result is sorted by purl.
 */
export function catalog(
  tree: SquashedTree,
  catalogers: readonly Cataloger<unknown>[],
  warnings: string[],
): { packages: Package[]; os?: OperatingSystem } {
  const os = osOf(tree, warnings);
  const files = tree.files();
  const byPurl = new Map<string, Package>();
  for (const cataloger of catalogers) {
    const context: CatalogContext = {
      os,
      warnings,
      lookup(path) {
        const found = tree.lookup(path);
        if (!found) return undefined;
        if ('refused' in found) {
          warnings.push(`skipped ${path}: ${found.refused}`);
          return undefined;
        }
        if (!found.file.records.has(cataloger.id)) return undefined;
        return { path: found.path, layerDigest: found.layerDigest, record: found.file.records.get(cataloger.id) };
      },
    };
    const found: FoundRecord<unknown>[] = files
      .filter((entry) => entry.file.records.has(cataloger.id))
      .map((entry) => ({ path: entry.path, layerDigest: entry.layerDigest, record: entry.file.records.get(cataloger.id) }));
    for (const pkg of cataloger.packages(found, context)) {
      if (!byPurl.has(pkg.purl)) byPurl.set(pkg.purl, pkg);
    }
  }
  const packages = [...byPurl.values()].sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0));
  return { packages, os };
}
