export const id = 878;
export const ids = [878];
export const modules = {

/***/ 68474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pf: () => (/* binding */ checkGitHubBundleSize),
/* harmony export */   av: () => (/* binding */ formatMiB),
/* harmony export */   pb: () => (/* binding */ GITHUB_BUNDLE_LIMIT_BYTES)
/* harmony export */ });
/** GitHub's attestations API refuses a bundle over 16 MiB. */
const GITHUB_BUNDLE_LIMIT_BYTES = 16 * 1024 * 1024;
/**
 * What a DSSE bundle adds around the base64 payload: the leaf certificate, a Rekor entry with its
 * canonicalised body and inclusion proof, RFC 3161 timestamps, the signature. Real bundles carry
 * 5-10 KiB; the margin is generous so a statement that passes here never fails at GitHub.
 */
const BUNDLE_OVERHEAD_BYTES = 64 * 1024;
/** Decided before signing, so an oversized SBOM is signed once and stored in the registry only. */
function checkGitHubBundleSize(statementBytes) {
    const estimatedBundleBytes = Math.ceil(statementBytes / 3) * 4 + BUNDLE_OVERHEAD_BYTES;
    return { estimatedBundleBytes, fitsGitHub: estimatedBundleBytes <= GITHUB_BUNDLE_LIMIT_BYTES };
}
function formatMiB(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}


/***/ }),

/***/ 20274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jh: () => (/* binding */ GitHubClient),
  SU: () => (/* binding */ parseRepository)
});

// UNUSED EXPORTS: DEFAULT_GITHUB_API_URL

// EXTERNAL MODULE: ./src/attest/size-limit.ts
var size_limit = __webpack_require__(68474);
;// CONCATENATED MODULE: ./src/github/errors.ts
/** One line naming what was refused, for whom, with the status and GitHub's reason. */
class GitHubApiError extends Error {
    name = 'GitHubApiError';
    kind;
    status;
    constructor(kind, message, status) {
        super(message);
        this.kind = kind;
        this.status = status;
    }
}

;// CONCATENATED MODULE: ./src/github/http.ts

const MAX_RATE_LIMIT_WAITS = 3;
/** GitHub's advice for a secondary rate limit that names no time: wait at least a minute. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;
/**
 * The one place requests to GitHub are made: auth headers, timeouts, bounded retries for 5xx and
 * network errors, and waiting out rate limits (Retry-After, x-ratelimit-reset) up to a cap.
 */
