import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DigestError, DigestVerifier, digestTag, isValidDigest, sha256Digest, verifyDigest } from '../../../src/oci/digest.js';

const content = Buffer.from('the quick brown fox jumps over the lazy dog\n'.repeat(1000));
const digest = `sha256:${createHash('sha256').update(content).digest('hex')}`;

async function run(source: Buffer, options: ConstructorParameters<typeof DigestVerifier>[0]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  // Several chunks, as a network stream delivers them.
  const pieces = Array.from({ length: Math.ceil(source.length / 1000) }, (_, i) => source.subarray(i * 1000, (i + 1) * 1000));
  await pipeline(Readable.from(pieces), new DigestVerifier(options), sink);
  return Buffer.concat(chunks);
}

describe('digests', () => {
  it('recognises sha256 and sha512 digests and nothing looser', () => {
    expect(isValidDigest(digest)).toBe(true);
    expect(isValidDigest(`sha512:${'0'.repeat(128)}`)).toBe(true);
    expect(isValidDigest(`sha256:${'A'.repeat(64)}`)).toBe(false);
    expect(isValidDigest(`sha256:${'0'.repeat(63)}`)).toBe(false);
    expect(isValidDigest(`md5:${'0'.repeat(32)}`)).toBe(false);
    expect(isValidDigest('sha256')).toBe(false);
  });

  it('computes and checks sha256', () => {
    expect(sha256Digest(content)).toBe(digest);
    expect(() => verifyDigest(content, digest)).not.toThrow();
    expect(() => verifyDigest(Buffer.concat([content, Buffer.from('x')]), digest)).toThrow(DigestError);
  });

  it('turns a digest into the sha256-<hex> tag form', () => {
    expect(digestTag(digest)).toBe(digest.replace('sha256:', 'sha256-'));
  });
});

describe('DigestVerifier', () => {
  it('passes matching content through unchanged', async () => {
    expect(await run(content, { digest, size: content.length })).toEqual(content);
  });

  it('errors at the end when the content differs', async () => {
    const tampered = Buffer.from(content);
    tampered[10] = 0x41;
    await expect(run(tampered, { digest, size: content.length })).rejects.toThrow(`expected ${digest}`);
  });

  it('errors as soon as the content outgrows its declared size', async () => {
    await expect(run(Buffer.concat([content, Buffer.from('more')]), { digest, size: content.length })).rejects.toThrow(`larger than its size ${content.length}`);
  });

  it('errors when the content is cut short', async () => {
    await expect(run(content.subarray(0, 500), { digest, size: content.length })).rejects.toThrow(`ended after 500 of ${content.length} bytes`);
  });

  it('errors when the content exceeds the cap, without a size known', async () => {
    await expect(run(content, { digest, maxBytes: 4096 })).rejects.toThrow('larger than the limit of 4096 bytes');
  });

  it('lets the caller choose the error type and learn the kind of problem', async () => {
    const kinds: string[] = [];
    const makeError = (problem: string, kind: string): Error => {
      kinds.push(kind);
      return new RangeError(problem);
    };
    await expect(run(content, { digest: sha256Digest(Buffer.from('other')), makeError })).rejects.toBeInstanceOf(RangeError);
    await expect(run(content, { digest, maxBytes: 10, makeError })).rejects.toBeInstanceOf(RangeError);
    expect(kinds).toEqual(['digest', 'too-large']);
  });
});
