import { GitHubApiError } from './errors.js';

export interface GitHubHttpOptions {
  token: string;
  baseUrl: string;
  fetch?: typeof fetch;
  /** Attempts per request for network errors and 5xx, counting the first. */
  tries?: number;
  /** Longest wait for a rate limit to reset; beyond it the request fails at once. */
  maxRateLimitWaitMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
}

export interface GitHubResponse {
  status: number;
  headers: Headers;
  body: unknown;
  url: string;
}

/** A refusal GitHub sent, before the caller turns it into its own one-line error. */
export interface Refusal {
  status: number;
  message: string;
  headers: Headers;
}

export type RefusalHandler = (refusal: Refusal) => GitHubApiError;

const MAX_RATE_LIMIT_WAITS = 3;
/** GitHub's advice for a secondary rate limit that names no time: wait at least a minute. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/**
 * The one place requests to GitHub are made: auth headers, timeouts, bounded retries for 5xx and
 * network errors, and waiting out rate limits (Retry-After, x-ratelimit-reset) up to a cap.
 */
export class GitHubHttp {
  readonly baseUrl: string;
  readonly #origin: string;
  readonly #options: Required<Omit<GitHubHttpOptions, 'fetch' | 'token' | 'baseUrl'>> & { fetch: typeof fetch; token: string };

  constructor(options: GitHubHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#origin = new URL(this.baseUrl).origin;
    this.#options = {
      token: options.token,
      fetch: options.fetch ?? fetch,
      tries: Math.max(1, options.tries ?? 3),
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      userAgent: options.userAgent ?? 'image-passport',
    };
  }

  /** `pathOrUrl` is an API path or a pagination URL GitHub returned (which must stay on the API's origin). */
  async request(method: string, pathOrUrl: string, body: unknown, what: string, refused: RefusalHandler): Promise<GitHubResponse> {
    const url = pathOrUrl.startsWith('/') ? `${this.baseUrl}${pathOrUrl}` : pathOrUrl;
    if (new URL(url).origin !== this.#origin) {
      throw new GitHubApiError('invalid-response', `GitHub sent a link to ${new URL(url).origin} while ${what}; refusing to send the token there`);
    }
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let lastCause = '';
    let rateLimitWaits = 0;
    for (let attempt = 1; attempt <= this.#options.tries; ) {
      let response: Response;
      try {
        response = await this.#options.fetch(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${this.#options.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': this.#options.userAgent,
            ...(payload !== undefined && { 'content-type': 'application/json' }),
          },
          ...(payload !== undefined && { body: payload }),
          signal: AbortSignal.timeout(this.#options.timeoutMs),
        });
      } catch (error) {
        lastCause = networkCause(error);
        attempt++;
        if (attempt <= this.#options.tries) await this.#options.sleep(backoff(attempt));
        continue;
      }
      const text = await response.text();
      const parsed = parseJson(text);
      if (response.ok) return { status: response.status, headers: response.headers, body: parsed, url };
      const message = githubMessage(parsed, text, response.statusText);
      const wait = rateLimitWait(response, message);
      if (wait !== undefined) {
        if (wait > this.#options.maxRateLimitWaitMs || rateLimitWaits >= MAX_RATE_LIMIT_WAITS) {
          throw new GitHubApiError('rate-limited', `GitHub API rate limit exceeded while ${what}; it resets at ${new Date(Date.now() + wait).toISOString()}`, response.status);
        }
        rateLimitWaits++;
        await this.#options.sleep(wait);
        continue;
      }
      if (response.status >= 500) {
        lastCause = `HTTP ${response.status} ${message}`;
        attempt++;
        if (attempt <= this.#options.tries) await this.#options.sleep(backoff(attempt));
        continue;
      }
      throw refused({ status: response.status, message, headers: response.headers });
    }
    throw new GitHubApiError('network', `GitHub API at ${this.baseUrl} unreachable after ${this.#options.tries} tries while ${what}: ${lastCause}`);
  }
}

function backoff(attempt: number): number {
  return 500 * 2 ** (attempt - 2);
}

function rateLimitWait(response: Response, message: string): number | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim()) * 1000;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now()) + 1000;
  }
  if (response.status === 429 || /rate limit/i.test(message)) return SECONDARY_LIMIT_WAIT_MS;
  return undefined;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function githubMessage(parsed: unknown, text: string, statusText: string): string {
  const message = (parsed as { message?: unknown } | undefined)?.message;
  const raw = typeof message === 'string' && message !== '' ? message : text !== '' && parsed === undefined ? text.slice(0, 200) : statusText;
  return raw.replace(/\s+/g, ' ').trim() || 'no message';
}

function networkCause(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : '';
    return (detail && detail !== error.message ? `${error.message} (${detail})` : error.message).replace(/\s+/g, ' ');
  }
  return String(error);
}

/** The rel="next" URL of a Link header, which is how GitHub paginates the attestation lists. */
export function nextLink(headers: Headers): string | undefined {
  const link = headers.get('link');
  if (link === null) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return match[1];
  }
  return undefined;
}
