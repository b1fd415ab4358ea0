import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPrehashedSignature } from '../../../src/verify/prehashed-signature.js';

const message = Buffer.from('image-passport');

describe('verifyPrehashedSignature', () => {
  const keys = [
    ['ECDSA P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['ECDSA P-384', generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['RSA 2048', generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ] as const;

  for (const [name, { privateKey, publicKey }] of keys) {
    for (const algorithm of ['sha256', 'sha384']) {
      it(`${name} over a ${algorithm} digest accepts Node's signature and rejects another digest or a flipped bit`, () => {
        const signature = sign(algorithm, message, privateKey);
        const digest = createHash(algorithm).update(message).digest();
        expect(verifyPrehashedSignature(publicKey, algorithm, digest, signature)).toBe(true);
        expect(verifyPrehashedSignature(publicKey, algorithm, createHash(algorithm).update('other').digest(), signature)).toBe(false);
        const flipped = Buffer.from(signature);
        flipped[flipped.length - 1]! ^= 1;
        expect(verifyPrehashedSignature(publicKey, algorithm, digest, flipped)).toBe(false);
      });
    }
  }

  it('rejects a signature that is not DER and key types it cannot check from a digest', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const digest = createHash('sha256').update(message).digest();
    expect(verifyPrehashedSignature(publicKey, 'sha256', digest, Buffer.from('not der'))).toBe(false);
    const ed = generateKeyPairSync('ed25519');
    expect(verifyPrehashedSignature(ed.publicKey, 'sha256', digest, sign(null, message, ed.privateKey))).toBe(false);
  });
});
