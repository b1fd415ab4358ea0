import { describe, expect, it } from 'vitest';
import { detectSbomFormat } from '../../../src/sbom/detect-format.js';
import { CYCLONEDX_PREDICATE_TYPE, SPDX_PREDICATE_TYPE, predicateTypeFor } from '../../../src/sbom/predicate-types.js';

describe('SBOM format detection for sbom: <path>', () => {
  it('recognises SPDX 2 and CycloneDX JSON', () => {
    expect(detectSbomFormat({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT' })).toBe('spdx-json');
    expect(detectSbomFormat({ bomFormat: 'CycloneDX', specVersion: '1.5' })).toBe('cyclonedx-json');
  });

  it('names the file and the fix when the JSON is neither', () => {
    expect(() => detectSbomFormat({ name: 'x' }, 'sbom.json')).toThrow(
      'sbom.json is neither SPDX 2 JSON (no "spdxVersion") nor CycloneDX JSON (no "bomFormat": "CycloneDX"): pass an SPDX or CycloneDX JSON file',
    );
    expect(() => detectSbomFormat([], 'list.json')).toThrow(/list\.json is neither/);
    expect(() => detectSbomFormat({ spdxVersion: 'SPDX-3.0' }, 'new.json')).toThrow(/only SPDX 2\.x JSON is supported/);
    expect(() => detectSbomFormat({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld' }, 'ld.json')).toThrow(/SPDX 3 JSON-LD/);
  });

  it('maps each format to the predicate type actions/attest writes', () => {
    expect(predicateTypeFor('spdx-json')).toBe(SPDX_PREDICATE_TYPE);
    expect(predicateTypeFor('cyclonedx-json')).toBe(CYCLONEDX_PREDICATE_TYPE);
    expect(SPDX_PREDICATE_TYPE).toBe('https://spdx.dev/Document/v2.3');
    expect(CYCLONEDX_PREDICATE_TYPE).toBe('https://cyclonedx.org/bom');
  });
});
