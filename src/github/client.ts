import { GITHUB_BUNDLE_LIMIT_BYTES, formatMiB } from '../attest/size-limit.js';
import { GitHubApiError } from './errors.js';
import { GitHubHttp, nextLink, type GitHubHttpOptions, type Refusal } from './http.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

export interface RepositoryRef {
  owner: string;
  repo: string;
}

/** A Sigstore bundle in its JSON form (as @sigstore/bundle's bundleToJSON gives it). */
export type BundleJson = { mediaType: string } & Record<string, unknown>;

export interface GitHubAttestation {
  /** Absent when GitHub only gives `bundleUrl` (large bundles). */
  bundle?: BundleJson;
  bundleUrl?: string;
  repositoryId?: number;
  initiator?: string;
}

export type OwnerType = 'org' | 'user';

export interface ListAttestationsQuery {
  owner: string;
  /** Without it, the owner's attestations across repositories. */
  repo?: string;
  /** `sha256:<hex>` */
  digest: string;
  predicateType?: string;
  /** Unknown → organisation first, then user. */
  ownerType?: OwnerType;
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  start_column?: number;
  end_column?: number;
  raw_details?: string;
}

export interface CheckRunBody {
  name: string;
  head_sha: string;
  status?: 'queued' | 'in_progress' | 'completed';
  conclusion?: 'action_required' | 'cancelled' | 'failure' | 'neutral' | 'success' | 'skipped' | 'timed_out';
  details_url?: string;
  external_id?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title: string; summary: string; text?: string; annotations?: CheckRunAnnotation[] };
}

export interface CommitStatusBody {
  state: 'error' | 'failure' | 'pending' | 'success';
  target_url?: string;
  description?: string;
  context?: string;
}

const PER_PAGE = 100;
/** Pagination is followed this far at most, so a server that always says "next" cannot loop forever. */
const MAX_PAGES = 100;
/** GitHub's limits: bulk-list takes 1024 digests; a check run request takes 50 annotations. */
const BULK_LIST_MAX_DIGESTS = 1024;
const ANNOTATIONS_PER_REQUEST = 50;
/** A commit status description is cut at 140 characters by GitHub; cut it ourselves to keep the end readable. */
const STATUS_DESCRIPTION_MAX = 140;

export interface GitHubClientOptions extends Omit<GitHubHttpOptions, 'baseUrl'> {
  baseUrl?: string;
}

export class GitHubClient {
  readonly #http: GitHubHttp;

  constructor(options: GitHubClientOptions) {
    if (options.token === '') throw new GitHubApiError('unauthorized', 'no GitHub token: pass `github-token` (the default is the job token)');
    this.#http = new GitHubHttp({ ...options, baseUrl: options.baseUrl ?? DEFAULT_GITHUB_API_URL });
  }

  /** Base URL from GITHUB_API_URL, as the runner sets it for github.com, GHE.com and GHES. */
  static fromEnv(token: string, env: NodeJS.ProcessEnv = process.env, options: Omit<GitHubClientOptions, 'token' | 'baseUrl'> = {}): GitHubClient {
    const baseUrl = env['GITHUB_API_URL'] || DEFAULT_GITHUB_API_URL;
    return new GitHubClient({ ...options, token, baseUrl });
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  async createAttestation(repository: RepositoryRef, bundle: BundleJson): Promise<number> {
    const name = `${repository.owner}/${repository.repo}`;
    const body = { bundle };
    const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
    if (bytes > GITHUB_BUNDLE_LIMIT_BYTES) {
      throw new GitHubApiError('too-large', `the attestation for ${name} is ${bytes} bytes, over GitHub's ${formatMiB(GITHUB_BUNDLE_LIMIT_BYTES)} limit (${GITHUB_BUNDLE_LIMIT_BYTES} bytes): store it in the registry only`);
    }
    const response = await this.#http.request('POST', `/repos/${seg(repository.owner)}/${seg(repository.repo)}/attestations`, body, `storing the attestation for ${name}`, (refusal) =>
      attestationRefusal(name, refusal),
    );
    const id = (response.body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'number') throw new GitHubApiError('invalid-response', `GitHub stored the attestation for ${name} but answered without an id`, response.status);
    return id;
  }

