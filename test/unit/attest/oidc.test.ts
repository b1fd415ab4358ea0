import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeTokenClaims, getIdentityToken, MISSING_ID_TOKEN_PERMISSION } from '../../../src/attest/oidc.js';

const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

type Reply = { status: number; body: string };

/** The Actions token service as far as the runner's side sees it. */
async function tokenService(replies: Reply[]): Promise<{ url: string; requests: IncomingMessage[]; server: Server }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}/token?api-version=2.0`, requests, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('identity token from the Actions environment', () => {
  it('asks for audience sigstore, appended to the runtime URL’s own query, with the request token', async () => {
    const token = jwt({ iss: 'https://token.actions.githubusercontent.com', aud: 'sigstore' });
    const service = await tokenService([{ status: 200, body: JSON.stringify({ value: token }) }]);
    const got = await getIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: service.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-secret' } });
    expect(got).toBe(token);
    expect(service.requests).toHaveLength(1);
    expect(service.requests[0]!.url).toBe('/token?api-version=2.0&audience=sigstore');
    expect(service.requests[0]!.headers.authorization).toBe('Bearer runtime-secret');
  });

  it.each([
    ['no request URL', { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' }],
    ['no request token', { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/?a=1' }],
    ['neither', {}],
  ])('fails with the id-token permission line when there is %s', async (_what, env) => {
    await expect(getIdentityToken({ env })).rejects.toThrow(MISSING_ID_TOKEN_PERMISSION);
    expect(MISSING_ID_TOKEN_PERMISSION).toBe('no OIDC token: the job needs `permissions: id-token: write`');
  });

  it('retries a failing token service and then names it with the try count', async () => {
    const service = await tokenService([{ status: 503, body: '{}' }]);
    await expect(getIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: service.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }, tries: 3 })).rejects.toThrow(
      'the Actions OIDC token service is unreachable after 3 tries: HTTP 503',
    );
    expect(service.requests).toHaveLength(3);
  });

  it('recovers when a retry succeeds', async () => {
    const token = jwt({ aud: 'sigstore' });
    const service = await tokenService([{ status: 502, body: '' }, { status: 200, body: JSON.stringify({ value: token }) }]);
    expect(await getIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: service.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' } })).toBe(token);
  });

  it('does not retry a refusal, and quotes it on one line', async () => {
    const service = await tokenService([{ status: 403, body: '{"message":"Forbidden:\\n runtime token expired"}' }]);
    await expect(getIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: service.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' } })).rejects.toThrow(
      /^the Actions OIDC token service refused the token request \(403\): \{"message":"Forbidden:\\n runtime token expired"\}$/,
    );
    expect(service.requests).toHaveLength(1);
  });

  it('refuses an answer without a token', async () => {
    const service = await tokenService([{ status: 200, body: '{"count":1}' }]);
    await expect(getIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: service.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' } })).rejects.toThrow('answered without a token');
  });

  it('names an unreachable token service', async () => {
    await expect(getIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/t?x=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }, tries: 2 })).rejects.toThrow(
      /^the Actions OIDC token service is unreachable after 2 tries: fetch failed/,
    );
  });
});

describe('explicit identity token', () => {
  it('wins over the Actions environment and is not fetched', async () => {
    const token = jwt({ sub: 'repo:acme/app:ref:refs/heads/main' });
    const service = await tokenService([{ status: 500, body: '' }]);
    expect(await getIdentityToken({ explicit: token, env: { ACTIONS_ID_TOKEN_REQUEST_URL: service.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' } })).toBe(token);
    expect(service.requests).toHaveLength(0);
  });

  it('is refused when it is not a JWT', async () => {
    await expect(getIdentityToken({ explicit: 'not-a-token' })).rejects.toThrow('--identity-token is not a JWT (expected three dot-separated parts)');
  });
});

describe('token claims', () => {
  it('decodes the payload without verifying it, for the summary', () => {
    expect(decodeTokenClaims(jwt({ job_workflow_ref: 'acme/app/.github/workflows/release.yml@refs/heads/main', run_id: '42' }))).toEqual({
      job_workflow_ref: 'acme/app/.github/workflows/release.yml@refs/heads/main',
      run_id: '42',
    });
  });

  it('refuses a payload that is not a JSON object', () => {
    expect(() => decodeTokenClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toThrow('the identity token is not a JWT (its payload is not a JSON object)');
  });
});
