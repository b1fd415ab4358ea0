/** A policy the gate cannot use; the message is one line naming the file:line or input, the field and the fix. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

/** A field value that is wrong, before the caller knows where it was written. */
export class FieldProblem extends Error {
  override readonly name = 'FieldProblem';
}
