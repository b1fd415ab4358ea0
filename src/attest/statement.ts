import { AttestError } from './errors.js';

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** The DSSE payloadType of an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface Subject {
  name: string;
  digest: { sha256: string };
}

export interface Statement<P extends object = Record<string, unknown>> {
  _type: typeof IN_TOTO_STATEMENT_V1;
  subject: Subject[];
  predicateType: string;
  predicate: P;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** `digest` is the `sha256:<hex>` form registries and build steps report. */
export function subjectFor(name: string, digest: string): Subject {
  if (name.trim() === '') throw new AttestError('invalid-input', `subject for ${digest} has an empty name`);
  const match = /^sha256:(.*)$/.exec(digest);
  const hex = match?.[1];
  if (hex === undefined || !SHA256_HEX.test(hex)) {
    throw new AttestError('invalid-input', `subject ${name} has digest "${digest}": expected sha256: followed by 64 lowercase hex digits`);
  }
  return { name, digest: { sha256: hex } };
}

export function buildStatement<P extends object>(subjects: Subject[], predicateType: string, predicate: P): Statement<P> {
  if (subjects.length === 0) throw new AttestError('invalid-input', `a ${predicateType} statement needs at least one subject`);
  for (const subject of subjects) {
    if (!SHA256_HEX.test(subject.digest.sha256)) {
      throw new AttestError('invalid-input', `subject ${subject.name} has sha256 "${subject.digest.sha256}": expected 64 lowercase hex digits`);
    }
  }
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(predicateType)) {
    throw new AttestError('invalid-input', `predicate type "${predicateType}" is not a URI`);
  }
  if (predicate === null || typeof predicate !== 'object' || Array.isArray(predicate)) {
    throw new AttestError('invalid-input', `the ${predicateType} predicate must be a JSON object`);
  }
  return { _type: IN_TOTO_STATEMENT_V1, subject: subjects.map((s) => ({ name: s.name, digest: { sha256: s.digest.sha256 } })), predicateType, predicate };
}

/** The exact bytes that get signed; kept in one place so size checks and signing see the same payload. */
export function serializeStatement(statement: Statement<object>): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8');
}