class GitHubHttp {
    baseUrl;
    #origin;
    #options;
    constructor(options) {
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
    async request(method, pathOrUrl, body, what, refused) {
        const url = pathOrUrl.startsWith('/') ? `${this.baseUrl}${pathOrUrl}` : pathOrUrl;
        if (new URL(url).origin !== this.#origin) {
            throw new GitHubApiError('invalid-response', `GitHub sent a link to ${new URL(url).origin} while ${what}; refusing to send the token there`);
        }
        const payload = body === undefined ? undefined : JSON.stringify(body);
        let lastCause = '';
        let rateLimitWaits = 0;
        for (let attempt = 1; attempt <= this.#options.tries;) {
            let response;
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
            }
            catch (error) {
                lastCause = networkCause(error);
                attempt++;
                if (attempt <= this.#options.tries)
                    await this.#options.sleep(backoff(attempt));
                continue;
            }
            const text = await response.text();
            const parsed = parseJson(text);
            if (response.ok)
                return { status: response.status, headers: response.headers, body: parsed, url };
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
                if (attempt <= this.#options.tries)
                    await this.#options.sleep(backoff(attempt));
                continue;
            }
            throw refused({ status: response.status, message, headers: response.headers });
        }
        throw new GitHubApiError('network', `GitHub API at ${this.baseUrl} unreachable after ${this.#options.tries} tries while ${what}: ${lastCause}`);
    }
}
function backoff(attempt) {
    return 500 * 2 ** (attempt - 2);
}
function rateLimitWait(response, message) {
    if (response.status !== 403 && response.status !== 429)
        return undefined;
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter !== null && /^\d+$/.test(retryAfter.trim()))
        return Number(retryAfter.trim()) * 1000;
    if (response.headers.get('x-ratelimit-remaining') === '0') {
        const reset = Number(response.headers.get('x-ratelimit-reset'));
        if (Number.isFinite(reset) && reset > 0)
            return Math.max(0, reset * 1000 - Date.now()) + 1000;
    }
    if (response.status === 429 || /rate limit/i.test(message))
        return SECONDARY_LIMIT_WAIT_MS;
    return undefined;
}
function parseJson(text) {
    if (text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function githubMessage(parsed, text, statusText) {
    const message = parsed?.message;
    const raw = typeof message === 'string' && message !== '' ? message : text !== '' && parsed === undefined ? text.slice(0, 200) : statusText;
    return raw.replace(/\s+/g, ' ').trim() || 'no message';
}
function networkCause(error) {
    if (error instanceof Error) {
        if (error.name === 'TimeoutError')
            return 'timed out';
        const cause = error.cause;
        const detail = cause instanceof Error ? cause.message : '';
        return (detail && detail !== error.message ? `${error.message} (${detail})` : error.message).replace(/\s+/g, ' ');
    }
    return String(error);
}
/** The rel="next" URL of a Link header, which is how GitHub paginates the attestation lists. */
function nextLink(headers) {
    const link = headers.get('link');
    if (link === null)
        return undefined;
    for (const part of link.split(',')) {
        const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (match?.[1])
            return match[1];
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/client.ts



const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
const PER_PAGE = 100;
/** Pagination is followed this far at most, so a server that always says "next" cannot loop forever. */
const MAX_PAGES = 100;
/** GitHub's limits: bulk-list takes 1024 digests; a check run request takes 50 annotations. */
const BULK_LIST_MAX_DIGESTS = 1024;
const ANNOTATIONS_PER_REQUEST = 50;
/** A commit status description is cut at 140 characters by GitHub; cut it ourselves to keep the end readable. */
const STATUS_DESCRIPTION_MAX = 140;
class GitHubClient {
    #http;
    constructor(options) {
        if (options.token === '')
            throw new GitHubApiError('unauthorized', 'no GitHub token: pass `github-token` (the default is the job token)');
        this.#http = new GitHubHttp({ ...options, baseUrl: options.baseUrl ?? DEFAULT_GITHUB_API_URL });
    }
    /** Base URL from GITHUB_API_URL, as the runner sets it for github.com, GHE.com and GHES. */
    static fromEnv(token, env = process.env, options = {}) {
        const baseUrl = env['GITHUB_API_URL'] || DEFAULT_GITHUB_API_URL;
        return new GitHubClient({ ...options, token, baseUrl });
    }
    get baseUrl() {
        return this.#http.baseUrl;
    }
    async createAttestation(repository, bundle) {
        const name = `${repository.owner}/${repository.repo}`;
        const body = { bundle };
        const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
        if (bytes > size_limit/* GITHUB_BUNDLE_LIMIT_BYTES */.pb) {
            throw new GitHubApiError('too-large', `the attestation for ${name} is ${bytes} bytes, over GitHub's ${(0,size_limit/* formatMiB */.av)(size_limit/* GITHUB_BUNDLE_LIMIT_BYTES */.pb)} limit (${size_limit/* GITHUB_BUNDLE_LIMIT_BYTES */.pb} bytes): store it in the registry only`);
        }
        const response = await this.#http.request('POST', `/repos/${seg(repository.owner)}/${seg(repository.repo)}/attestations`, body, `storing the attestation for ${name}`, (refusal) => attestationRefusal(name, refusal));
        const id = response.body?.id;
        if (typeof id !== 'number')
            throw new GitHubApiError('invalid-response', `GitHub stored the attestation for ${name} but answered without an id`, response.status);
        return id;
    }
    async listAttestations(query) {
        const digest = checkDigest(query.digest);
        const filter = query.predicateType === undefined ? '' : `&predicate_type=${encodeURIComponent(query.predicateType)}`;
        if (query.repo !== undefined) {
            const name = `${query.owner}/${query.repo}`;
            return this.#paginate(`/repos/${seg(query.owner)}/${seg(query.repo)}/attestations/${digest}?per_page=${PER_PAGE}${filter}`, `listing attestations of ${digest} in ${name}`, name);
        }
        return this.#asOwner(query.ownerType, (type) => this.#paginate(`/${type === 'org' ? 'orgs' : 'users'}/${seg(query.owner)}/attestations/${digest}?per_page=${PER_PAGE}${filter}`, `listing attestations of ${digest} for ${query.owner}`, query.owner));
    }
    /** One map entry per requested digest (empty when GitHub has none). */
    async bulkListAttestations(owner, digests, options = {}) {
        const wanted = [...new Set(digests.map(checkDigest))];
        const result = new Map(wanted.map((digest) => [digest, []]));
        for (let start = 0; start < wanted.length; start += BULK_LIST_MAX_DIGESTS) {
            const chunk = wanted.slice(start, start + BULK_LIST_MAX_DIGESTS);
            const found = await this.#asOwner(options.ownerType, (type) => this.#bulkPages(type, owner, chunk, options.predicateType));
            for (const [digest, attestations] of found)
                result.get(digest)?.push(...attestations);
        }
        return result;
    }
    async createCheckRun(repository, body) {
        const name = `${repository.owner}/${repository.repo}`;
        const annotations = body.output?.annotations ?? [];
        const first = body.output === undefined ? body : { ...body, output: { ...body.output, annotations: annotations.slice(0, ANNOTATIONS_PER_REQUEST) } };
        const refusal = (r) => plainRefusal(`the check run for ${name}`, r, 'checks: write');
        const response = await this.#http.request('POST', `/repos/${seg(repository.owner)}/${seg(repository.repo)}/check-runs`, first, `creating the check run for ${name}`, refusal);
        const created = response.body;
        if (typeof created?.id !== 'number')
            throw new GitHubApiError('invalid-response', `GitHub created the check run for ${name} but answered without an id`, response.status);
        // The API takes 50 annotations per request; the rest are appended by updating the run.
        for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length && body.output; start += ANNOTATIONS_PER_REQUEST) {
            const output = { title: body.output.title, summary: body.output.summary, annotations: annotations.slice(start, start + ANNOTATIONS_PER_REQUEST) };
            await this.#http.request('PATCH', `/repos/${seg(repository.owner)}/${seg(repository.repo)}/check-runs/${created.id}`, { output }, `adding annotations to the check run for ${name}`, refusal);
        }
        return { id: created.id, htmlUrl: typeof created.html_url === 'string' ? created.html_url : undefined };
    }
    async createCommitStatus(repository, sha, body) {
        const name = `${repository.owner}/${repository.repo}@${sha.slice(0, 7)}`;
        if (!/^[0-9a-f]{40}$/.test(sha))
            throw new GitHubApiError('validation', `commit status for ${repository.owner}/${repository.repo}: "${sha}" is not a 40-digit commit SHA`);
        const description = body.description !== undefined && body.description.length > STATUS_DESCRIPTION_MAX ? `${body.description.slice(0, STATUS_DESCRIPTION_MAX - 1)}…` : body.description;
        const response = await this.#http.request('POST', `/repos/${seg(repository.owner)}/${seg(repository.repo)}/statuses/${sha}`, { ...body, ...(description !== undefined && { description }) }, `setting the commit status for ${name}`, (r) => plainRefusal(`the commit status for ${name}`, r, 'statuses: write'));
        const id = response.body?.id;
        if (typeof id !== 'number')
            throw new GitHubApiError('invalid-response', `GitHub set the commit status for ${name} but answered without an id`, response.status);
        return { id };
    }
    async #paginate(path, what, subject) {
        const attestations = [];
        let next = path;
        for (let page = 0; next !== undefined; page++) {
            if (page === MAX_PAGES)
                throw new GitHubApiError('invalid-response', `GitHub kept paginating after ${MAX_PAGES} pages while ${what}`);
            const response = await this.#http.request('GET', next, undefined, what, (r) => listRefusal(subject, r));
            const list = response.body?.attestations;
            if (!Array.isArray(list))
                throw new GitHubApiError('invalid-response', `GitHub answered without an "attestations" list while ${what}`, response.status);
            attestations.push(...list.map(toAttestation));
            next = nextLink(response.headers);
        }
        return attestations;
    }
    async #bulkPages(type, owner, digests, predicateType) {
        const found = new Map();
        const what = `bulk-listing attestations of ${digests.length} digests for ${owner}`;
        const base = `/${type === 'org' ? 'orgs' : 'users'}/${seg(owner)}/attestations/bulk-list?per_page=${PER_PAGE}`;
        const body = { subject_digests: digests, ...(predicateType !== undefined && { predicate_type: predicateType }) };
        let after;
        for (let page = 0;; page++) {
            if (page === MAX_PAGES)
                throw new GitHubApiError('invalid-response', `GitHub kept paginating after ${MAX_PAGES} pages while ${what}`);
            const path = after === undefined ? base : `${base}&after=${encodeURIComponent(after)}`;
            const response = await this.#http.request('POST', path, body, what, (r) => listRefusal(owner, r));
            const data = response.body;
            const byDigest = data?.attestations_subject_digests;
            if (byDigest === null || typeof byDigest !== 'object') {
                throw new GitHubApiError('invalid-response', `GitHub answered without "attestations_subject_digests" while ${what}`, response.status);
            }
            for (const [digest, list] of Object.entries(byDigest)) {
                if (!Array.isArray(list))
                    continue;
                const entries = found.get(digest) ?? [];
                entries.push(...list.map(toAttestation));
                found.set(digest, entries);
            }
            const next = data?.page_info?.next;
            if (data?.page_info?.has_next !== true || typeof next !== 'string' || next === '')
                return found;
            after = next;
        }
    }
    /** Owner endpoints differ for organisations and users; an unknown owner is tried as both. */
    async #asOwner(ownerType, call) {
        if (ownerType !== undefined)
            return call(ownerType);
        try {
            return await call('org');
        }
        catch (error) {
            if (error instanceof GitHubApiError && error.kind === 'not-found')
                return call('user');
            throw error;
        }
    }
}
function parseRepository(text) {
    const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim());
    if (!match?.[1] || !match[2])
        throw new GitHubApiError('validation', `repository "${text}" is not owner/name (GITHUB_REPOSITORY gives it in workflows)`);
    return { owner: match[1], repo: match[2] };
}
function seg(value) {
    return encodeURIComponent(value);
}
function checkDigest(digest) {
    if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        throw new GitHubApiError('validation', `"${digest}" is not a sha256:<64 hex> digest`);
    return digest;
}
function toAttestation(item) {
    const entry = (item ?? {});
    const bundle = entry.bundle !== null && typeof entry.bundle === 'object' && typeof entry.bundle.mediaType === 'string' ? entry.bundle : undefined;
    return {
        ...(bundle && { bundle }),
        ...(typeof entry.bundle_url === 'string' && { bundleUrl: entry.bundle_url }),
        ...(typeof entry.repository_id === 'number' && { repositoryId: entry.repository_id }),
        ...(typeof entry.initiator === 'string' && { initiator: entry.initiator }),
    };
}
const PLAN_MESSAGE = /not available|make this repository public|upgrade/i;
function attestationRefusal(name, refusal) {
    const { status, message } = refusal;
    const prefix = `GitHub refused the attestation for ${name} (${status})`;
    if (PLAN_MESSAGE.test(message))
        return new GitHubApiError('plan-unavailable', `${prefix}: ${message}`, status);
    if (status === 404)
        return new GitHubApiError('plan-unavailable', `${prefix}: attestations are not available for this repository's plan`, status);
    if (status === 401)
        return new GitHubApiError('unauthorized', `${prefix}: the token was not accepted (${message})`, status);
    if (status === 403)
        return new GitHubApiError('permission', `${prefix}: ${message}; the job needs \`permissions: attestations: write\``, status);
    if (status === 413)
        return new GitHubApiError('too-large', `${prefix}: the bundle is too large (${message})`, status);
    return new GitHubApiError('validation', `${prefix}: ${message}`, status);
}
function listRefusal(subject, refusal) {
    const { status, message } = refusal;
    const prefix = `GitHub refused listing attestations for ${subject} (${status})`;
    if (status === 404)
        return new GitHubApiError('not-found', `${prefix}: ${message}`, status);
    if (status === 401)
        return new GitHubApiError('unauthorized', `${prefix}: the token was not accepted (${message})`, status);
    if (status === 403)
        return new GitHubApiError('permission', `${prefix}: ${message}; the token needs \`attestations: read\``, status);
    return new GitHubApiError('validation', `${prefix}: ${message}`, status);
}
function plainRefusal(what, refusal, permission) {
    const { status, message } = refusal;
    const prefix = `GitHub refused ${what} (${status})`;
    if (status === 401)
        return new GitHubApiError('unauthorized', `${prefix}: the token was not accepted (${message})`, status);
    if (status === 403)
        return new GitHubApiError('permission', `${prefix}: ${message}; the job needs \`permissions: ${permission}\``, status);
    if (status === 404)
        return new GitHubApiError('not-found', `${prefix}: ${message}`, status);
    return new GitHubApiError('validation', `${prefix}: ${message}`, status);
}


