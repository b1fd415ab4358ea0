import { readFile } from 'node:fs/promises';

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  externalRefs?: { referenceType: string; referenceLocator: string }[];
}

interface SpdxDocument {
  documentDescribes?: string[];
  packages?: SpdxPackage[];
  relationships?: { spdxElementId: string; relatedSpdxElement: string; relationshipType: string }[];
}

/** Packages of one SBOM per ecosystem (purl type), as `namespace/name@version` identities. */
export interface Catalogue {
  total: number;
  byEcosystem: Record<string, Set<string>>;
}

export interface EcosystemComparison {
  ecosystem: string;
  ours: number;
  syft: number;
  shared: number;
  /** A few identities only one tool found, to tell a missing cataloguer from a naming difference. */
  onlyOurs: string[];
  onlySyft: string[];
}

const EXAMPLES = 5;

const NO_PURL = '(no purl)';

/**
 * A package's identity from its purl, without qualifiers or subpath: both tools write the same purl for
 * the same package, while their display names differ (e.g. Python's normalised names).
 */
function identity(purl: string): { ecosystem: string; key: string } | null {
  const match = /^pkg:([^/]+)\/([^?#]+)/.exec(purl);
  if (!match) return null;
  const ecosystem = match[1]!.toLowerCase();
  let key = decodeURIComponent(match[2]!);
  if (ecosystem === 'pypi') key = key.toLowerCase().replace(/[-_.]+/g, '-');
  return { ecosystem, key };
}

export async function readCatalogue(file: string): Promise<Catalogue> {
  const document = JSON.parse(await readFile(file, 'utf8')) as SpdxDocument;
  const roots = new Set([
    ...(document.documentDescribes ?? []),
    ...(document.relationships ?? []).filter((rel) => rel.spdxElementId === 'SPDXRef-DOCUMENT' && rel.relationshipType === 'DESCRIBES').map((rel) => rel.relatedSpdxElement),
  ]);
  const byEcosystem: Record<string, Set<string>> = {};
  let total = 0;
  for (const pkg of document.packages ?? []) {
    if (roots.has(pkg.SPDXID)) continue;
    total += 1;
    const purl = pkg.externalRefs?.find((ref) => ref.referenceType === 'purl')?.referenceLocator;
    const id = purl ? identity(purl) : null;
    const ecosystem = id?.ecosystem ?? NO_PURL;
    (byEcosystem[ecosystem] ??= new Set()).add(id?.key ?? `${pkg.name}@${pkg.versionInfo ?? ''}`);
  }
  return { total, byEcosystem };
}

/** Per ecosystem, how many distinct packages each tool found and how many of them (name and version) both found. */
export function compareCatalogues(ours: Catalogue, syft: Catalogue): EcosystemComparison[] {
  const ecosystems = [...new Set([...Object.keys(ours.byEcosystem), ...Object.keys(syft.byEcosystem)])].sort();
  return ecosystems.map((ecosystem) => {
    const mine = ours.byEcosystem[ecosystem] ?? new Set<string>();
    const theirs = syft.byEcosystem[ecosystem] ?? new Set<string>();
    const onlyOurs = [...mine].filter((key) => !theirs.has(key)).sort();
    const onlySyft = [...theirs].filter((key) => !mine.has(key)).sort();
    return { ecosystem, ours: mine.size, syft: theirs.size, shared: mine.size - onlyOurs.length, onlyOurs: onlyOurs.slice(0, EXAMPLES), onlySyft: onlySyft.slice(0, EXAMPLES) };
  });
}
