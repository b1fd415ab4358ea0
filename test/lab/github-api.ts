import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeErrors, loadOperations, type OperationSchemas } from './github-openapi.js';
import { listen, readBody, sendJson } from './net.js';

export const LAB_GITHUB_TOKEN = 'ghs_imagepassportlab0000000000000000000';

export type AttestationsMode = 'enabled' | 'forbidden' | 'not-found';

export interface GitHubApiConfig {
  /** Per repository (`owner/repo`) or `*`: how `POST …/attestations` answers, as on plans without the feature. */
  attestations?: Record<string, AttestationsMode>;
}

export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  operationId: string | null;
  body: unknown;
  status: number;
  response: unknown;
}

export interface GitHubApiOptions {
  /** Repository numeric ids (`owner/repo` → id), so attestations carry the id the OIDC claims name. */
  repositoryIds?: Record<string, number>;
  /** Real GitHub refuses bundles that do not verify; the lab checks them against its own trusted root. */
  verifyBundle?: (bundle: unknown) => Promise<void>;
}

export interface GitHubApi {
  url: string;
  token: string;
  requests(filter?: { since?: number; pathPrefix?: string }): RecordedRequest[];
  configure(config: GitHubApiConfig): void;
  close(): Promise<void>;
}

interface StoredAttestation {
  id: number;
  owner: string;
  repo: string;
  repositoryId: number;
  subjects: string[];
  predicateType: string;
  bundle: Record<string, unknown>;
}

const OPERATIONS = [
  { method: 'POST', path: '/repos/{owner}/{repo}/attestations' },
  { method: 'GET', path: '/repos/{owner}/{repo}/attestations/{subject_digest}' },
  { method: 'GET', path: '/orgs/{org}/attestations/{subject_digest}' },
  { method: 'GET', path: '/users/{username}/attestations/{subject_digest}' },
  { method: 'POST', path: '/orgs/{org}/attestations/bulk-list' },
  { method: 'POST', path: '/users/{username}/attestations/bulk-list' },
  { method: 'POST', path: '/repos/{owner}/{repo}/check-runs' },
  { method: 'PATCH', path: '/repos/{owner}/{repo}/check-runs/{check_run_id}' },
  { method: 'POST', path: '/repos/{owner}/{repo}/statuses/{sha}' },
];

const PREDICATE_ALIASES: Record<string, (type: string) => boolean> = {
  provenance: (type) => type.startsWith('https://slsa.dev/provenance/'),
  sbom: (type) => type.startsWith('https://spdx.dev/Document') || type.startsWith('https://cyclonedx.org/bom'),
  release: (type) => type.startsWith('https://in-toto.io/attestation/release/'),
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

function githubError(status: number, message: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra });
}

function stableId(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) + 1;
}

function subjectsOf(bundle: Record<string, unknown>): { subjects: string[]; predicateType: string } {
  const envelope = bundle.dsseEnvelope as { payload?: unknown; payloadType?: unknown } | undefined;
  if (typeof envelope?.payload !== 'string') throw githubError(422, 'Invalid bundle: dsseEnvelope.payload is required');
  if (envelope.payloadType !== 'application/vnd.in-toto+json') throw githubError(422, 'Invalid bundle: payloadType must be application/vnd.in-toto+json');
  let statement: { subject?: { digest?: Record<string, string> }[]; predicateType?: unknown };
  try {
    statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as typeof statement;
  } catch {
    throw githubError(422, 'Invalid bundle: the payload is not an in-toto statement');
  }
  const subjects = (statement.subject ?? []).flatMap((subject) => Object.entries(subject.digest ?? {}).map(([alg, hex]) => `${alg}:${hex}`));
  if (subjects.length === 0 || typeof statement.predicateType !== 'string') throw githubError(422, 'Invalid bundle: the statement needs subjects with digests and a predicateType');
  return { subjects, predicateType: statement.predicateType };
}

