// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { KeyObject, webcrypto } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as x509 from '@peculiar/x509';
import { signJwt, randomId } from './jwt.js';
import { basicCredentials, listen, readBody, sendJson } from './net.js';

/** What a user may do, per repository name prefix ('' = every repository). */
export interface RegistryUser {
  password: string;
  grants: { prefix: string; actions: string[] }[];
}

export interface TokenServerOptions {
  /** Token audiences (registry `service` names) this server signs for. */
  services: string[];
  users: Record<string, RegistryUser>;
  /** Repository prefixes anonymous callers may pull; empty means anonymous tokens grant nothing. */
  anonymousPull?: string[];
  issuer?: string;
  tokenLifetimeSeconds?: number;
}

export interface TokenServer {
  /** `http://localhost:PORT/token`: Go clients refuse a realm on a loopback IP. */
  realm: string;
  issuer: string;
  port: number;
  /** PEM of the self-signed certificate the registry trusts (rootcertbundle). */
  rootCertificatePem: string;
  requests(): TokenRequestRecord[];
  close(): Promise<void>;
}

export interface TokenRequestRecord {
  method: string;
  account: string | null;
  service: string;
  scopes: string[];
  granted: AccessEntry[];
  status: number;
}

interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

async function makeSigningIdentity(): Promise<{ key: KeyObject; certificate: x509.X509Certificate }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomId(8),
      name: 'CN=image-passport lab registry token signer',
      notBefore: new Date(now - 3600_000),
      notAfter: new Date(now + 7 * 24 * 3600_000),
      keys,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      ],
    },
    webcrypto as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1],
  );
  return { key: KeyObject.from(keys.privateKey), certificate };
}

/** `repository:lab/app:pull,push` → entry; the name may itself not hold ':' but a type can carry a class, e.g. `repository(plugin)`. */
function parseScope(scope: string): AccessEntry | null {
  const parts = scope.split(':');
  if (parts.length < 3) return null;
  const type = parts[0] ?? '';
  const actions = (parts[parts.length - 1] ?? '').split(',').filter(Boolean);
  const name = parts.slice(1, -1).join(':');
  return { type: type.replace(/\(.*\)$/, ''), name, actions };
}

function grantedActions(entry: AccessEntry, grants: { prefix: string; actions: string[] }[]): string[] {
  if (entry.type !== 'repository') return [];
  const allowed = new Set<string>();
  for (const grant of grants) {
    if (entry.name === grant.prefix || entry.name.startsWith(grant.prefix)) grant.actions.forEach((action) => allowed.add(action));
  }
  if (allowed.has('*')) return entry.actions;
  return entry.actions.filter((action) => allowed.has(action));
}

async function requestParameters(req: IncomingMessage, url: URL): Promise<{ params: URLSearchParams; basic: { username: string; password: string } | null }> {
  if (req.method === 'POST') {
    // The OAuth2 form flow (containerd, ggcr with refresh tokens) sends credentials in the body.
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const username = form.get('username');
    const password = form.get('password') ?? form.get('refresh_token');
    const grantType = form.get('grant_type');
    const basic = grantType === 'refresh_token' && password ? decodeRefreshToken(password) : username !== null && password !== null ? { username, password } : null;
    return { params: form, basic };
  }
  return { params: url.searchParams, basic: basicCredentials(req) };
}

function decodeRefreshToken(token: string): { username: string; password: string } | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { u?: string; p?: string };
    return parsed.u && parsed.p ? { username: parsed.u, password: parsed.p } : null;
  } catch {
    return null;
  }
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const issuer = options.issuer ?? 'image-passport-lab-token-issuer';
  const lifetime = options.tokenLifetimeSeconds ?? 300;
  const { key, certificate } = await makeSigningIdentity();
  const x5c = [Buffer.from(certificate.rawData).toString('base64')];
  const records: TokenRequestRecord[] = [];

  const server = await listen(async (req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/token' || (req.method !== 'GET' && req.method !== 'POST')) {
      sendJson(res, 404, { errors: [{ code: 'NOT_FOUND', message: `no such endpoint ${req.method} ${url.pathname}` }] });
      return;
    }
    const { params, basic } = await requestParameters(req, url);
    const service = params.get('service') ?? '';
    const scopes = params.getAll('scope').flatMap((value) => value.split(' ')).filter(Boolean);
    const record: TokenRequestRecord = { method: req.method, account: basic?.username ?? null, service, scopes, granted: [], status: 200 };
    records.push(record);

    if (!options.services.includes(service)) {
      record.status = 400;
      sendJson(res, 400, { errors: [{ code: 'UNSUPPORTED', message: `unknown service "${service}"` }] });
      return;
    }
    let grants: { prefix: string; actions: string[] }[];
    if (basic) {
      const user = options.users[basic.username];
      if (!user || user.password !== basic.password) {
        record.status = 401;
        sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'incorrect username or password' }] }, { 'www-authenticate': 'Basic realm="image-passport lab"' });
        return;
      }
      grants = user.grants;
    } else {
      grants = (options.anonymousPull ?? []).map((prefix) => ({ prefix, actions: ['pull'] }));
    }

    const access = scopes
      .map(parseScope)
      .filter((entry): entry is AccessEntry => entry !== null)
      .map((entry) => ({ ...entry, actions: grantedActions(entry, grants) }))
      .filter((entry) => entry.actions.length > 0);
    record.granted = access;

    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(
      { typ: 'JWT', x5c },
      { iss: issuer, sub: basic?.username ?? '', aud: service, exp: now + lifetime, nbf: now - 10, iat: now, jti: randomId(), access },
      'ES256',
      key,
    );
    const body: Record<string, unknown> = { token, access_token: token, expires_in: lifetime, issued_at: new Date(now * 1000).toISOString() };
    // Refresh tokens carry the credentials back: this lab server keeps no state between requests.
    if (basic && params.get('offline_token') === 'true') {
      body.refresh_token = Buffer.from(JSON.stringify({ u: basic.username, p: basic.password })).toString('base64url');
    }
    sendJson(res, 200, body);
  });

  return {
    realm: `http://localhost:${server.port}/token`,
    issuer,
    port: server.port,
    rootCertificatePem: certificate.toString('pem'),
    requests: () => records.slice(),
    close: () => server.close(),
  };
}
