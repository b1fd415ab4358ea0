/** A mistake in how the command was called or configured: exit code 2, one line, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Splits comma- or newline-separated list inputs, as the action and the CLI both accept them. */
export function splitList(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((item) => item.split(/[,\n]/)).map((item) => item.trim()).filter((item) => item !== '');
}
