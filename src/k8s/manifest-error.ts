/** A manifest the gate cannot read; the message is one line naming the input and the fix. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}
