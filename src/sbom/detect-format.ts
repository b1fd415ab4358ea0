import { SbomError } from './errors.js';
import type { SbomFormat } from './predicate-types.js';

/**
 * Tells an SPDX 2 JSON document from a CycloneDX JSON one, for `sbom: <path>`. `source` names the
 * file in the error.
 */
export function detectSbomFormat(json: unknown, source = 'the SBOM'): SbomFormat {
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const document = json as Record<string, unknown>;
    if (typeof document.spdxVersion === 'string') {
      if (/^SPDX-2\.\d+$/.test(document.spdxVersion)) return 'spdx-json';
      throw new SbomError(
        `${source} is ${document.spdxVersion}, but only SPDX 2.x JSON is supported: export it as SPDX 2.3 JSON`,
      );
    }
    if (document.bomFormat === 'CycloneDX') return 'cyclonedx-json';
    if (typeof document['@context'] === 'string' && document['@context'].includes('spdx.org/rdf/3')) {
      throw new SbomError(`${source} is SPDX 3 JSON-LD, which is not supported: export it as SPDX 2.3 JSON`);
    }
  }
  throw new SbomError(
    `${source} is neither SPDX 2 JSON (no "spdxVersion") nor CycloneDX JSON (no "bomFormat": "CycloneDX"): pass an SPDX or CycloneDX JSON file`,
  );
}
