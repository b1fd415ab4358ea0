/**
 * Runs `work` with anything written to stdout sent to stderr instead, so `--json` prints nothing but
 * its JSON: @actions/attest's provenance builder writes workflow commands (`::debug::`,
 * `::add-mask::`) to stdout through @actions/core; on stderr they stay visible without corrupting it.
 */
export async function withStdoutOnStderr<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}