/***/ }),

/***/ 50961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vO: () => (/* binding */ attachReferrer),
/* harmony export */   xt: () => (/* binding */ listReferrers)
/* harmony export */ });
/* unused harmony export referrersTag */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28630);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32060);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29217);




const EMPTY_JSON = Buffer.from('{}');
/** The tag schema of OCI distribution 1.1 for registries without the referrers API. */
function referrersTag(subjectDigest) {
    return (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestTag */ .t9)(subjectDigest);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function filterByType(manifests, artifactType) {
    return artifactType === undefined ? manifests : manifests.filter((entry) => entry.artifactType === artifactType);
}
async function readFallbackIndex(client, ref, subjectDigest) {
    const tag = referrersTag(subjectDigest);
    try {
        const fetched = await client.getManifest(ref, tag);
        if (!(0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndex */ .nw)(fetched.manifest)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl({
                registry: ref.registry,
                repository: ref.repository,
                operation: `read referrers tag ${tag}`,
                code: 'INVALID_RESPONSE',
                problem: `the tag holds a ${fetched.manifest.mediaType}, not an image index`,
                hint: 'the tag is reserved for the referrers of the image; move that content elsewhere',
            });
        }
        return { index: fetched.manifest, ...(fetched.etag ? { etag: fetched.etag } : {}) };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && error.code === 'NOT_FOUND')
            return { index: undefined };
        throw error;
    }
}
/**
 * Manifests that name `subjectDigest` as their subject: from the referrers API, or where the registry
 * has none (404) from the `sha256-<hex>` tag. Filtered here too when the registry ignored the filter.
 */
