import { describe, expect, it } from 'vitest';
import { AttestError } from '../../../src/attest/errors.js';
import { CYCLONEDX_BOM, SLSA_PROVENANCE_V1, SPDX_DOCUMENT_V2_3 } from '../../../src/attest/predicate-types.js';
import { buildStatement, IN_TOTO_STATEMENT_V1, serializeStatement, subjectFor } from '../../../src/attest/statement.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('in-toto statement', () => {
  it('binds every subject by name and bare sha256 hex under Statement v1', () => {
    const statement = buildStatement([subjectFor('ghcr.io/acme/app', DIGEST), subjectFor('docker.io/acme/app', DIGEST)], SLSA_PROVENANCE_V1, { buildDefinition: {} });
    expect(JSON.parse(serializeStatement(statement).toString('utf8'))).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [
        { name: 'ghcr.io/acme/app', digest: { sha256: 'ab'.repeat(32) } },
        { name: 'docker.io/acme/app', digest: { sha256: 'ab'.repeat(32) } },
      ],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: {} },
    });
    expect(statement._type).toBe(IN_TOTO_STATEMENT_V1);
  });

  it('names predicate types as actions/attest writes them', () => {
    expect([SLSA_PROVENANCE_V1, SPDX_DOCUMENT_V2_3, CYCLONEDX_BOM]).toEqual(['https://slsa.dev/provenance/v1', 'https://spdx.dev/Document/v2.3', 'https://cyclonedx.org/bom']);
  });

  it.each([
    ['a tag instead of a digest', 'latest'],
    ['a sha512 digest', `sha512:${'ab'.repeat(64)}`],
    ['uppercase hex', `sha256:${'AB'.repeat(32)}`],
    ['a short digest', 'sha256:abc'],
  ])('refuses a subject with %s, quoting it', (_what, digest) => {
    expect(() => subjectFor('ghcr.io/acme/app', digest)).toThrow(new AttestError('invalid-input', `subject ghcr.io/acme/app has digest "${digest}": expected sha256: followed by 64 lowercase hex digits`));
  });

  it('refuses a statement without subjects', () => {
    expect(() => buildStatement([], SPDX_DOCUMENT_V2_3, {})).toThrow('a https://spdx.dev/Document/v2.3 statement needs at least one subject');
  });

  it('refuses a predicate that is not a JSON object', () => {
    expect(() => buildStatement([subjectFor('a', DIGEST)], CYCLONEDX_BOM, [] as unknown as object)).toThrow('the https://cyclonedx.org/bom predicate must be a JSON object');
  });

  it('refuses a predicate type that is not a URI', () => {
    expect(() => buildStatement([subjectFor('a', DIGEST)], 'provenance', {})).toThrow('predicate type "provenance" is not a URI');
  });
});
