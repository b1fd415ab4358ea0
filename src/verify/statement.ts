import { VerificationFailure } from './failure.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];

export interface StatementSubject {
  name?: string;
  /** Algorithm name (sha256, sha512, …) to lowercase hex. */
  digest: Record<string, string>;
}

export interface InTotoStatement {
  type: string;
  subject: StatementSubject[];
  predicateType: string;
  predicate: unknown;
}

/** Decodes a DSSE payload as an in-toto Statement (v0.1 or v1). */
export function parseStatement(payloadType: string, payload: Uint8Array): InTotoStatement {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new VerificationFailure('STATEMENT_INVALID', `the DSSE payload type is ${JSON.stringify(payloadType)}, not an in-toto statement (${IN_TOTO_PAYLOAD_TYPE})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch (error) {
    throw new VerificationFailure('STATEMENT_INVALID', `the in-toto payload is not JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new VerificationFailure('STATEMENT_INVALID', 'the in-toto payload is not a JSON object');
  }
  const record = json as Record<string, unknown>;
  const type = record._type;
  if (typeof type !== 'string' || !STATEMENT_TYPES.includes(type)) {
    throw new VerificationFailure('STATEMENT_INVALID', `unknown in-toto statement _type ${JSON.stringify(type)}; expected ${STATEMENT_TYPES.join(' or ')}`);
  }
  if (typeof record.predicateType !== 'string' || record.predicateType === '') {
    throw new VerificationFailure('STATEMENT_INVALID', 'the in-toto statement has no predicateType');
  }
  if (!Array.isArray(record.subject) || record.subject.length === 0) {
    throw new VerificationFailure('STATEMENT_INVALID', 'the in-toto statement has no subject');
  }
  const subject = record.subject.map((entry, index) => toSubject(entry, index));
  return { type, subject, predicateType: record.predicateType, predicate: record.predicate };
}

function toSubject(entry: unknown, index: number): StatementSubject {
  const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  const digest = record.digest;
  if (typeof digest !== 'object' || digest === null || Array.isArray(digest)) {
    throw new VerificationFailure('STATEMENT_INVALID', `in-toto subject ${index} has no digest`);
  }
  const digests: Record<string, string> = {};
  for (const [algorithm, value] of Object.entries(digest)) {
    if (typeof value !== 'string') throw new VerificationFailure('STATEMENT_INVALID', `in-toto subject ${index} digest ${algorithm} is not a string`);
    digests[algorithm.toLowerCase()] = value.toLowerCase();
  }
  return typeof record.name === 'string' ? { name: record.name, digest: digests } : { digest: digests };
}

/** Whether any subject carries `algorithm:hex`. */
export function hasSubjectDigest(statement: InTotoStatement, algorithm: string, hex: string): boolean {
  return statement.subject.some((subject) => subject.digest[algorithm] === hex);
}
