import { Readable } from 'node:stream';
import type { ReadableStreamDefaultReader, ReadableStreamReadResult } from 'node:stream/web';
import { errorForNetwork, isConnectionReset, RegistryError, type OperationContext } from './errors.js';
import { DOCKER_HUB } from './reference.js';

export interface TransportOptions {
  /** Per request: until the headers arrive, and then between two chunks of the body. */
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for; the request fails at once. */
  maxRetryAfterMs?: number;
  maxRedirects?: number;
  /** Hosts (`name` or `name:port`) spoken to over plain HTTP besides loopback ones. */
  insecureRegistries?: string[];
  fetch?: typeof fetch;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
}

export interface TransportRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /**
   * Whether sending it twice is harmless; defaults to true for GET, HEAD, PUT and DELETE. Requests that
   * are not are retried only on 429, which a registry answers before doing anything.
   */
  idempotent?: boolean;
}

const USER_AGENT = 'image-passport (+https://github.com/image-passport)';
const DOCKER_HUB_API = 'registry-1.docker.io';

function hostWithoutPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? host;
}

/** Docker speaks plain HTTP to these without being told. */
export function isLoopbackHost(host: string): boolean {
  const name = hostWithoutPort(host).toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A response whose body reads are bounded in size and in idle time, failing with a RegistryError. */
export class TransportResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;
  readonly attempts: number;
  readonly retryAfterSeconds: number | undefined;
  private readonly response: Response;
  private readonly controller: AbortController;
  private readonly timeoutMs: number;
  private readonly context: OperationContext;

  constructor(response: Response, controller: AbortController, timeoutMs: number, context: OperationContext, attempts: number, retryAfterMs: number | undefined) {
    this.response = response;
    this.status = response.status;
    this.statusText = response.statusText;
    this.headers = response.headers;
    this.url = response.url;
    this.controller = controller;
    this.timeoutMs = timeoutMs;
    this.context = context;
    this.attempts = attempts;
    this.retryAfterSeconds = retryAfterMs !== undefined ? Math.ceil(retryAfterMs / 1000) : undefined;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** Content-Length when the registry sent one. */
  get contentLength(): number | undefined {
    const value = this.headers.get('content-length');
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  }

  private fail(code: 'TIMEOUT' | 'TOO_LARGE', problem: string): RegistryError {
    return new RegistryError({ ...this.context, code, status: this.status, problem });
  }

  private async readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.controller.abort();
    }, this.timeoutMs);
    try {
      return await reader.read();
    } catch (error) {
      if (timedOut) throw this.fail('TIMEOUT', `the body from ${new URL(this.url).origin} stalled for ${this.timeoutMs / 1000}s`);
      throw errorForNetwork(this.context, this.url, error);
    } finally {
      clearTimeout(timer);
    }
  }

  async bytes(maxBytes: number): Promise<Buffer> {
    const declared = this.contentLength;
    if (declared !== undefined && declared > maxBytes) {
      await this.discard();
      throw this.fail('TOO_LARGE', `the response is ${declared} bytes, more than the limit of ${maxBytes}`);
    }
    const body = this.response.body;
    if (!body) return Buffer.alloc(0);
    const reader = body.getReader();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await this.readChunk(reader);
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw this.fail('TOO_LARGE', `the response is more than the limit of ${maxBytes} bytes`);
      }
      chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
  }

  async text(maxBytes = 64 * 1024): Promise<string> {
    return (await this.bytes(maxBytes)).toString('utf8');
  }

  /** The body as a Node stream that pulls only when read, so a slow consumer never trips the timeout. */
  stream(): Readable {
    const body = this.response.body;
    if (!body) return Readable.from([]);
    const reader = body.getReader();
    const stream: Readable = new Readable({
      read: () => {
        this.readChunk(reader).then(
          ({ done, value }) => {
            stream.push(done ? null : Buffer.from(value));
          },
          (error: unknown) => stream.destroy(error as Error),
        );
      },
      destroy: (error, callback) => {
        reader.cancel().catch(() => undefined);
        callback(error);
      },
    });
    return stream;
  }

  async discard(): Promise<void> {
    await this.response.body?.cancel().catch(() => undefined);
  }
}

