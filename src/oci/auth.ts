import { parseChallenges } from './challenge.js';
import type { CredentialStore, Credentials } from './credentials.js';
import { errorForStatus, RegistryError, type OperationContext } from './errors.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

export function pushScope(repository: string): string {
  return `repository:${repository}:pull,push`;
}

export interface AuthorizedRequest extends TransportRequest {
  /** The least access the request needs, e.g. `repository:lab/app:pull`. */
  scopes: string[];
}

type Scheme = { kind: 'bearer'; realm: string; service?: string } | { kind: 'basic' };

interface CachedToken {
  token: string;
  expiresAt: number;
  registry: string;
  realm: string;
  scopes: string[];
}

interface Access {
  resource: string;
  actions: string[];
}

/** `repository:lab/app:pull,push` → resource `repository:lab/app`, actions pull and push. */
function parseScope(scope: string): Access {
  const last = scope.lastIndexOf(':');
  return { resource: scope.slice(0, last), actions: scope.slice(last + 1).split(',') };
}

/** A push token also serves pulls of the same repository: no second token request. */
function covers(granted: string[], wanted: string[]): boolean {
  const have = granted.map(parseScope);
  return wanted.map(parseScope).every((w) => have.some((h) => h.resource === w.resource && w.actions.every((a) => h.actions.includes(a))));
}

export interface AuthenticatorOptions {
  now?: () => number;
}

/** Registries answer Docker's 60-second minimum when they omit expires_in. */
const DEFAULT_TOKEN_SECONDS = 60;
const MAX_TOKEN_BYTES = 256 * 1024;

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function basicFor(credentials: Credentials): string {
  return 'identityToken' in credentials ? basic(credentials.username ?? '<token>', credentials.identityToken) : basic(credentials.username, credentials.password);
}

/**
 * Adds the Authorization a registry asks for: none until it challenges, then Basic or a Bearer token
 * per registry and scope, cached until shortly before it expires. Only the registry's own origin
 * gets it; upload locations on other hosts go out bare.
 */
export class Authenticator {
  private readonly schemes = new Map<string, Scheme>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();
  private readonly now: () => number;

  constructor(
    private readonly transport: Transport,
    private readonly credentials: CredentialStore,
    options: AuthenticatorOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async send(request: AuthorizedRequest, context: OperationContext): Promise<TransportResponse> {
    const registryOrigin = new URL(this.transport.baseUrl(context.registry)).origin;
    if (new URL(request.url).origin !== registryOrigin) return this.transport.request(request, context);

    const first = await this.authorization(context, request.scopes, false);
    const response = await this.transport.request(withAuthorization(request, first), context);
    if (response.status !== 401) return response;

    const challenges = parseChallenges(response.headers.get('www-authenticate'));
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const scheme: Scheme | undefined = bearer?.params.realm
      ? { kind: 'bearer', realm: bearer.params.realm, ...(bearer.params.service !== undefined ? { service: bearer.params.service } : {}) }
      : challenges.some((c) => c.scheme === 'basic')
        ? { kind: 'basic' }
        : undefined;
    if (!scheme) return response;
    this.schemes.set(context.registry, scheme);
    if (first?.startsWith('Bearer ')) this.forget(first.slice('Bearer '.length));
    const second = await this.authorization(context, request.scopes, true);
    if (second === undefined || second === first) return response;
    await response.discard();
    return this.transport.request(withAuthorization(request, second), context);
  }

  private forget(token: string): void {
    for (const [key, cached] of this.tokens) if (cached.token === token) this.tokens.delete(key);
  }

  private async authorization(context: OperationContext, scopes: string[], fresh: boolean): Promise<string | undefined> {
    const scheme = this.schemes.get(context.registry);
    if (!scheme) return undefined;
    if (scheme.kind === 'basic') {
      const credentials = await this.credentials.get(context.registry);
      return credentials ? basicFor(credentials) : undefined;
    }
    return `Bearer ${(await this.token(context, scheme, scopes, fresh)).token}`;
  }

  private async token(context: OperationContext, scheme: Extract<Scheme, { kind: 'bearer' }>, scopes: string[], fresh: boolean): Promise<CachedToken> {
    const key = `${context.registry} ${scheme.realm} ${[...scopes].sort().join(' ')}`;
    if (!fresh) {
      const now = this.now();
      for (const cached of this.tokens.values()) {
        if (cached.registry === context.registry && cached.realm === scheme.realm && cached.expiresAt > now && covers(cached.scopes, scopes)) return cached;
      }
    }
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetchToken(context, scheme, scopes).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    const token = await pending;
    this.tokens.set(key, token);
    return token;
  }

  private async fetchToken(context: OperationContext, scheme: Extract<Scheme, { kind: 'bearer' }>, scopes: string[]): Promise<CachedToken> {
    const tokenContext: OperationContext = { ...context, operation: `get token for ${scopes.join(' ')} (${context.operation})` };
    const credentials = await this.credentials.get(context.registry);
    let response: TransportResponse | undefined;
    if (credentials && 'identityToken' in credentials) {
      response = await this.postRefreshToken(scheme, scopes, credentials.identityToken, tokenContext);
      // Registries without the OAuth2 POST flow (GCR, Artifactory) answer 404, 405 or 401: use GET.
      if ([401, 404, 405].includes(response.status)) {
        await response.discard();
        response = undefined;
      }
    }
    if (!response) {
      const url = new URL(scheme.realm);
      if (scheme.service !== undefined) url.searchParams.set('service', scheme.service);
      for (const scope of scopes) url.searchParams.append('scope', scope);
      const headers: Record<string, string> = credentials ? { authorization: basicFor(credentials) } : {};
      response = await this.transport.request({ method: 'GET', url: url.toString(), headers }, tokenContext);
    }
    const body = await response.text(MAX_TOKEN_BYTES);
    if (!response.ok) throw errorForStatus(tokenContext, { status: response.status, statusText: response.statusText, body, attempts: response.attempts });
    let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      throw new RegistryError({ ...tokenContext, code: 'INVALID_RESPONSE', status: response.status, problem: `the token endpoint ${scheme.realm} answered something that is not JSON` });
    }
    const token = typeof parsed.token === 'string' && parsed.token ? parsed.token : parsed.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new RegistryError({ ...tokenContext, code: 'INVALID_RESPONSE', status: response.status, problem: `the token endpoint ${scheme.realm} answered without a token` });
    }
    const seconds = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_SECONDS;
    // Renew a little early so a token never expires between the check and the registry reading it.
    return { token, expiresAt: this.now() + seconds * 900, registry: context.registry, realm: scheme.realm, scopes };
  }

  private postRefreshToken(scheme: Extract<Scheme, { kind: 'bearer' }>, scopes: string[], refreshToken: string, context: OperationContext): Promise<TransportResponse> {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'image-passport', scope: scopes.join(' ') });
    if (scheme.service !== undefined) form.set('service', scheme.service);
    return this.transport.request(
      { method: 'POST', url: scheme.realm, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form.toString()), idempotent: true },
      context,
    );
  }
}

function withAuthorization(request: AuthorizedRequest, authorization: string | undefined): TransportRequest {
  return authorization === undefined ? request : { ...request, headers: { ...request.headers, authorization } };
}
