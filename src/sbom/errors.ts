/** A failure the user can act on; its message is one line and names the layer or file. */
export class SbomError extends Error {
  override name = 'SbomError';
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