  async listAttestations(query: ListAttestationsQuery): Promise<GitHubAttestation[]> {
    const digest = checkDigest(query.digest);
    const filter = query.predicateType === undefined ? '' : `&predicate_type=${encodeURIComponent(query.predicateType)}`;
    if (query.repo !== undefined) {
      const name = `${query.owner}/${query.repo}`;
      return this.#paginate(`/repos/${seg(query.owner)}/${seg(query.repo)}/attestations/${digest}?per_page=${PER_PAGE}${filter}`, `listing attestations of ${digest} in ${name}`, name);
    }
    return this.#asOwner(query.ownerType, (type) =>
      this.#paginate(`/${type === 'org' ? 'orgs' : 'users'}/${seg(query.owner)}/attestations/${digest}?per_page=${PER_PAGE}${filter}`, `listing attestations of ${digest} for ${query.owner}`, query.owner),
    );
  }

  /** One map entry per requested digest (empty when GitHub has none). */
  async bulkListAttestations(owner: string, digests: string[], options: { predicateType?: string; ownerType?: OwnerType } = {}): Promise<Map<string, GitHubAttestation[]>> {
    const wanted = [...new Set(digests.map(checkDigest))];
    const result = new Map<string, GitHubAttestation[]>(wanted.map((digest) => [digest, []]));
    for (let start = 0; start < wanted.length; start += BULK_LIST_MAX_DIGESTS) {
      const chunk = wanted.slice(start, start + BULK_LIST_MAX_DIGESTS);
      const found = await this.#asOwner(options.ownerType, (type) => this.#bulkPages(type, owner, chunk, options.predicateType));
      for (const [digest, attestations] of found) result.get(digest)?.push(...attestations);
    }
    return result;
  }

  async createCheckRun(repository: RepositoryRef, body: CheckRunBody): Promise<{ id: number; htmlUrl: string | undefined }> {
    const name = `${repository.owner}/${repository.repo}`;
    const annotations = body.output?.annotations ?? [];
    const first = body.output === undefined ? body : { ...body, output: { ...body.output, annotations: annotations.slice(0, ANNOTATIONS_PER_REQUEST) } };
    const refusal = (r: Refusal) => plainRefusal(`the check run for ${name}`, r, 'checks: write');
    const response = await this.#http.request('POST', `/repos/${seg(repository.owner)}/${seg(repository.repo)}/check-runs`, first, `creating the check run for ${name}`, refusal);
    const created = response.body as { id?: unknown; html_url?: unknown } | undefined;
    if (typeof created?.id !== 'number') throw new GitHubApiError('invalid-response', `GitHub created the check run for ${name} but answered without an id`, response.status);
    // The API takes 50 annotations per request; the rest are appended by updating the run.
    for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length && body.output; start += ANNOTATIONS_PER_REQUEST) {
      const output = { title: body.output.title, summary: body.output.summary, annotations: annotations.slice(start, start + ANNOTATIONS_PER_REQUEST) };
      await this.#http.request('PATCH', `/repos/${seg(repository.owner)}/${seg(repository.repo)}/check-runs/${created.id}`, { output }, `adding annotations to the check run for ${name}`, refusal);
    }
    return { id: created.id, htmlUrl: typeof created.html_url === 'string' ? created.html_url : undefined };
  }

  async createCommitStatus(repository: RepositoryRef, sha: string, body: CommitStatusBody): Promise<{ id: number }> {
    const name = `${repository.owner}/${repository.repo}@${sha.slice(0, 7)}`;
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new GitHubApiError('validation', `commit status for ${repository.owner}/${repository.repo}: "${sha}" is not a 40-digit commit SHA`);
    const description = body.description !== undefined && body.description.length > STATUS_DESCRIPTION_MAX ? `${body.description.slice(0, STATUS_DESCRIPTION_MAX - 1)}…` : body.description;
    const response = await this.#http.request(
      'POST',
      `/repos/${seg(repository.owner)}/${seg(repository.repo)}/statuses/${sha}`,
      { ...body, ...(description !== undefined && { description }) },
      `setting the commit status for ${name}`,
      (r) => plainRefusal(`the commit status for ${name}`, r, 'statuses: write'),
    );
    const id = (response.body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'number') throw new GitHubApiError('invalid-response', `GitHub set the commit status for ${name} but answered without an id`, response.status);
    return { id };
  }

  async #paginate(path: string, what: string, subject: string): Promise<GitHubAttestation[]> {
    const attestations: GitHubAttestation[] = [];
    let next: string | undefined = path;
    for (let page = 0; next !== undefined; page++) {
      if (page === MAX_PAGES) throw new GitHubApiError('invalid-response', `GitHub kept paginating after ${MAX_PAGES} pages while ${what}`);
      const response = await this.#http.request('GET', next, undefined, what, (r) => listRefusal(subject, r));
      const list = (response.body as { attestations?: unknown } | undefined)?.attestations;
      if (!Array.isArray(list)) throw new GitHubApiError('invalid-response', `GitHub answered without an "attestations" list while ${what}`, response.status);
      attestations.push(...list.map(toAttestation));
      next = nextLink(response.headers);
    }
    return attestations;
  }

  async #bulkPages(type: OwnerType, owner: string, digests: string[], predicateType: string | undefined): Promise<Map<string, GitHubAttestation[]>> {
    const found = new Map<string, GitHubAttestation[]>();
    const what = `bulk-listing attestations of ${digests.length} digests for ${owner}`;
    const base = `/${type === 'org' ? 'orgs' : 'users'}/${seg(owner)}/attestations/bulk-list?per_page=${PER_PAGE}`;
    const body = { subject_digests: digests, ...(predicateType !== undefined && { predicate_type: predicateType }) };
    let after: string | undefined;
    for (let page = 0; ; page++) {
      if (page === MAX_PAGES) throw new GitHubApiError('invalid-response', `GitHub kept paginating after ${MAX_PAGES} pages while ${what}`);
      const path = after === undefined ? base : `${base}&after=${encodeURIComponent(after)}`;
      const response = await this.#http.request('POST', path, body, what, (r) => listRefusal(owner, r));
      const data = response.body as { attestations_subject_digests?: unknown; page_info?: { has_next?: unknown; next?: unknown } } | undefined;
      const byDigest = data?.attestations_subject_digests;
      if (byDigest === null || typeof byDigest !== 'object') {
        throw new GitHubApiError('invalid-response', `GitHub answered without "attestations_subject_digests" while ${what}`, response.status);
      }
      for (const [digest, list] of Object.entries(byDigest as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        const entries = found.get(digest) ?? [];
        entries.push(...list.map(toAttestation));
        found.set(digest, entries);
      }
      const next = data?.page_info?.next;
      if (data?.page_info?.has_next !== true || typeof next !== 'string' || next === '') return found;
      after = next;
    }
  }

  /** Owner endpoints differ for organisations and users; an unknown owner is tried as both. */
  async #asOwner<T>(ownerType: OwnerType | undefined, call: (type: OwnerType) => Promise<T>): Promise<T> {
    if (ownerType !== undefined) return call(ownerType);
    try {
      return await call('org');
    } catch (error) {
      if (error instanceof GitHubApiError && error.kind === 'not-found') return call('user');
      throw error;
    }
  }
}