export class Transport {
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxRedirects: number;
  private readonly insecure: Set<string>;
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;

  constructor(options: TransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 250;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? 10_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.insecure = new Set((options.insecureRegistries ?? []).map((host) => host.toLowerCase()));
    this.fetchImpl = options.fetch ?? fetch;
    this.random = options.random ?? Math.random;
  }

  /** `docker.io` is a name; its API lives at registry-1.docker.io. */
  baseUrl(registry: string): string {
    const host = registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
    return `${this.allowsPlainHttp(host) ? 'http' : 'https'}://${host}`;
  }

  allowsPlainHttp(host: string): boolean {
    const lower = host.toLowerCase();
    return isLoopbackHost(lower) || this.insecure.has(lower) || this.insecure.has(hostWithoutPort(lower));
  }

  /** Sends with retries; non-2xx statuses are returned, network failures thrown as RegistryError. */
  async request(request: TransportRequest, context: OperationContext): Promise<TransportResponse> {
    const idempotent = request.idempotent ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method);
    for (let attempt = 1; ; attempt += 1) {
      const canRetry = attempt <= this.maxRetries;
      let response: TransportResponse;
      try {
        response = await this.followRedirects(request, context, attempt);
      } catch (error) {
        if (canRetry && idempotent && !(error instanceof RegistryError) && isConnectionReset(error)) {
          await sleep(this.backoff(attempt));
          continue;
        }
        throw error instanceof RegistryError ? error : errorForNetwork(context, request.url, error);
      }
      const status = response.status;
      const retryable = status === 429 || (idempotent && status >= 500 && status !== 501 && status !== 505);
      if (!retryable || !canRetry) return response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      if (retryAfter !== undefined && retryAfter > this.maxRetryAfterMs) return response;
      await response.discard();
      await sleep(retryAfter ?? this.backoff(attempt));
    }
  }

  /** Exponential with "equal jitter": at least half the step, so waits grow, never in lockstep. */
  private backoff(attempt: number): number {
    const step = Math.min(this.retryMaxDelayMs, this.retryBaseMs * 2 ** (attempt - 1));
    return step / 2 + this.random() * (step / 2);
  }

  /**
   * Redirects are followed by hand: fetch would carry the Authorization header to whatever host a
   * registry names, and blob downloads are redirected to storage hosts.
   */
  private async followRedirects(request: TransportRequest, context: OperationContext, attempt: number): Promise<TransportResponse> {
    let url = new URL(request.url);
    const origin = url.origin;
    let method = request.method;
    let body = request.body;
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...request.headers };
    for (let hop = 0; ; hop += 1) {
      const { response, controller } = await this.send(url, method, headers, body, context);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        return new TransportResponse(response, controller, this.timeoutMs, context, attempt, retryAfter);
      }
      await response.body?.cancel().catch(() => undefined);
      if (hop >= this.maxRedirects) {
        throw new RegistryError({ ...context, code: 'REDIRECT', status: response.status, problem: `more than ${this.maxRedirects} redirects, the last to ${location}` });
      }
      const next = new URL(location, url);
      if (next.protocol === 'http:' && url.protocol === 'https:' && !this.allowsPlainHttp(next.host)) {
        throw new RegistryError({ ...context, code: 'INSECURE', status: response.status, problem: `refusing a redirect from HTTPS to plain HTTP (${next.origin})` });
      }
      if (next.origin !== origin) {
        delete headers.authorization;
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = next;
    }
  }

  private async send(url: URL, method: string, headers: Record<string, string>, body: Uint8Array | undefined, context: OperationContext): Promise<{ response: Response; controller: AbortController }> {
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.allowsPlainHttp(url.host))) {
      throw new RegistryError({ ...context, code: 'INSECURE', problem: `refusing to send a request to ${url.origin} over ${url.protocol.replace(':', '')}`, hint: 'list the host as an insecure registry if it serves plain HTTP' });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const response = await this.fetchImpl(url, { method, headers, body: body ?? null, redirect: 'manual', signal: controller.signal });
      return { response, controller };
    } catch (error) {
      if (timedOut) {
        throw new RegistryError({ ...context, code: 'TIMEOUT', problem: `no response from ${url.origin} within ${this.timeoutMs / 1000}s` });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
