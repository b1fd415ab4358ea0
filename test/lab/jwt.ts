import { randomBytes, sign, type KeyObject } from 'node:crypto';

export type JwtAlgorithm = 'RS256' | 'ES256';

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** ES256 signatures in a JWS are raw r||s, not DER, hence ieee-p1363. */
export function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, algorithm: JwtAlgorithm, key: KeyObject): string {
  const signingInput = `${base64url(JSON.stringify({ ...header, alg: algorithm }))}.${base64url(JSON.stringify(claims))}`;
  const signature =
    algorithm === 'ES256'
      ? sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(signingInput), key);
  return `${signingInput}.${base64url(signature)}`;
}

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}
