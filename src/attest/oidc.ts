import { AttestError, oneLine } from './errors.js';

export const SIGSTORE_AUDIENCE = 'sigstore';
export const MISSING_ID_TOKEN_PERMISSION = 'no OIDC token: the job needs `permissions: id-token: write`';

export interface IdentityTokenOptions {
  /** `--identity-token`: used as is, never fetched. */
  explicit?: string | undefined;
  env?: NodeJS.ProcessEnv;
  audience?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  tries?: number;
}

/** Claims are decoded for the summary only: Fulcio is what verifies the token. */
export type TokenClaims = Record<string, unknown>;

export async function getIdentityToken(options: IdentityTokenOptions = {}): Promise<string> {
  if (options.explicit !== undefined && options.explicit.trim() !== '') {
    const token = options.explicit.trim();
    decodeTokenClaims(token, '--identity-token');
    return token;
  }
  const env = options.env ?? process.env;
  const requestURL = env['ACTIONS_ID_TOKEN_REQUEST_URL'];
  const requestToken = env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  if (!requestURL || !requestToken) throw new AttestError('oidc-missing', MISSING_ID_TOKEN_PERMISSION);
  const audience = options.audience ?? SIGSTORE_AUDIENCE;
  // The request URL already carries `?api-version=…`, which is why @actions/core appends with `&` too.
  const url = `${requestURL}&audience=${encodeURIComponent(audience)}`;
  const token = await fetchActionsToken(url, requestToken, options);
  decodeTokenClaims(token, 'the Actions OIDC token service');
  return token;
}

async function fetchActionsToken(url: string, bearer: string, options: IdentityTokenOptions): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const tries = options.tries ?? 3;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let lastCause = '';
  for (let attempt = 1; attempt <= tries; attempt++) {
    if (attempt > 1) await delay(250 * 2 ** (attempt - 2));
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      lastCause = causeOf(error);
      continue;
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      lastCause = `HTTP ${response.status}`;
      continue;
    }
    if (!response.ok) {
      throw new AttestError('oidc-failed', `the Actions OIDC token service refused the token request (${response.status}): ${oneLine(text).slice(0, 200) || response.statusText}`);
    }
    let value: unknown;
    try {
      value = (JSON.parse(text) as { value?: unknown }).value;
    } catch {
      value = undefined;
    }
    if (typeof value !== 'string' || value === '') {
      throw new AttestError('oidc-failed', 'the Actions OIDC token service answered without a token (no "value" in its JSON)');
    }
    return value;
  }
  throw new AttestError('oidc-failed', `the Actions OIDC token service is unreachable after ${tries} tries: ${lastCause}`);
}

/** Decodes without verifying: `source` names where the token came from for the error line. */
export function decodeTokenClaims(token: string, source = 'the identity token'): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined || parts[1] === '') {
    throw new AttestError('oidc-failed', `${source} is not a JWT (expected three dot-separated parts)`);
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new AttestError('oidc-failed', `${source} is not a JWT (its payload is not base64url JSON)`);
  }
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) {
    throw new AttestError('oidc-failed', `${source} is not a JWT (its payload is not a JSON object)`);
  }
  return claims as TokenClaims;
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : '';
    return oneLine(detail && detail !== error.message ? `${error.message} (${detail})` : error.message);
  }
  return String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
