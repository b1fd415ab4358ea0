import { PassThrough, type Readable } from 'node:stream';

function writable(branch: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      branch.off('drain', done);
      branch.off('close', done);
      resolve();
    };
    branch.on('drain', done);
    branch.on('close', done);
  });
}

/** Copies the source into every branch, waiting for the slowest; the source error ends them all. */
async function pump(source: Readable, branches: PassThrough[]): Promise<void> {
  try {
    for await (const chunk of source) {
      const waits: Promise<void>[] = [];
      for (const branch of branches) {
        if (!branch.destroyed && !branch.write(chunk)) waits.push(writable(branch));
      }
      await Promise.all(waits);
    }
    for (const branch of branches) branch.end();
  } catch (error) {
    for (const branch of branches) branch.destroy(error as Error);
  }
}

/**
 * Feeds one stream to several consumers at once, at the pace of the slowest, without holding it.
 * A consumer that stops early is drained so the others go on; the promise settles once the source
 * has been read to its end. Consumers must not reject: they report failure in their result.
 */
export async function fanOut<T>(source: Readable, consumers: ((stream: Readable) => Promise<T>)[]): Promise<T[]> {
  if (consumers.length === 1) return [await (consumers[0] as (stream: Readable) => Promise<T>)(source)];
  const branches = consumers.map(() => new PassThrough());
  const pumped = pump(source, branches);
  const results = await Promise.all(
    consumers.map(async (consume, index) => {
      const branch = branches[index] as PassThrough;
      try {
        return await consume(branch);
      } finally {
        branch.resume();
      }
    }),
  );
  await pumped;
  return results;
}