async function listReferrers(client, ref, subjectDigest, options = {}) {
    const answer = await client.queryReferrers(ref, subjectDigest, options.artifactType);
    if (answer.supported) {
        const filtered = answer.filtersApplied.includes('artifactType');
        return filtered ? answer.index.manifests : filterByType(answer.index.manifests, options.artifactType);
    }
    const { index } = await readFallbackIndex(client, ref, subjectDigest);
    return filterByType(index?.manifests ?? [], options.artifactType);
}
/**
 * Pushes an artifact whose `subject` is `subject`. A registry with the referrers API says so with
 * `OCI-Subject`; otherwise the artifact is added to the fallback index tag. Distribution 2.x ignores
 * If-Match, so concurrent writers are made safe by re-reading after a settle time: whoever finds an
 * entry it knows of missing writes the union again.
 */
async function attachReferrer(client, ref, subject, artifact, options = {}) {
    const configBytes = artifact.config?.bytes ?? EMPTY_JSON;
    const config = await client.pushBlob(ref, configBytes);
    const layerInputs = artifact.layers.length > 0 ? artifact.layers : [{ mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_EMPTY */ .g1, bytes: EMPTY_JSON }];
    const layers = [];
    for (const layer of layerInputs) {
        const pushed = await client.pushBlob(ref, layer.bytes);
        layers.push({ mediaType: layer.mediaType, digest: pushed.digest, size: pushed.size, ...(layer.annotations ? { annotations: layer.annotations } : {}) });
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_MANIFEST */ .EG,
        artifactType: artifact.artifactType,
        config: { mediaType: artifact.config?.mediaType ?? _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_EMPTY */ .g1, digest: config.digest, size: config.size },
        layers,
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        ...(artifact.annotations ? { annotations: artifact.annotations } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const pushed = await client.pushManifest(ref, (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(bytes), bytes, _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_MANIFEST */ .EG);
    const descriptor = {
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_MANIFEST */ .EG,
        digest: pushed.descriptor.digest,
        size: pushed.descriptor.size,
        artifactType: artifact.artifactType,
        ...(artifact.annotations ? { annotations: artifact.annotations } : {}),
    };
    if (pushed.ociSubject === subject.digest)
        return { descriptor, via: 'referrers-api' };
    await addToFallbackIndex(client, ref, subject.digest, descriptor, options);
    return { descriptor, via: 'tag-schema' };
}
async function addToFallbackIndex(client, ref, subjectDigest, entry, options) {
    const tag = referrersTag(subjectDigest);
    const maxAttempts = options.maxAttempts ?? 12;
    const settleMs = options.settleMs ?? 150;
    const random = options.random ?? Math.random;
    const known = new Map([[entry.digest, entry]]);
    let current = await readFallbackIndex(client, ref, subjectDigest);
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        const started = Date.now();
        const present = new Set((current.index?.manifests ?? []).map((d) => d.digest));
        for (const d of current.index?.manifests ?? [])
            if (!known.has(d.digest))
                known.set(d.digest, d);
        const missing = [...known.values()].filter((d) => !present.has(d.digest));
        if (missing.length > 0) {
            const merged = {
                schemaVersion: 2,
                mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p,
                manifests: [...(current.index?.manifests ?? []), ...missing],
                ...(current.index?.annotations ? { annotations: current.index.annotations } : {}),
            };
            const bytes = Buffer.from(JSON.stringify(merged));
            try {
                await client.pushManifest(ref, tag, bytes, _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p, current.etag ? { ifMatch: current.etag } : {});
            }
            catch (error) {
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && error.code === 'PRECONDITION_FAILED'))
                    throw error;
                await sleep(random() * settleMs);
                current = await readFallbackIndex(client, ref, subjectDigest);
                continue;
            }
        }
        // A writer that read before our PUT may still overwrite it; wait out its round trip, then look again.
        const roundTrip = Date.now() - started;
        await sleep(Math.max(settleMs, 2 * roundTrip) * (1 + random()));
        current = await readFallbackIndex(client, ref, subjectDigest);
        const after = new Set((current.index?.manifests ?? []).map((d) => d.digest));
        if ([...known.keys()].every((digest) => after.has(digest)))
            return;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl({
        registry: ref.registry,
        repository: ref.repository,
        operation: `update referrers tag ${tag}`,
        code: 'RACE',
        problem: `the index kept changing under concurrent writers for ${maxAttempts} rounds`,
        hint: 'retry; if it persists, another tool is rewriting the tag without merging',
    });
}


/***/ })

};

//# sourceMappingURL=878.index.js.map