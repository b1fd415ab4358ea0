import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../src/verify/index.js';
import { readVector } from './vectors.js';

const IN_TOTO = 'application/vnd.in-toto+json';

function payload(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

describe('parseStatement', () => {
  it('decodes an in-toto v1 statement (sigstore-conformance statement.json)', () => {
    const statement = parseStatement(IN_TOTO, Buffer.from(readVector('conformance/statement.json')));
    expect(statement.type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(statement.subject[0]!.digest.sha256).toBe('a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf');
  });

  it('decodes an in-toto v0.1 statement (sigstore-js tests statement.json)', () => {
    const statement = parseStatement(IN_TOTO, Buffer.from(readVector('sigstore-js/tests-bundles/statement.json')));
    expect(statement.type).toBe('https://in-toto.io/Statement/v0.1');
    expect(statement.subject[0]).toMatchObject({ name: 'pkg:npm/sigstore@1.0.0' });
  });

  it('lowercases digest algorithms and hex so they compare with image digests', () => {
    const statement = parseStatement(IN_TOTO, payload({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: { SHA256: 'ABCD' } }], predicateType: 'p' }));
    expect(statement.subject[0]!.digest).toEqual({ sha256: 'abcd' });
  });

  it('rejects other payload types, non-JSON, unknown _type and statements without subject or predicateType', () => {
    expect(() => parseStatement('text/plain', Buffer.from('hello'))).toThrow('the DSSE payload type is "text/plain", not an in-toto statement (application/vnd.in-toto+json)');
    expect(() => parseStatement(IN_TOTO, Buffer.from('{'))).toThrow(/^the in-toto payload is not JSON/);
    expect(() => parseStatement(IN_TOTO, payload({ _type: 'https://in-toto.io/Statement/v2', subject: [], predicateType: 'p' }))).toThrow(/unknown in-toto statement _type "https:\/\/in-toto\.io\/Statement\/v2"/);
    expect(() => parseStatement(IN_TOTO, payload({ _type: 'https://in-toto.io/Statement/v1', subject: [], predicateType: 'p' }))).toThrow('the in-toto statement has no subject');
    expect(() => parseStatement(IN_TOTO, payload({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: {} }] }))).toThrow('the in-toto statement has no predicateType');
    expect(() => parseStatement(IN_TOTO, payload({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'x' }], predicateType: 'p' }))).toThrow('in-toto subject 0 has no digest');
  });
});
