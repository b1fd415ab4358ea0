import { afterEach, describe, expect, it } from 'vitest';
import { Authenticator, pullScope, pushScope } from '../../../src/oci/auth.js';
import { CredentialStore, type Credentials } from '../../../src/oci/credentials.js';
import { RegistryError } from '../../../src/oci/errors.js';
import { Transport } from '../../../src/oci/transport.js';
import { loopback, type Loopback } from './loopback.js';

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Lab {
  registry: Loopback;
  tokens: Loopback;
  issued: Map<string, string>;
  revoke(): void;
}

/** A registry that wants bearer tokens for the scope of the path, and the token endpoint it names. */
async function bearerLab(options: { expiresIn?: number; postStatus?: number } = {}): Promise<Lab> {
  const issued = new Map<string, string>();
  let counter = 0;
  const tokens = await loopback((req, res, arrival) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let scopes: string[];
    let basic = req.headers.authorization;
    if (req.method === 'POST') {
      if (options.postStatus) {
        res.writeHead(options.postStatus).end();
        return;
      }
      const form = new URLSearchParams(arrival.body.toString());
      if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== 'refresh-ok') {
        res.writeHead(401).end();
        return;
      }
      scopes = (form.get('scope') ?? '').split(' ');
      basic = 'refresh';
    } else {
      scopes = url.searchParams.getAll('scope');
    }
    if (basic !== undefined && basic !== 'refresh' && basic !== `Basic ${Buffer.from('alice:right').toString('base64')}` && basic !== `Basic ${Buffer.from('<token>:refresh-ok').toString('base64')}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    counter += 1;
    const token = `token-${counter}`;
    issued.set(token, scopes.join(' '));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, expires_in: options.expiresIn ?? 300 }));
  });
  const registry = await loopback((req, res) => {
    const push = req.method !== 'GET' && req.method !== 'HEAD';
    const scope = push ? pushScope('lab/app') : pullScope('lab/app');
    const presented = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const granted = issued.get(presented)?.split(' ') ?? [];
    if (granted.includes(scope) || (!push && granted.includes(pushScope('lab/app')))) {
      res.end('ok');
      return;
    }
    res
      .writeHead(401, { 'www-authenticate': `Bearer realm="http://localhost:${tokens.port}/token",service="fake-registry",scope="${scope}"` })
      .end();
  });
  servers.push(tokens, registry);
  return { registry, tokens, issued, revoke: () => issued.clear() };
}

/** The explicit store is keyed by host, which is only known once the lab listens. */
function forHost(host: string, credentials: Credentials | undefined, now?: () => number): Authenticator {
  const store = new CredentialStore({ env: { DOCKER_CONFIG: '/nonexistent' }, explicit: credentials ? { [host]: credentials } : {} });
  return new Authenticator(new Transport({ maxRetries: 0 }), store, now ? { now } : {});
}

function get(lab: Lab, auth: Authenticator, method = 'GET', scopes = [pullScope('lab/app')]) {
  return auth.send({ method, url: `http://${lab.registry.host}/v2/lab/app/manifests/latest`, scopes }, { registry: lab.registry.host, repository: 'lab/app', operation: 'get manifest latest' });
}

describe('bearer token flow', () => {
  it('answers a challenge with a token for the least scope, sent with Basic credentials to the realm only', async () => {
    const lab = await bearerLab();
    const response = await get(lab, forHost(lab.registry.host, { username: 'alice', password: 'right' }));
    expect(response.status).toBe(200);
    const tokenRequest = lab.tokens.arrivals[0];
    const query = new URL(tokenRequest?.url ?? '', 'http://x').searchParams;
    expect(query.get('service')).toBe('fake-registry');
    expect(query.getAll('scope')).toEqual(['repository:lab/app:pull']);
    expect(tokenRequest?.headers.authorization).toBe(`Basic ${Buffer.from('alice:right').toString('base64')}`);
    expect(lab.registry.arrivals.map((a) => a.headers.authorization)).toEqual([undefined, 'Bearer token-1']);
  });

  it('reuses a cached token per scope and asks for push access separately', async () => {
    const lab = await bearerLab();
    const auth = forHost(lab.registry.host, { username: 'alice', password: 'right' });
    await get(lab, auth);
    await get(lab, auth);
    await get(lab, auth, 'PUT', [pushScope('lab/app')]);
    await get(lab, auth, 'PUT', [pushScope('lab/app')]);
    expect(lab.tokens.arrivals.map((a) => new URL(a.url, 'http://x').searchParams.getAll('scope'))).toEqual([['repository:lab/app:pull'], ['repository:lab/app:pull,push']]);
    // Once the registry's scheme is known, requests carry the token at once: no second 401.
    expect(lab.registry.arrivals.map((a) => a.headers.authorization)).toEqual([undefined, 'Bearer token-1', 'Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
  });

  it('shares one token fetch between concurrent requests', async () => {
    const lab = await bearerLab();
    const auth = forHost(lab.registry.host, { username: 'alice', password: 'right' });
    await get(lab, auth);
    lab.tokens.arrivals.length = 0;
    await Promise.all(Array.from({ length: 5 }, () => get(lab, auth, 'PUT', [pushScope('lab/app')])));
    expect(lab.tokens.arrivals).toHaveLength(1);
  });

  it('fetches a new token once the cached one expires', async () => {
    const lab = await bearerLab({ expiresIn: 60 });
    let now = 1_000_000;
    const auth = forHost(lab.registry.host, { username: 'alice', password: 'right' }, () => now);
    await get(lab, auth);
    now += 30_000;
    await get(lab, auth);
    expect(lab.tokens.arrivals).toHaveLength(1);
    now += 30_000;
    await get(lab, auth);
    expect(lab.tokens.arrivals).toHaveLength(2);
  });

  it('replaces a token the registry stopped accepting', async () => {
    const lab = await bearerLab();
    const auth = forHost(lab.registry.host, { username: 'alice', password: 'right' });
    await get(lab, auth);
    lab.revoke();
    expect((await get(lab, auth)).status).toBe(200);
    expect(lab.tokens.arrivals).toHaveLength(2);
  });

  it('gets anonymous tokens without any Authorization', async () => {
    const lab = await bearerLab();
    expect((await get(lab, forHost(lab.registry.host, undefined))).status).toBe(200);
    expect(lab.tokens.arrivals[0]?.headers.authorization).toBeUndefined();
  });

  it('reports wrong credentials in one line with the login hint', async () => {
    const lab = await bearerLab();
    const error = await get(lab, forHost(lab.registry.host, { username: 'alice', password: 'wrong' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('UNAUTHORIZED');
    expect((error as Error).message).toBe(
      `get token for repository:lab/app:pull (get manifest latest) on ${lab.registry.host}/lab/app failed (HTTP 401): UNAUTHORIZED authentication required; check the credentials for ${lab.registry.host} (docker login ${lab.registry.host})`,
    );
  });

  it('never gives credentials of one registry to another', async () => {
    const lab = await bearerLab();
    const other = await bearerLab();
    const auth = forHost(lab.registry.host, { username: 'alice', password: 'right' });
    await get(other, auth);
    expect(other.tokens.arrivals[0]?.headers.authorization).toBeUndefined();
  });

  it('sends no Authorization to a URL outside the registry origin, such as an upload on a storage host', async () => {
    const lab = await bearerLab();
    const storage = await loopback((_req, res) => {
      res.end('stored');
    });
    servers.push(storage);
    const auth = forHost(lab.registry.host, { username: 'alice', password: 'right' });
    await get(lab, auth);
    const response = await auth.send(
      { method: 'PUT', url: `http://localhost:${storage.port}/upload`, body: Buffer.from('x'), scopes: [pushScope('lab/app')] },
      { registry: lab.registry.host, repository: 'lab/app', operation: 'push blob' },
    );
    expect(response.status).toBe(200);
    expect(storage.arrivals[0]?.headers.authorization).toBeUndefined();
  });
});

describe('identity tokens', () => {
  it('are exchanged with the OAuth2 refresh_token POST', async () => {
    const lab = await bearerLab();
    expect((await get(lab, forHost(lab.registry.host, { identityToken: 'refresh-ok' }))).status).toBe(200);
    expect(lab.tokens.arrivals.map((a) => a.method)).toEqual(['POST']);
    const form = new URLSearchParams(lab.tokens.arrivals[0]?.body.toString());
    expect(form.get('service')).toBe('fake-registry');
    expect(form.get('scope')).toBe('repository:lab/app:pull');
  });

  it('fall back to GET with Basic where the realm has no POST flow', async () => {
    const lab = await bearerLab({ postStatus: 405 });
    expect((await get(lab, forHost(lab.registry.host, { identityToken: 'refresh-ok' }))).status).toBe(200);
    expect(lab.tokens.arrivals.map((a) => a.method)).toEqual(['POST', 'GET']);
    expect(lab.tokens.arrivals[1]?.headers.authorization).toBe(`Basic ${Buffer.from('<token>:refresh-ok').toString('base64')}`);
  });
});

describe('basic auth', () => {
  it('answers a Basic challenge with the credentials, then sends them up front', async () => {
    const expected = `Basic ${Buffer.from('bob:pw').toString('base64')}`;
    const registry = await loopback((req, res) => {
      if (req.headers.authorization === expected) res.end('ok');
      else res.writeHead(401, { 'www-authenticate': 'Basic realm="Registry Realm"' }).end();
    });
    servers.push(registry);
    const lab = { registry } as Lab;
    const auth = forHost(registry.host, { username: 'bob', password: 'pw' });
    expect((await get(lab, auth)).status).toBe(200);
    expect((await get(lab, auth)).status).toBe(200);
    expect(registry.arrivals.map((a) => a.headers.authorization)).toEqual([undefined, expected, expected]);
  });

  it('returns the 401 when a Basic registry gets no credentials', async () => {
    const registry = await loopback((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
    });
    servers.push(registry);
    expect((await get({ registry } as Lab, forHost(registry.host, undefined))).status).toBe(401);
    expect(registry.arrivals).toHaveLength(1);
  });
});

describe('token reuse', () => {
  it('serves a pull with the push token already held, and drops a token the registry refuses', async () => {
    const lab = await bearerLab();
    const auth = forHost(lab.registry.host, { username: 'alice', password: 'right' });
    await get(lab, auth, 'PUT', [pushScope('lab/app')]);
    await get(lab, auth);
    expect(lab.tokens.arrivals).toHaveLength(1);
    lab.revoke();
    await get(lab, auth);
    await get(lab, auth);
    expect(lab.tokens.arrivals).toHaveLength(2);
    expect(lab.registry.arrivals.map((a) => a.headers.authorization)).toEqual([undefined, 'Bearer token-1', 'Bearer token-1', 'Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
  });
});