function user(login: string, id: number, apiUrl: string): Record<string, unknown> {
  const base = `${apiUrl}/users/${encodeURIComponent(login)}`;
  return {
    login, id, node_id: `U_lab${id}`, avatar_url: `https://avatars.githubusercontent.com/u/${id}`, gravatar_id: '', url: base,
    html_url: `https://github.com/apps/${encodeURIComponent(login.replace(/\[bot\]$/, ''))}`, followers_url: `${base}/followers`, following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`, starred_url: `${base}/starred{/owner}{/repo}`, subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`, repos_url: `${base}/repos`, events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`, type: 'Bot', site_admin: false,
  };
}

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const operations = await loadOperations(OPERATIONS);
  const records: RecordedRequest[] = [];
  const attestations: StoredAttestation[] = [];
  const checkRuns = new Map<number, Record<string, unknown>>();
  const config: Required<GitHubApiConfig> = { attestations: {} };
  let nextId = 1000;
  let apiUrl = '';

  const repositoryId = (owner: string, repo: string): number => options.repositoryIds?.[`${owner}/${repo}`] ?? stableId(`${owner}/${repo}`);

  const page = (request: URL, items: StoredAttestation[]): { slice: StoredAttestation[]; next: string | null } => {
    const perPage = Math.min(Number(request.searchParams.get('per_page') ?? 30) || 30, 100);
    const after = request.searchParams.get('after');
    const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0) throw githubError(422, `Invalid cursor "${after}"`);
    const slice = items.slice(start, start + perPage);
    const next = start + perPage < items.length ? Buffer.from(String(start + perPage)).toString('base64url') : null;
    return { slice, next };
  };

  const matching = (digest: string, predicate: string | null, scope: (a: StoredAttestation) => boolean) =>
    attestations.filter(
      (a) => scope(a) && a.subjects.includes(digest) && (!predicate || (PREDICATE_ALIASES[predicate]?.(a.predicateType) ?? a.predicateType === predicate)),
    );

  const listResponse = (request: URL, res: ServerResponse, items: StoredAttestation[]) => {
    const { slice, next } = page(request, items);
    if (next) {
      const link = new URL(request.href);
      link.searchParams.set('after', next);
      res.setHeader('link', `<${apiUrl}${link.pathname}${link.search}>; rel="next"`);
    }
    return { attestations: slice.map((a) => ({ bundle: a.bundle, repository_id: a.repositoryId })) };
  };

  const bulk = (body: { subject_digests: string[]; predicate_type?: string }, scope: (a: StoredAttestation) => boolean) => ({
    attestations_subject_digests: Object.fromEntries(
      body.subject_digests.map((digest) => [digest, matching(digest, body.predicate_type ?? null, scope).map((a) => ({ bundle: a.bundle, repository_id: a.repositoryId }))]),
    ),
    page_info: { has_next: false, has_previous: false, next: '', previous: '' },
  });

  const handlers: Record<string, (p: Record<string, string>, body: unknown, request: URL, res: ServerResponse) => Promise<[number, unknown]>> = {
    'repos/create-attestation': async (p, body) => {
      const mode = config.attestations[`${p.owner}/${p.repo}`] ?? config.attestations['*'] ?? 'enabled';
      if (mode === 'not-found') throw githubError(404, 'Not Found');
      if (mode === 'forbidden') throw githubError(403, 'Attestations are not available for this repository on its current plan');
      const bundle = (body as { bundle: Record<string, unknown> }).bundle;
      if (typeof bundle.mediaType !== 'string' || !bundle.mediaType.startsWith('application/vnd.dev.sigstore.bundle')) throw githubError(422, 'Invalid bundle: unknown mediaType');
      const { subjects, predicateType } = subjectsOf(bundle);
      if (options.verifyBundle) {
        try {
          await options.verifyBundle(bundle);
        } catch (error) {
          throw githubError(422, `Invalid bundle: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const id = nextId++;
      attestations.push({ id, owner: p.owner ?? '', repo: p.repo ?? '', repositoryId: repositoryId(p.owner ?? '', p.repo ?? ''), subjects, predicateType, bundle });
      return [201, { id }];
    },
    'repos/list-attestations': async (p, _body, request, res) => [200, listResponse(request, res, matching(p.subject_digest ?? '', request.searchParams.get('predicate_type'), (a) => a.owner === p.owner && a.repo === p.repo))],
    'orgs/list-attestations': async (p, _body, request, res) => [200, listResponse(request, res, matching(p.subject_digest ?? '', request.searchParams.get('predicate_type'), (a) => a.owner === p.org))],
    'users/list-attestations': async (p, _body, request, res) => [200, listResponse(request, res, matching(p.subject_digest ?? '', request.searchParams.get('predicate_type'), (a) => a.owner === p.username))],
    'orgs/list-attestations-bulk': async (p, body) => [200, bulk(body as { subject_digests: string[] }, (a) => a.owner === p.org)],
    'users/list-attestations-bulk': async (p, body) => [200, bulk(body as { subject_digests: string[] }, (a) => a.owner === p.username)],
    'checks/create': async (p, body) => {
      const input = body as Record<string, unknown> & { output?: Record<string, unknown> };
      const id = nextId++;
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const conclusion = (input.conclusion as string | undefined) ?? null;
      const run: Record<string, unknown> = {
        id, node_id: `CR_lab${id}`, head_sha: input.head_sha, name: input.name, external_id: input.external_id ?? '',
        url: `${apiUrl}/repos/${p.owner}/${p.repo}/check-runs/${id}`, html_url: `https://github.com/${p.owner}/${p.repo}/runs/${id}`,
        details_url: input.details_url ?? null, status: conclusion ? 'completed' : (input.status ?? 'queued'), conclusion,
        started_at: input.started_at ?? now, completed_at: conclusion ? (input.completed_at ?? now) : null,
        output: {
          title: input.output?.title ?? null, summary: input.output?.summary ?? null, text: input.output?.text ?? null,
          annotations_count: Array.isArray(input.output?.annotations) ? input.output.annotations.length : 0,
          annotations_url: `${apiUrl}/repos/${p.owner}/${p.repo}/check-runs/${id}/annotations`,
        },
        check_suite: { id: id + 1 }, app: null, pull_requests: [],
      };
      checkRuns.set(id, run);
      return [201, run];
    },
    'checks/update': async (p, body) => {
      const run = checkRuns.get(Number(p.check_run_id));
      if (!run) throw githubError(404, 'Not Found');
      const input = body as Record<string, unknown> & { output?: Record<string, unknown> };
      const output = run.output as Record<string, unknown>;
      if (input.output) {
        Object.assign(output, { title: input.output.title ?? output.title, summary: input.output.summary ?? output.summary, text: input.output.text ?? output.text });
        if (Array.isArray(input.output.annotations)) output.annotations_count = Number(output.annotations_count) + input.output.annotations.length;
      }
      if (input.conclusion) Object.assign(run, { conclusion: input.conclusion, status: 'completed', completed_at: input.completed_at ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
      return [200, run];
    },
    'repos/create-commit-status': async (p, body) => {
      const input = body as { state: string; target_url?: string | null; description?: string | null; context?: string };
      const id = nextId++;
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      return [201, {
        url: `${apiUrl}/repos/${p.owner}/${p.repo}/statuses/${p.sha}`, avatar_url: null, id, node_id: `SC_lab${id}`, state: input.state,
        description: input.description ?? null, target_url: input.target_url ?? null, context: input.context ?? 'default',
        created_at: now, updated_at: now, creator: user('github-actions[bot]', 41898282, apiUrl),
      }];
    },
  };

  const dispatch = async (req: IncomingMessage, res: ServerResponse, request: URL, record: RecordedRequest): Promise<[number, unknown]> => {
    const auth = req.headers.authorization ?? '';
    if (!/^(token|bearer)\s+/i.test(auth) || auth.replace(/^(token|bearer)\s+/i, '') !== LAB_GITHUB_TOKEN) throw githubError(401, 'Bad credentials');
    let operation: OperationSchemas | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of operations) {
      if (candidate.method !== req.method) continue;
      match = candidate.pattern.exec(request.pathname);
      if (match) {
        operation = candidate;
        break;
      }
    }
    if (!operation || !match) throw githubError(404, 'Not Found');
    record.operationId = operation.operationId;
    const params: Record<string, string> = {};
    operation.paramNames.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1] ?? '')));
    const candidateParams: Record<string, unknown> = { ...Object.fromEntries(request.searchParams), ...params };
    if (!operation.validateParams(candidateParams)) throw githubError(422, 'Validation Failed', { errors: describeErrors(operation.validateParams.errors) });
    let body: unknown = undefined;
    if (operation.validateBody) {
      const text = (await readBody(req)).toString('utf8');
      try {
        body = JSON.parse(text);
      } catch {
        throw githubError(400, 'Problems parsing JSON');
      }
      record.body = body;
      if (!operation.validateBody(body)) throw githubError(422, 'Validation Failed', { errors: describeErrors(operation.validateBody.errors) });
    }
    const handler = handlers[operation.operationId];
    if (!handler) throw githubError(404, 'Not Found');
    const [status, response] = await handler(params, body, request, res);
    const validate = operation.validateResponse.get(status);
    if (validate && !validate(response)) {
      throw githubError(500, `lab GitHub stand-in produced a response that breaks ${operation.operationId}'s schema: ${describeErrors(validate.errors).map((e) => e.message).join('; ')}`);
    }
    return [status, response];
  };

  const server = await listen(async (req, res) => {
    const request = new URL(req.url ?? '/', apiUrl);
    if (request.pathname.startsWith('/__lab/')) {
      if (req.method === 'GET' && request.pathname === '/__lab/requests') {
        const since = Number(request.searchParams.get('since') ?? 0);
        return sendJson(res, 200, { requests: requestsMatching({ since, pathPrefix: request.searchParams.get('path_prefix') ?? undefined }) });
      }
      if (req.method === 'POST' && request.pathname === '/__lab/github-config') {
        configure(JSON.parse((await readBody(req)).toString('utf8') || '{}') as GitHubApiConfig);
        return sendJson(res, 200, config);
      }
      return sendJson(res, 404, { message: 'Not Found' });
    }
    const record: RecordedRequest = { seq: records.length + 1, method: req.method ?? '', path: request.pathname, query: Object.fromEntries(request.searchParams), operationId: null, body: null, status: 0, response: null };
    records.push(record);
    let status: number;
    let response: unknown;
    try {
      [status, response] = await dispatch(req, res, request, record);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      [status, response] = [error.status, error.body];
    }
    record.status = status;
    record.response = response;
    sendJson(res, status, response, { 'x-github-request-id': `LAB:${record.seq}`, 'x-github-api-version-selected': '2022-11-28' });
  });
  apiUrl = `http://127.0.0.1:${server.port}`;

  function requestsMatching(filter: { since?: number; pathPrefix?: string } = {}): RecordedRequest[] {
    return records.filter((r) => r.seq > (filter.since ?? 0) && (!filter.pathPrefix || r.path.startsWith(filter.pathPrefix)));
  }
  function configure(update: GitHubApiConfig): void {
    Object.assign(config.attestations, update.attestations ?? {});
  }

  return { url: apiUrl, token: LAB_GITHUB_TOKEN, requests: requestsMatching, configure, close: () => server.close() };
}
