import { anyOf, toSpdxExpression } from '../license-expression.js';
import type { Package } from '../package.js';
import { formatPurl } from '../purl.js';
import type { Cataloger } from './cataloger.js';

interface NpmRecord {
  name: string;
  version: string;
  license?: string;
}

// The package.json at the root of an installed package: node_modules/<name>/ or node_modules/@scope/<name>/.
const INSTALLED_PACKAGE_JSON = /(^|\/)node_modules\/(@[^/.][^/]*\/)?[^/.@][^/]*\/package\.json$/;

function licenseOf(manifest: Record<string, unknown>): string | undefined {
  const { license, licenses } = manifest;
  if (typeof license === 'string') return toSpdxExpression(license);
  if (license && typeof license === 'object' && typeof (license as { type?: unknown }).type === 'string') {
    return toSpdxExpression((license as { type: string }).type);
  }
  if (Array.isArray(licenses)) {
    const ids = licenses.map((entry) =>
      typeof (entry as { type?: unknown })?.type === 'string' ? toSpdxExpression((entry as { type: string }).type) : undefined,
    );
    // The legacy `licenses` array lists alternatives the user may choose from.
    if (ids.every((id) => id !== undefined)) return anyOf(ids as string[]);
  }
  return undefined;
}

export function parseInstalledPackageJson(text: string): NpmRecord | undefined {
  const manifest: unknown = JSON.parse(text);
  if (!manifest || typeof manifest !== 'object') return undefined;
  const { name, version } = manifest as Record<string, unknown>;
  if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '') return undefined;
  return { name, version, license: licenseOf(manifest as Record<string, unknown>) };
}

export const npmCataloger: Cataloger<NpmRecord> = {
  id: 'npm',
  capture(file) {
    if (!INSTALLED_PACKAGE_JSON.test(file.path)) return undefined;
    return {
      kind: 'whole',
      maxBytes: 4 * 1024 * 1024,
      parse: (content) => parseInstalledPackageJson(content.toString('utf8')),
    };
  },
  packages(found) {
    return found.map(({ path, layerDigest, record }): Package => {
      const scoped = /^(@[^/]+)\/(.+)$/.exec(record.name);
      return {
        name: record.name,
        version: record.version,
        type: 'npm',
        purl: formatPurl({
          type: 'npm',
          namespace: scoped?.[1],
          name: scoped ? (scoped[2] as string) : record.name,
          version: record.version,
        }),
        licenses: record.license,
        layerDigest,
        path,
      };
    });
  },
};
