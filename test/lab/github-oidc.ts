import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { randomId, signJwt } from './jwt.js';
import { bearerToken, listen, readBody, sendJson } from './net.js';

export type Claims = Record<string, unknown>;

export interface Identity {
  /** Already carries `?api-version=2.0`, as GitHub's does: `@actions/core` appends `&audience=…`. */
  ACTIONS_ID_TOKEN_REQUEST_URL: string;
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: string;
}

export interface GitHubOidc {
  issuer: string;
  jwksUri: string;
  port: number;
  /** Claims of the default identity: acme/app, release.yml on refs/heads/main. */
  defaultClaims: Claims;
  defaultIdentity: Identity;
  mintIdToken(overrides?: Claims, audience?: string): string;
  newIdentity(overrides?: Claims): Identity;
  /** Checks signature, issuer, audience and expiry as Fulcio does; returns the claims. */
  verifyIdToken(token: string, audience: string): Claims;
  close(): Promise<void>;
}

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

/**
 * GitHub's claims for a run, from overrides. Claims derived from others (sub, repository_owner,
 * workflow_ref, job_workflow_ref and their shas) follow the overridden repository/ref/sha unless given.
 */
export function githubClaims(overrides: Claims = {}): Claims {
  const repository = String(overrides.repository ?? 'acme/app');
  const ref = String(overrides.ref ?? 'refs/heads/main');
  const sha = String(overrides.sha ?? SHA);
  const workflowFile = String(overrides.workflow_file ?? 'release.yml');
  const workflowRef = `${repository}/.github/workflows/${workflowFile}@${ref}`;
  const rest = { ...overrides };
  delete rest.workflow_file;
  const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  return {
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_id: '123456789',
    repository_owner: repository.split('/')[0] ?? repository,
    repository_owner_id: '987654321',
    repository_visibility: 'public',
    actor: 'octocat',
    actor_id: '583231',
    ref,
    ref_type: refType,
    ref_protected: 'true',
    sha,
    workflow: 'release',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: overrides.workflow_ref ?? workflowRef,
    job_workflow_sha: overrides.workflow_sha ?? sha,
    event_name: 'push',
    head_ref: '',
    base_ref: '',
    run_id: '7654321098',
    run_number: '42',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    ...rest,
  };
}

function audienceMatches(aud: unknown, audience: string): boolean {
  return Array.isArray(aud) ? aud.includes(audience) : aud === audience;
}

export async function startGitHubOidc(): Promise<GitHubOidc> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomId(8);
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const identities = new Map<string, Claims>();
  let issuer = '';

  const mint = (overrides: Claims = {}, audience?: string, key: KeyObject = privateKey): string => {
    const now = Math.floor(Date.now() / 1000);
    const claims = githubClaims(overrides);
    const aud = audience ?? `https://github.com/${String(claims.repository_owner)}`;
    return signJwt({ typ: 'JWT', kid }, { jti: randomId(), ...claims, aud, iss: issuer, nbf: now - 5, iat: now - 5, exp: now + 300 }, 'RS256', key);
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'sha', 'repository', 'repository_id', 'repository_owner', 'repository_owner_id', 'repository_visibility', 'run_id', 'run_number', 'run_attempt', 'actor', 'actor_id', 'workflow', 'workflow_ref', 'workflow_sha', 'job_workflow_ref', 'job_workflow_sha', 'event_name', 'ref_type', 'runner_environment'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid'],
      });
    }
    if (route === 'GET /.well-known/jwks') return sendJson(res, 200, { keys: [jwk] });
    if (route === 'GET /_apis/actions/idtoken') {
      const claims = identities.get(bearerToken(req) ?? '');
      if (!claims) return sendJson(res, 401, { message: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN is missing or unknown' });
      if (url.searchParams.get('api-version') !== '2.0') return sendJson(res, 400, { message: 'api-version=2.0 is required' });
      return sendJson(res, 200, { count: 1, value: mint(claims, url.searchParams.get('audience') ?? undefined) });
    }
    if (route === 'POST /__lab/identities') {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { claims?: Claims };
      return sendJson(res, 201, newIdentity(body.claims ?? {}));
    }
    if (route === 'POST /__lab/claims') {
      const handle = bearerToken(req) ?? '';
      const current = identities.get(handle);
      if (!current) return sendJson(res, 401, { message: 'send the identity\'s ACTIONS_ID_TOKEN_REQUEST_TOKEN as Bearer token' });
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { claims?: Claims };
      identities.set(handle, { ...current, ...(body.claims ?? {}) });
      return sendJson(res, 200, { claims: githubClaims(identities.get(handle)) });
    }
    if (route === 'POST /__lab/token') {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { claims?: Claims; audience?: string };
      return sendJson(res, 200, { token: mint(body.claims ?? {}, body.audience ?? 'sigstore') });
    }
    sendJson(res, 404, { message: `no such endpoint ${route}` });
  });
  issuer = `http://127.0.0.1:${server.port}`;

  const newIdentity = (overrides: Claims = {}): Identity => {
    const handle = `lab-idreq-${randomId()}`;
    identities.set(handle, { ...overrides });
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${issuer}/_apis/actions/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: handle,
    };
  };

  const verifyIdToken = (token: string, audience: string): Claims => {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) throw new Error('not a JWT');
    const parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
    if (parsedHeader.alg !== 'RS256' || parsedHeader.kid !== kid) throw new Error(`unknown signing key (alg ${parsedHeader.alg}, kid ${parsedHeader.kid})`);
    if (!verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))) throw new Error('signature does not verify');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    if (claims.iss !== issuer) throw new Error(`issuer ${String(claims.iss)} is not ${issuer}`);
    if (!audienceMatches(claims.aud, audience)) throw new Error(`audience ${JSON.stringify(claims.aud)} is not ${audience}`);
    if (typeof claims.exp !== 'number' || claims.exp < Date.now() / 1000) throw new Error('token expired');
    return claims;
  };

  return {
    issuer,
    jwksUri: `${issuer}/.well-known/jwks`,
    port: server.port,
    defaultClaims: githubClaims(),
    defaultIdentity: newIdentity(),
    mintIdToken: (overrides, audience) => mint(overrides, audience ?? 'sigstore'),
    newIdentity,
    verifyIdToken,
    close: () => server.close(),
  };
}
