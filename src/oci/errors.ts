export type RegistryErrorCode =
  | 'UNAUTHORIZED'
  | 'DENIED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'HTTP_ERROR'
  | 'PRECONDITION_FAILED'
  | 'UNREACHABLE'
  | 'CONNECTION_RESET'
  | 'TIMEOUT'
  | 'TLS'
  | 'INSECURE'
  | 'REDIRECT'
  | 'DIGEST_MISMATCH'
  | 'TOO_LARGE'
  | 'INVALID_RESPONSE'
  | 'CREDENTIALS'
  | 'INVALID_REQUEST'
  | 'RACE';

/** What a request was for; every error names it. */
export interface OperationContext {
  registry: string;
  repository?: string;
  /** e.g. `get manifest latest`, `push blob sha256:…`. */
  operation: string;
}

export interface RegistryErrorDetails extends OperationContext {
  code: RegistryErrorCode;
  status?: number;
  problem: string;
  hint?: string;
  cause?: unknown;
}

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly registry: string;
  readonly repository: string | undefined;
  readonly operation: string;
  readonly status: number | undefined;
  readonly code: RegistryErrorCode;
  readonly hint: string | undefined;

  constructor(details: RegistryErrorDetails) {
    const where = details.repository ? `${details.registry}/${details.repository}` : details.registry;
    const status = details.status !== undefined ? `HTTP ${details.status}` : 'no HTTP response';
    const hint = details.hint ? `; ${oneLine(details.hint)}` : '';
    super(`${details.operation} on ${where} failed (${status}): ${oneLine(details.problem)}${hint}`, { cause: details.cause });
    this.registry = details.registry;
    this.repository = details.repository;
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.hint = details.hint;
  }
}

function loginHint(registry: string): string {
  return `check the credentials for ${registry} (docker login ${registry})`;
}

/** Distribution's `{"errors":[{"code","message","detail"}]}`, or the body's first line. */
export function describeErrorBody(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: string; message?: string }[] };
    const first = parsed.errors?.[0];
    if (first) return [first.code, first.message].filter(Boolean).join(' ');
  } catch {
    // not JSON: fall through to the text
  }
  const text = oneLine(body, 160);
  return text === '' ? undefined : text;
}

export interface ResponseFacts {
  status: number;
  statusText?: string;
  body?: string;
  attempts?: number;
  retryAfterSeconds?: number;
}

export function errorForStatus(context: OperationContext, response: ResponseFacts, problem?: string): RegistryError {
  const { status } = response;
  const said = response.body !== undefined ? describeErrorBody(response.body) : undefined;
  const base = problem ?? said ?? (response.statusText || `status ${status}`);
  const detail = problem && said ? `${problem} (registry said: ${said})` : base;
  const retried = response.attempts && response.attempts > 1 ? `, gave up after ${response.attempts} attempts` : '';
  const make = (code: RegistryErrorCode, hint?: string): RegistryError =>
    new RegistryError({ ...context, code, status, problem: detail, ...(hint !== undefined ? { hint } : {}) });
  if (status === 401) return make('UNAUTHORIZED', loginHint(context.registry));
  if (status === 403) return make('DENIED', `the credentials for ${context.registry} are not granted this access; ${loginHint(context.registry)}`);
  if (status === 404) return make('NOT_FOUND', 'check the repository name, tag and digest');
  if (status === 412) return make('PRECONDITION_FAILED', 'the content changed while it was being updated');
  if (status === 429) {
    const wait = response.retryAfterSeconds !== undefined ? `; the registry asked to wait ${response.retryAfterSeconds}s` : '';
    return make('RATE_LIMITED', `rate limited${retried}${wait}; retry later or authenticate for a higher limit`);
  }
  if (status >= 500) return make('SERVER_ERROR', `the registry failed${retried}; retry later`);
  return make('HTTP_ERROR');
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The first `code` down a `cause` chain: undici wraps socket errors in `TypeError: fetch failed`. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isConnectionReset(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && RESET_CODES.has(code);
}

export function errorForNetwork(context: OperationContext, url: string, error: unknown): RegistryError {
  const code = networkErrorCode(error) ?? '';
  const origin = new URL(url).origin;
  const make = (errorCode: RegistryErrorCode, problem: string, hint?: string): RegistryError =>
    new RegistryError({ ...context, code: errorCode, problem, cause: error, ...(hint !== undefined ? { hint } : {}) });
  if (code === 'ECONNREFUSED') return make('UNREACHABLE', `registry unreachable: connection refused at ${origin}`, 'is the registry running, and are host and port right?');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return make('UNREACHABLE', `registry unreachable: host ${new URL(url).host} not found`, 'check the registry name');
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return make('UNREACHABLE', `registry unreachable: no route to ${origin}`);
  if (RESET_CODES.has(code)) return make('CONNECTION_RESET', `the connection to ${origin} was reset`, 'retry later');
  if (/^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|EPROTO)/.test(code)) {
    return make('TLS', `TLS handshake with ${origin} failed (${code})`, `if ${context.registry} serves plain HTTP, list it as an insecure registry`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return make('UNREACHABLE', `request to ${origin} failed: ${code ? `${code} ` : ''}${message}`);
}