export function parseRepository(text: string): RepositoryRef {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) throw new GitHubApiError('validation', `repository "${text}" is not owner/name (GITHUB_REPOSITORY gives it in workflows)`);
  return { owner: match[1], repo: match[2] };
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

function checkDigest(digest: string): string {
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new GitHubApiError('validation', `"${digest}" is not a sha256:<64 hex> digest`);
  return digest;
}

function toAttestation(item: unknown): GitHubAttestation {
  const entry = (item ?? {}) as { bundle?: unknown; bundle_url?: unknown; repository_id?: unknown; initiator?: unknown };
  const bundle = entry.bundle !== null && typeof entry.bundle === 'object' && typeof (entry.bundle as { mediaType?: unknown }).mediaType === 'string' ? (entry.bundle as BundleJson) : undefined;
  return {
    ...(bundle && { bundle }),
    ...(typeof entry.bundle_url === 'string' && { bundleUrl: entry.bundle_url }),
    ...(typeof entry.repository_id === 'number' && { repositoryId: entry.repository_id }),
    ...(typeof entry.initiator === 'string' && { initiator: entry.initiator }),
  };
}

const PLAN_MESSAGE = /not available|make this repository public|upgrade/i;

function attestationRefusal(name: string, refusal: Refusal): GitHubApiError {
  const { status, message } = refusal;
  const prefix = `GitHub refused the attestation for ${name} (${status})`;
  if (PLAN_MESSAGE.test(message)) return new GitHubApiError('plan-unavailable', `${prefix}: ${message}`, status);
  if (status === 404) return new GitHubApiError('plan-unavailable', `${prefix}: attestations are not available for this repository's plan`, status);
  if (status === 401) return new GitHubApiError('unauthorized', `${prefix}: the token was not accepted (${message})`, status);
  if (status === 403) return new GitHubApiError('permission', `${prefix}: ${message}; the job needs \`permissions: attestations: write\``, status);
  if (status === 413) return new GitHubApiError('too-large', `${prefix}: the bundle is too large (${message})`, status);
  return new GitHubApiError('validation', `${prefix}: ${message}`, status);
}

function listRefusal(subject: string, refusal: Refusal): GitHubApiError {
  const { status, message } = refusal;
  const prefix = `GitHub refused listing attestations for ${subject} (${status})`;
  if (status === 404) return new GitHubApiError('not-found', `${prefix}: ${message}`, status);
  if (status === 401) return new GitHubApiError('unauthorized', `${prefix}: the token was not accepted (${message})`, status);
  if (status === 403) return new GitHubApiError('permission', `${prefix}: ${message}; the token needs \`attestations: read\``, status);
  return new GitHubApiError('validation', `${prefix}: ${message}`, status);
}

function plainRefusal(what: string, refusal: Refusal, permission: string): GitHubApiError {
  const { status, message } = refusal;
  const prefix = `GitHub refused ${what} (${status})`;
  if (status === 401) return new GitHubApiError('unauthorized', `${prefix}: the token was not accepted (${message})`, status);
  if (status === 403) return new GitHubApiError('permission', `${prefix}: ${message}; the job needs \`permissions: ${permission}\``, status);
  if (status === 404) return new GitHubApiError('not-found', `${prefix}: ${message}`, status);
  return new GitHubApiError('validation', `${prefix}: ${message}`, status);
}
