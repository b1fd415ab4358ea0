import { constants, publicDecrypt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { ASN1Obj } from '@sigstore/core';

/*
 * Node's crypto hashes the message itself; verifying a message signature from its digest alone
 * (the conformance suite's `sha256:<hex>` input) needs the signature checked over the digest.
 */

interface Curve {
  p: bigint;
  a: bigint;
  n: bigint;
  gx: bigint;
  gy: bigint;
}

const CURVES: Record<string, Curve> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  },
};

// DER DigestInfo prefixes (RFC 8017 section 9.2) for the hashes a hashedrekord can name.
const DIGEST_INFO_PREFIX: Record<string, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

/** Verifies `signature` over an already computed `digest` made with `algorithm`. */
export function verifyPrehashedSignature(key: KeyObject, algorithm: string, digest: Uint8Array, signature: Uint8Array): boolean {
  if (key.asymmetricKeyType === 'ec') return verifyEcdsa(key, digest, signature);
  if (key.asymmetricKeyType === 'rsa') return verifyRsaPkcs1(key, algorithm, digest, signature);
  return false;
}

function verifyEcdsa(key: KeyObject, digest: Uint8Array, signature: Uint8Array): boolean {
  const jwk = key.export({ format: 'jwk' });
  const curve = jwk.crv === undefined ? undefined : CURVES[jwk.crv];
  if (curve === undefined || jwk.x === undefined || jwk.y === undefined) return false;
  let r: bigint;
  let s: bigint;
  try {
    const sequence = ASN1Obj.parseBuffer(Buffer.from(signature));
    if (sequence.subs.length !== 2) return false;
    r = sequence.subs[0]!.toInteger();
    s = sequence.subs[1]!.toInteger();
  } catch {
    return false;
  }
  const { n } = curve;
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  const e = digestToInteger(digest, n);
  const w = modInverse(s, n);
  const q: Point = { x: fromBase64Url(jwk.x), y: fromBase64Url(jwk.y) };
  const sum = add(curve, multiply(curve, { x: curve.gx, y: curve.gy }, (e * w) % n), multiply(curve, q, (r * w) % n));
  return sum !== null && sum.x % n === r;
}

function verifyRsaPkcs1(key: KeyObject, algorithm: string, digest: Uint8Array, signature: Uint8Array): boolean {
  const prefix = DIGEST_INFO_PREFIX[algorithm];
  if (prefix === undefined) return false;
  try {
    const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    return recovered.equals(Buffer.concat([Buffer.from(prefix, 'hex'), digest]));
  } catch {
    return false;
  }
}

type Point = { x: bigint; y: bigint } | null;

function digestToInteger(digest: Uint8Array, n: bigint): bigint {
  const value = BigInt(`0x${Buffer.from(digest).toString('hex') || '0'}`);
  const excess = digest.length * 8 - n.toString(2).length;
  return excess > 0 ? value >> BigInt(excess) : value;
}

function fromBase64Url(text: string): bigint {
  return BigInt(`0x${Buffer.from(text, 'base64url').toString('hex')}`);
}

function mod(value: bigint, m: bigint): bigint {
  const result = value % m;
  return result < 0n ? result + m : result;
}

function modInverse(value: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(value, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return mod(oldS, m);
}

function add(curve: Curve, left: Point, right: Point): Point {
  if (left === null) return right;
  if (right === null) return left;
  const { p } = curve;
  let slope: bigint;
  if (left.x === right.x) {
    if (mod(left.y + right.y, p) === 0n) return null;
    slope = mod((3n * left.x * left.x + curve.a) * modInverse(2n * left.y, p), p);
  } else {
    slope = mod((right.y - left.y) * modInverse(right.x - left.x, p), p);
  }
  const x = mod(slope * slope - left.x - right.x, p);
  return { x, y: mod(slope * (left.x - x) - left.y, p) };
}

function multiply(curve: Curve, point: Point, scalar: bigint): Point {
  let result: Point = null;
  let addend = point;
  for (let k = scalar; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(curve, result, addend);
    addend = add(curve, addend, addend);
  }
  return result;
}
