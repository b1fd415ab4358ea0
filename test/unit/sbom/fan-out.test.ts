import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fanOut } from '../../../src/sbom/fan-out.js';

const chunks = Array.from({ length: 64 }, (_, index) => Buffer.alloc(16 * 1024, index));
const whole = Buffer.concat(chunks);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function digestOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('fanOut', () => {
  it('gives every consumer all the bytes, even when another one stops after its first chunk', async () => {
    let sourceEnded = false;
    const source = Readable.from(chunks).on('end', () => (sourceEnded = true));
    const firstOnly = async (stream: Readable): Promise<string> => {
      for await (const chunk of stream) return `first ${(chunk as Buffer).length}`;
      return 'none';
    };
    const results = await fanOut(source, [digestOf, firstOnly, digestOf]);
    expect(results).toEqual([sha(whole), `first ${16 * 1024}`, sha(whole)]);
    expect(sourceEnded).toBe(true);
  });

  it('passes the source stream’s error to every consumer', async () => {
    const failing = Readable.from(
      (async function* () {
        yield chunks[0] as Buffer;
        throw new Error('layer cut short');
      })(),
    );
    const report = (stream: Readable) => digestOf(stream).catch((error: Error) => `failed: ${error.message}`);
    expect(await fanOut(failing, [report, report])).toEqual(['failed: layer cut short', 'failed: layer cut short']);
  });
});
