export const id = 835;
export const ids = [835];
export const modules = {

/***/ 3835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ createRegistryClient)
});

// UNUSED EXPORTS: RegistryClient

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/oci/challenge.ts
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
class Scanner {
    text;
    index = 0;
    constructor(text) {
        this.text = text;
    }
    get done() {
        return this.index >= this.text.length;
    }
    peek() {
        return this.text[this.index] ?? '';
    }
    skip(chars) {
        while (!this.done && chars.test(this.peek()))
            this.index += 1;
    }
    token() {
        const start = this.index;
        this.skip(TOKEN_CHAR);
        return this.text.slice(start, this.index);
    }
    /** Unquoted values: lenient, as some servers leave URLs unquoted. */
    bare() {
        const start = this.index;
        this.skip(/[^\s,]/);
        return this.text.slice(start, this.index);
    }
    quoted() {
        this.index += 1;
        let value = '';
        while (!this.done && this.peek() !== '"') {
            if (this.peek() === '\\')
                this.index += 1;
            value += this.peek();
            this.index += 1;
        }
        this.index += 1;
        return value;
    }
    /** Whether a `name=` parameter (not a new scheme) starts here. */
    atParameter() {
        const rest = this.text.slice(this.index);
        return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=/.test(rest) && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+=+[ \t]*(,|$)/.test(rest);
    }
    atToken68() {
        return /^[A-Za-z0-9\-._~+/]+=*[ \t]*(,|$)/.test(this.text.slice(this.index));
    }
    advance() {
        this.index += 1;
    }
}
function parseChallenges(header) {
    if (!header)
        return [];
    const scanner = new Scanner(header);
    const challenges = [];
    while (!scanner.done) {
        scanner.skip(/[\s,]/);
        const scheme = scanner.token();
        if (scheme === '') {
            scanner.advance();
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        scanner.skip(/[ \t]/);
        if (scanner.atToken68()) {
            // A token68 (`Basic abc==`) carries nothing a registry client uses.
            scanner.skip(/[A-Za-z0-9\-._~+/=]/);
            continue;
        }
        while (!scanner.done) {
            scanner.skip(/[\s,]/);
            if (!scanner.atParameter())
                break;
            const name = scanner.token().toLowerCase();
            scanner.skip(/[ \t]/);
            scanner.advance();
            scanner.skip(/[ \t]/);
            challenge.params[name] = scanner.peek() === '"' ? scanner.quoted() : scanner.bare();
        }
    }
    return challenges;
}

// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
;// CONCATENATED MODULE: ./src/oci/auth.ts


function pullScope(repository) {
    return `repository:${repository}:pull`;
}
function pushScope(repository) {
    return `repository:${repository}:pull,push`;
}
/** `repository:lab/app:pull,push` → resource `repository:lab/app`, actions pull and push. */
function parseScope(scope) {
    const last = scope.lastIndexOf(':');
    return { resource: scope.slice(0, last), actions: scope.slice(last + 1).split(',') };
}
/** A push token also serves pulls of the same repository: no second token request. */
function covers(granted, wanted) {
    const have = granted.map(parseScope);
    return wanted.map(parseScope).every((w) => have.some((h) => h.resource === w.resource && w.actions.every((a) => h.actions.includes(a))));
}
/** Registries answer Docker's 60-second minimum when they omit expires_in. */
const DEFAULT_TOKEN_SECONDS = 60;
const MAX_TOKEN_BYTES = 256 * 1024;
function basic(username, password) {
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
function basicFor(credentials) {
    return 'identityToken' in credentials ? basic(credentials.username ?? '<token>', credentials.identityToken) : basic(credentials.username, credentials.password);
}
/**
 * Adds the Authorization a registry asks for: none until it challenges, then Basic or a Bearer token
 * per registry and scope, cached until shortly before it expires. Only the registry's own origin
 * gets it; upload locations on other hosts go out bare.
 */
class Authenticator {
    transport;
    credentials;
    schemes = new Map();
    tokens = new Map();
    pending = new Map();
    now;
    constructor(transport, credentials, options = {}) {
        this.transport = transport;
        this.credentials = credentials;
        this.now = options.now ?? Date.now;
    }
    async send(request, context) {
        const registryOrigin = new URL(this.transport.baseUrl(context.registry)).origin;
        if (new URL(request.url).origin !== registryOrigin)
            return this.transport.request(request, context);
        const first = await this.authorization(context, request.scopes, false);
        const response = await this.transport.request(withAuthorization(request, first), context);
        if (response.status !== 401)
            return response;
        const challenges = parseChallenges(response.headers.get('www-authenticate'));
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        const scheme = bearer?.params.realm
            ? { kind: 'bearer', realm: bearer.params.realm, ...(bearer.params.service !== undefined ? { service: bearer.params.service } : {}) }
            : challenges.some((c) => c.scheme === 'basic')
                ? { kind: 'basic' }
                : undefined;
        if (!scheme)
            return response;
        this.schemes.set(context.registry, scheme);
        if (first?.startsWith('Bearer '))
            this.forget(first.slice('Bearer '.length));
        const second = await this.authorization(context, request.scopes, true);
        if (second === undefined || second === first)
            return response;
        await response.discard();
        return this.transport.request(withAuthorization(request, second), context);
    }
    forget(token) {
        for (const [key, cached] of this.tokens)
            if (cached.token === token)
                this.tokens.delete(key);
    }
    async authorization(context, scopes, fresh) {
        const scheme = this.schemes.get(context.registry);
        if (!scheme)
            return undefined;
        if (scheme.kind === 'basic') {
            const credentials = await this.credentials.get(context.registry);
            return credentials ? basicFor(credentials) : undefined;
        }
        return `Bearer ${(await this.token(context, scheme, scopes, fresh)).token}`;
    }
    async token(context, scheme, scopes, fresh) {
        const key = `${context.registry} ${scheme.realm} ${[...scopes].sort().join(' ')}`;
        if (!fresh) {
            const now = this.now();
            for (const cached of this.tokens.values()) {
                if (cached.registry === context.registry && cached.realm === scheme.realm && cached.expiresAt > now && covers(cached.scopes, scopes))
                    return cached;
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
    async fetchToken(context, scheme, scopes) {
        const tokenContext = { ...context, operation: `get token for ${scopes.join(' ')} (${context.operation})` };
        const credentials = await this.credentials.get(context.registry);
        let response;
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
            if (scheme.service !== undefined)
                url.searchParams.set('service', scheme.service);
            for (const scope of scopes)
                url.searchParams.append('scope', scope);
            const headers = credentials ? { authorization: basicFor(credentials) } : {};
            response = await this.transport.request({ method: 'GET', url: url.toString(), headers }, tokenContext);
        }
        const body = await response.text(MAX_TOKEN_BYTES);
        if (!response.ok)
            throw (0,errors/* errorForStatus */.U6)(tokenContext, { status: response.status, statusText: response.statusText, body, attempts: response.attempts });
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            throw new errors/* RegistryError */.gl({ ...tokenContext, code: 'INVALID_RESPONSE', status: response.status, problem: `the token endpoint ${scheme.realm} answered something that is not JSON` });
        }
        const token = typeof parsed.token === 'string' && parsed.token ? parsed.token : parsed.access_token;
        if (typeof token !== 'string' || token === '') {
            throw new errors/* RegistryError */.gl({ ...tokenContext, code: 'INVALID_RESPONSE', status: response.status, problem: `the token endpoint ${scheme.realm} answered without a token` });
        }
        const seconds = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_SECONDS;
        // Renew a little early so a token never expires between the check and the registry reading it.
        return { token, expiresAt: this.now() + seconds * 900, registry: context.registry, realm: scheme.realm, scopes };
    }
    postRefreshToken(scheme, scopes, refreshToken, context) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'image-passport', scope: scopes.join(' ') });
        if (scheme.service !== undefined)
            form.set('service', scheme.service);
        return this.transport.request({ method: 'POST', url: scheme.realm, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form.toString()), idempotent: true }, context);
    }
}
function withAuthorization(request, authorization) {
    return authorization === undefined ? request : { ...request, headers: { ...request.headers, authorization } };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/oci/credentials.ts






/** The key `docker login` writes for the Hub, and what its helpers are asked for. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set([reference/* DOCKER_HUB */.Xb, 'index.docker.io', 'registry-1.docker.io']);
/** Docker's ConvertToHostname: config keys may be URLs with scheme and path. */
function hostOfKey(key) {
    return key.replace(/^https?:\/\//i, '').split('/')[0]?.toLowerCase() ?? '';
}
function sameRegistry(key, registry) {
    const host = hostOfKey(key);
    const wanted = registry.toLowerCase();
    return host === wanted || (DOCKER_HUB_ALIASES.has(wanted) && DOCKER_HUB_ALIASES.has(host));
}
function helperServer(registry) {
    return DOCKER_HUB_ALIASES.has(registry.toLowerCase()) ? DOCKER_HUB_SERVER : registry;
}
function dockerConfigPath(env = process.env) {
    return env.DOCKER_CONFIG ? external_node_path_default().join(env.DOCKER_CONFIG, 'config.json') : external_node_path_default().join(env.HOME || (0,external_node_os_.homedir)(), '.docker', 'config.json');
}
class CredentialStore {
    env;
    explicit;
    helperTimeoutMs;
    config;
    cache = new Map();
    constructor(options = {}) {
        this.env = options.env ?? process.env;
        this.explicit = options.explicit ?? {};
        this.helperTimeoutMs = options.helperTimeoutMs ?? 30_000;
    }
    get(registry) {
        let found = this.cache.get(registry);
        if (!found) {
            found = this.lookup(registry);
            this.cache.set(registry, found);
            found.catch(() => this.cache.delete(registry));
        }
        return found;
    }
    async lookup(registry) {
        const explicitKey = Object.keys(this.explicit).find((key) => sameRegistry(key, registry));
        if (explicitKey !== undefined)
            return this.explicit[explicitKey];
        const config = await this.loadConfig(registry);
        const helperKey = Object.keys(config.credHelpers ?? {}).find((key) => sameRegistry(key, registry));
        const helper = helperKey !== undefined ? config.credHelpers?.[helperKey] : config.credsStore;
        if (helper) {
            const fromHelper = await this.askHelper(helper, registry, helperKey !== undefined ? 'credHelpers' : 'credsStore');
            if (fromHelper)
                return fromHelper;
        }
        const authKey = Object.keys(config.auths ?? {}).find((key) => sameRegistry(key, registry));
        return authKey !== undefined ? this.fromAuthEntry(registry, config.auths?.[authKey] ?? {}) : undefined;
    }
    fail(registry, problem, hint) {
        return new errors/* RegistryError */.gl({ registry, operation: 'read credentials', code: 'CREDENTIALS', problem, ...(hint ? { hint } : {}) });
    }
    loadConfig(registry) {
        this.config ??= (async () => {
            const file = dockerConfigPath(this.env);
            let text;
            try {
                text = await (0,promises_.readFile)(file, 'utf8');
            }
            catch (error) {
                if (error.code === 'ENOENT')
                    return {};
                throw this.fail(registry, `cannot read ${file}: ${error.message}`);
            }
            try {
                const parsed = JSON.parse(text);
                if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
                    throw new Error('not an object');
                return parsed;
            }
            catch {
                throw this.fail(registry, `${file} is not a JSON object`, 'fix or remove the file (docker login rewrites it)');
            }
        })();
        return this.config;
    }
    fromAuthEntry(registry, entry) {
        let username = entry.username;
        let password = entry.password;
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon === -1) {
                throw this.fail(registry, `the "auth" for ${registry} in ${dockerConfigPath(this.env)} is not base64 of user:password`, `run docker login ${registry}`);
            }
            username = decoded.slice(0, colon);
            password = decoded.slice(colon + 1);
        }
        if (entry.identitytoken)
            return username ? { identityToken: entry.identitytoken, username } : { identityToken: entry.identitytoken };
        if (username !== undefined && password !== undefined && username !== '')
            return { username, password };
        return undefined;
    }
    /** The credential-helper protocol: server URL on stdin, `{ServerURL, Username, Secret}` on stdout. */
    askHelper(name, registry, source) {
        const program = `docker-credential-${name}`;
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.execFile)(program, ['get'], { env: this.env, timeout: this.helperTimeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
                const said = `${stdout}${stderr}`.trim();
                if (error) {
                    const code = error.code;
                    if (code === 'ENOENT') {
                        reject(this.fail(registry, `credential helper ${program} (named by "${source}" in ${dockerConfigPath(this.env)}) is not on PATH`, `install it or remove "${source}" from the config`));
                    }
                    else if (/credentials not found/i.test(said)) {
                        resolve(undefined);
                    }
                    else if (error.killed) {
                        reject(this.fail(registry, `credential helper ${program} did not answer within ${this.helperTimeoutMs / 1000}s`));
                    }
                    else {
                        reject(this.fail(registry, `credential helper ${program} failed: ${said.split('\n')[0] || error.message}`));
                    }
                    return;
                }
                try {
                    const answer = JSON.parse(stdout);
                    if (typeof answer.Secret !== 'string' || answer.Secret === '') {
                        resolve(undefined);
                    }
                    else if (answer.Username === '<token>') {
                        resolve({ identityToken: answer.Secret });
                    }
                    else {
                        resolve({ username: answer.Username ?? '', password: answer.Secret });
                    }
                }
                catch {
                    reject(this.fail(registry, `credential helper ${program} printed something that is not JSON`));
                }
            });
            child.stdin?.end(helperServer(registry));
        });
    }
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(32060);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
;// CONCATENATED MODULE: ./src/oci/transport.ts



const USER_AGENT = 'image-passport (+https://github.com/image-passport)';
const DOCKER_HUB_API = 'registry-1.docker.io';
function hostWithoutPort(host) {
    if (host.startsWith('['))
        return host.slice(0, host.indexOf(']') + 1);
    return host.split(':')[0] ?? host;
}
/** Docker speaks plain HTTP to these without being told. */
function isLoopbackHost(host) {
    const name = hostWithoutPort(host).toLowerCase();
    return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** A response whose body reads are bounded in size and in idle time, failing with a RegistryError. */
class TransportResponse {
    status;
    statusText;
    headers;
    url;
    attempts;
    retryAfterSeconds;
    response;
    controller;
    timeoutMs;
    context;
    constructor(response, controller, timeoutMs, context, attempts, retryAfterMs) {
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
    get ok() {
        return this.status >= 200 && this.status < 300;
    }
    /** Content-Length when the registry sent one. */
    get contentLength() {
        const value = this.headers.get('content-length');
        return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
    }
    fail(code, problem) {
        return new errors/* RegistryError */.gl({ ...this.context, code, status: this.status, problem });
    }
    async readChunk(reader) {
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            this.controller.abort();
        }, this.timeoutMs);
        try {
            return await reader.read();
        }
        catch (error) {
            if (timedOut)
                throw this.fail('TIMEOUT', `the body from ${new URL(this.url).origin} stalled for ${this.timeoutMs / 1000}s`);
            throw (0,errors/* errorForNetwork */.W9)(this.context, this.url, error);
        }
        finally {
            clearTimeout(timer);
        }
    }
    async bytes(maxBytes) {
        const declared = this.contentLength;
        if (declared !== undefined && declared > maxBytes) {
            await this.discard();
            throw this.fail('TOO_LARGE', `the response is ${declared} bytes, more than the limit of ${maxBytes}`);
        }
        const body = this.response.body;
        if (!body)
            return Buffer.alloc(0);
        const reader = body.getReader();
        const chunks = [];
        let total = 0;
        for (;;) {
            const { done, value } = await this.readChunk(reader);
            if (done)
                break;
            total += value.length;
            if (total > maxBytes) {
                await reader.cancel().catch(() => undefined);
                throw this.fail('TOO_LARGE', `the response is more than the limit of ${maxBytes} bytes`);
            }
            chunks.push(Buffer.from(value));
        }
        return Buffer.concat(chunks);
    }
    async text(maxBytes = 64 * 1024) {
        return (await this.bytes(maxBytes)).toString('utf8');
    }
    /** The body as a Node stream that pulls only when read, so a slow consumer never trips the timeout. */
    stream() {
        const body = this.response.body;
        if (!body)
            return external_node_stream_.Readable.from([]);
        const reader = body.getReader();
        const stream = new external_node_stream_.Readable({
            read: () => {
                this.readChunk(reader).then(({ done, value }) => {
                    stream.push(done ? null : Buffer.from(value));
                }, (error) => stream.destroy(error));
            },
            destroy: (error, callback) => {
                reader.cancel().catch(() => undefined);
                callback(error);
            },
        });
        return stream;
    }
    async discard() {
        await this.response.body?.cancel().catch(() => undefined);
    }
}
class Transport {
    timeoutMs;
    maxRetries;
    retryBaseMs;
    retryMaxDelayMs;
    maxRetryAfterMs;
    maxRedirects;
    insecure;
    fetchImpl;
    random;
    constructor(options = {}) {
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
    baseUrl(registry) {
        const host = registry === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_API : registry;
        return `${this.allowsPlainHttp(host) ? 'http' : 'https'}://${host}`;
    }
    allowsPlainHttp(host) {
        const lower = host.toLowerCase();
        return isLoopbackHost(lower) || this.insecure.has(lower) || this.insecure.has(hostWithoutPort(lower));
    }
    /** Sends with retries; non-2xx statuses are returned, network failures thrown as RegistryError. */
    async request(request, context) {
        const idempotent = request.idempotent ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method);
        for (let attempt = 1;; attempt += 1) {
            const canRetry = attempt <= this.maxRetries;
            let response;
            try {
                response = await this.followRedirects(request, context, attempt);
            }
            catch (error) {
                if (canRetry && idempotent && !(error instanceof errors/* RegistryError */.gl) && (0,errors/* isConnectionReset */.QB)(error)) {
                    await sleep(this.backoff(attempt));
                    continue;
                }
                throw error instanceof errors/* RegistryError */.gl ? error : (0,errors/* errorForNetwork */.W9)(context, request.url, error);
            }
            const status = response.status;
            const retryable = status === 429 || (idempotent && status >= 500 && status !== 501 && status !== 505);
            if (!retryable || !canRetry)
                return response;
            const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
            if (retryAfter !== undefined && retryAfter > this.maxRetryAfterMs)
                return response;
            await response.discard();
            await sleep(retryAfter ?? this.backoff(attempt));
        }
    }
    /** Exponential with "equal jitter": at least half the step, so waits grow, never in lockstep. */
    backoff(attempt) {
        const step = Math.min(this.retryMaxDelayMs, this.retryBaseMs * 2 ** (attempt - 1));
        return step / 2 + this.random() * (step / 2);
    }
    /**
     * Redirects are followed by hand: fetch would carry the Authorization header to whatever host a
     * registry names, and blob downloads are redirected to storage hosts.
     */
    async followRedirects(request, context, attempt) {
        let url = new URL(request.url);
        const origin = url.origin;
        let method = request.method;
        let body = request.body;
        const headers = { 'user-agent': USER_AGENT, ...request.headers };
        for (let hop = 0;; hop += 1) {
            const { response, controller } = await this.send(url, method, headers, body, context);
            const location = response.headers.get('location');
            if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
                const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
                return new TransportResponse(response, controller, this.timeoutMs, context, attempt, retryAfter);
            }
            await response.body?.cancel().catch(() => undefined);
            if (hop >= this.maxRedirects) {
                throw new errors/* RegistryError */.gl({ ...context, code: 'REDIRECT', status: response.status, problem: `more than ${this.maxRedirects} redirects, the last to ${location}` });
            }
            const next = new URL(location, url);
            if (next.protocol === 'http:' && url.protocol === 'https:' && !this.allowsPlainHttp(next.host)) {
                throw new errors/* RegistryError */.gl({ ...context, code: 'INSECURE', status: response.status, problem: `refusing a redirect from HTTPS to plain HTTP (${next.origin})` });
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
    async send(url, method, headers, body, context) {
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.allowsPlainHttp(url.host))) {
            throw new errors/* RegistryError */.gl({ ...context, code: 'INSECURE', problem: `refusing to send a request to ${url.origin} over ${url.protocol.replace(':', '')}`, hint: 'list the host as an insecure registry if it serves plain HTTP' });
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
        }
        catch (error) {
            if (timedOut) {
                throw new errors/* RegistryError */.gl({ ...context, code: 'TIMEOUT', problem: `no response from ${url.origin} within ${this.timeoutMs / 1000}s` });
            }
            throw error;
        }
        finally {
            clearTimeout(timer);
        }
    }
}

;// CONCATENATED MODULE: ./src/oci/client.ts










const DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;
const MAX_PAGES = 1000;
const ALTERED = 'the content was altered in the registry or on the way; none of it was used';
function nextLink(response) {
    const link = response.headers.get('link');
    const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link) : null;
    return match?.[1] ? new URL(match[1], response.url).toString() : undefined;
}
/** Every registry operation image-passport performs; all content is checked against its digest. */
class RegistryClient {
    transport;
    auth;
    maxManifestBytes;
    chunkSize;
    constructor(options = {}) {
        this.transport = new Transport(options);
        this.auth = new Authenticator(this.transport, new CredentialStore({ explicit: options.credentials, env: options.env }));
        this.maxManifestBytes = options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
        this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    }
    context(ref, operation) {
        return { registry: ref.registry, repository: ref.repository, operation };
    }
    url(ref, path) {
        return `${this.transport.baseUrl(ref.registry)}/v2/${ref.repository}/${path}`;
    }
    send(request, context) {
        return this.auth.send(request, context);
    }
    async fail(response, context, problem) {
        const body = response.headers.get('content-type')?.includes('json') ? await response.text().catch(() => undefined) : undefined;
        await response.discard();
        throw (0,errors/* errorForStatus */.U6)(context, { status: response.status, statusText: response.statusText, attempts: response.attempts, ...(body !== undefined ? { body } : {}), ...(response.retryAfterSeconds !== undefined ? { retryAfterSeconds: response.retryAfterSeconds } : {}) }, problem);
    }
    invalid(context, code, problem, status, hint) {
        return new errors/* RegistryError */.gl({ ...context, code, problem, ...(status !== undefined ? { status } : {}), ...(hint ? { hint } : {}) });
    }
    checkDigest(context, digest) {
        if (!(0,oci_digest/* isValidDigest */.fH)(digest))
            throw this.invalid(context, 'INVALID_REQUEST', `"${digest}" is not a sha256 or sha512 digest`);
    }
    /** The descriptor a tag or digest names. A digest in the reference wins over its tag, as in Docker. */
    async resolve(ref) {
        if (ref.digest !== undefined)
            return (await this.getManifest(ref, ref.digest)).descriptor;
        const target = (0,reference/* referenceTarget */.Z9)(ref);
        const context = this.context(ref, `resolve ${target}`);
        const response = await this.send({ method: 'HEAD', url: this.url(ref, `manifests/${target}`), headers: { accept: media_types/* MANIFEST_ACCEPT */.dY }, scopes: [pullScope(ref.repository)] }, context);
        if (response.ok) {
            await response.discard();
            const digest = response.headers.get('docker-content-digest');
            const mediaType = (0,media_types/* bareMediaType */.ZX)(response.headers.get('content-type'));
            const size = response.contentLength;
            if (digest && (0,oci_digest/* isValidDigest */.fH)(digest) && mediaType && ((0,media_types/* isIndexMediaType */.$$)(mediaType) || (0,media_types/* isImageManifestMediaType */.d6)(mediaType)) && size !== undefined) {
                return { mediaType, digest, size };
            }
        }
        else if ([401, 403, 404, 429].includes(response.status) || response.status >= 500) {
            return this.fail(response, context, response.status === 404 ? `no manifest ${target}` : undefined);
        }
        else {
            await response.discard();
        }
        // Some registries answer HEAD without a digest or not at all; GET always carries the content.
        return (await this.getManifest(ref, target)).descriptor;
    }
    async getManifest(ref, tagOrDigest = (0,reference/* referenceTarget */.Z9)(ref)) {
        const context = this.context(ref, `get manifest ${tagOrDigest}`);
        const response = await this.send({ method: 'GET', url: this.url(ref, `manifests/${tagOrDigest}`), headers: { accept: media_types/* MANIFEST_ACCEPT */.dY }, scopes: [pullScope(ref.repository)] }, context);
        if (!response.ok)
            return this.fail(response, context, response.status === 404 ? `no manifest ${tagOrDigest}` : undefined);
        const bytes = await response.bytes(this.maxManifestBytes);
        const headerDigest = response.headers.get('docker-content-digest') ?? undefined;
        const expected = (0,oci_digest/* isValidDigest */.fH)(tagOrDigest) ? tagOrDigest : headerDigest && (0,oci_digest/* isValidDigest */.fH)(headerDigest) ? headerDigest : undefined;
        if (expected !== undefined) {
            const actual = (0,oci_digest/* digestLike */.kG)(expected, bytes);
            if (actual !== expected) {
                const source = expected === tagOrDigest ? 'the requested digest' : 'its Docker-Content-Digest header';
                throw this.invalid(context, 'DIGEST_MISMATCH', `the manifest served has digest ${actual}, not ${expected} (${source})`, response.status, ALTERED);
            }
        }
        let manifest;
        try {
            manifest = (0,oci_manifest/* parseManifest */.Ng)(bytes, (0,media_types/* bareMediaType */.ZX)(response.headers.get('content-type')));
        }
        catch (error) {
            if (!(error instanceof oci_manifest/* ManifestError */.Sh))
                throw error;
            throw this.invalid(context, 'INVALID_RESPONSE', error.message, response.status);
        }
        const descriptor = { mediaType: manifest.mediaType, digest: expected ?? (0,oci_digest/* sha256Digest */.sI)(bytes), size: bytes.length };
        if (manifest.artifactType !== undefined)
            descriptor.artifactType = manifest.artifactType;
        const etag = response.headers.get('etag');
        return { descriptor, bytes, manifest, ...(etag ? { etag } : {}) };
    }
    /** A stream of the blob that errors, instead of ending, when digest, size or cap disagree. */
    async openBlob(ref, digest, options) {
        const context = this.context(ref, `get blob ${digest}`);
        this.checkDigest(context, digest);
        const response = await this.send({ method: 'GET', url: this.url(ref, `blobs/${digest}`), scopes: [pullScope(ref.repository)] }, context);
        if (!response.ok)
            return this.fail(response, context, response.status === 404 ? `no blob ${digest}` : undefined);
        const declared = response.contentLength;
        const problem = declared !== undefined && options.size !== undefined && declared !== options.size
            ? `the registry announced ${declared} bytes, the descriptor says ${options.size}`
            : declared !== undefined && declared > options.maxBytes
                ? `the blob is ${declared} bytes, more than the limit of ${options.maxBytes}`
                : undefined;
        if (problem !== undefined) {
            await response.discard();
            throw this.invalid(context, declared !== undefined && declared > options.maxBytes ? 'TOO_LARGE' : 'DIGEST_MISMATCH', problem, response.status, ALTERED);
        }
        const verifier = new oci_digest/* DigestVerifier */.Do({
            digest,
            maxBytes: options.maxBytes,
            ...(options.size !== undefined ? { size: options.size } : {}),
            makeError: (message, kind) => this.invalid(context, kind === 'too-large' ? 'TOO_LARGE' : 'DIGEST_MISMATCH', message, response.status, kind === 'too-large' ? undefined : ALTERED),
        });
        (0,external_node_stream_.pipeline)(response.stream(), verifier, () => undefined);
        return verifier;
    }
    async getBlob(ref, digest, options) {
        const chunks = [];
        for await (const chunk of await this.openBlob(ref, digest, options))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    /** The blob's size, or undefined when the repository does not have it. */
    async statBlob(ref, digest, scopes) {
        const context = this.context(ref, `check blob ${digest}`);
        this.checkDigest(context, digest);
        const response = await this.send({ method: 'HEAD', url: this.url(ref, `blobs/${digest}`), scopes }, context);
        await response.discard();
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            return this.fail(response, context);
        return response.contentLength ?? 0;
    }
    async hasBlob(ref, digest) {
        return (await this.statBlob(ref, digest, [pullScope(ref.repository)])) !== undefined;
    }
    /** Starts an upload session, or mounts the blob from another repository (then returns undefined). */
    async startUpload(ref, scopes, context, mount) {
        const url = new URL(this.url(ref, 'blobs/uploads/'));
        if (mount) {
            url.searchParams.set('mount', mount.digest);
            url.searchParams.set('from', mount.from);
        }
        const response = await this.send({ method: 'POST', url: url.toString(), scopes, idempotent: true }, context);
        if (mount && response.status === 201) {
            await response.discard();
            return undefined;
        }
        if (response.status !== 202)
            return this.fail(response, context);
        await response.discard();
        const location = response.headers.get('location');
        if (!location)
            throw this.invalid(context, 'INVALID_RESPONSE', 'the upload was accepted without a Location header', 202);
        return new URL(location, response.url);
    }
    async finishUpload(location, digest, body, scopes, context) {
        const url = new URL(location);
        url.searchParams.set('digest', digest);
        const response = await this.send({ method: 'PUT', url: url.toString(), headers: { 'content-type': 'application/octet-stream' }, ...(body ? { body } : {}), scopes, idempotent: false }, context);
        if (response.status !== 201 && response.status !== 204)
            return this.fail(response, context);
        await response.discard();
        const stored = response.headers.get('docker-content-digest');
        if (stored && stored !== digest)
            throw this.invalid(context, 'DIGEST_MISMATCH', `the registry stored ${stored}, not ${digest}`, response.status);
    }
    /**
     * Bytes go up in one POST + PUT; a stream goes up in PATCHes of `chunkSize`, so memory stays bounded.
     * A blob the repository already has is not uploaded again.
     */
    async pushBlob(ref, data, options = {}) {
        const scopes = [pushScope(ref.repository), ...(options.mountFrom ? [pullScope(options.mountFrom)] : [])];
        if (data instanceof Uint8Array) {
            const digest = options.digest ?? (0,oci_digest/* sha256Digest */.sI)(data);
            const context = this.context(ref, `push blob ${digest}`);
            this.checkDigest(context, digest);
            if ((0,oci_digest/* digestLike */.kG)(digest, data) !== digest) {
                throw this.invalid(context, 'DIGEST_MISMATCH', `the bytes to push have digest ${(0,oci_digest/* digestLike */.kG)(digest, data)}, not ${digest}`);
            }
            if (options.size !== undefined && options.size !== data.length) {
                throw this.invalid(context, 'INVALID_REQUEST', `the bytes to push are ${data.length} long, not ${options.size}`);
            }
            if ((await this.statBlob(ref, digest, scopes)) !== undefined)
                return { digest, size: data.length };
            const location = await this.startUpload(ref, scopes, context, options.mountFrom ? { digest, from: options.mountFrom } : undefined);
            if (location)
                await this.finishUpload(location, digest, data, scopes, context);
            return { digest, size: data.length };
        }
        return this.pushStream(ref, data, options, scopes);
    }
    async pushStream(ref, data, options, scopes) {
        const context = this.context(ref, `push blob ${options.digest ?? '(stream)'}`);
        if (options.digest !== undefined) {
            this.checkDigest(context, options.digest);
            const existing = await this.statBlob(ref, options.digest, scopes);
            if (existing !== undefined) {
                data.destroy();
                return { digest: options.digest, size: existing };
            }
        }
        const mount = options.digest !== undefined && options.mountFrom ? { digest: options.digest, from: options.mountFrom } : undefined;
        const started = await this.startUpload(ref, scopes, context, mount);
        if (!started) {
            data.destroy();
            const digest = mount?.digest ?? '';
            return { digest, size: options.size ?? (await this.statBlob(ref, digest, scopes)) ?? 0 };
        }
        let location = started;
        const algorithm = options.digest?.split(':')[0] ?? 'sha256';
        const hash = (0,external_node_crypto_.createHash)(algorithm);
        let offset = 0;
        let pending = [];
        let pendingBytes = 0;
        const flush = async () => {
            const chunk = Buffer.concat(pending);
            pending = [];
            pendingBytes = 0;
            const response = await this.send({
                method: 'PATCH',
                url: location.toString(),
                headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + chunk.length - 1}` },
                body: chunk,
                scopes,
                idempotent: false,
            }, context);
            if (response.status !== 202)
                return this.fail(response, context, `the chunk at byte ${offset} was refused`);
            await response.discard();
            const next = response.headers.get('location');
            if (next)
                location = new URL(next, response.url);
            offset += chunk.length;
        };
        const abandon = async (problem) => {
            data.destroy();
            const cancel = await this.send({ method: 'DELETE', url: location.toString(), scopes }, context).catch(() => undefined);
            await cancel?.discard();
            throw this.invalid(context, 'DIGEST_MISMATCH', problem);
        };
        for await (const piece of data) {
            const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
            hash.update(buffer);
            pending.push(buffer);
            pendingBytes += buffer.length;
            // Stop at once rather than upload gigabytes the caller said were not there.
            if (options.size !== undefined && offset + pendingBytes > options.size)
                await abandon(`the stream is longer than the ${options.size} bytes given`);
            if (pendingBytes >= this.chunkSize)
                await flush();
        }
        if (pendingBytes > 0)
            await flush();
        const digest = `${algorithm}:${hash.digest('hex')}`;
        if (options.digest !== undefined && digest !== options.digest)
            await abandon(`the stream has digest ${digest}, not ${options.digest}`);
        if (options.size !== undefined && offset !== options.size)
            await abandon(`the stream was ${offset} bytes, not ${options.size}`);
        await this.finishUpload(location, digest, undefined, scopes, context);
        return { digest, size: offset };
    }
    /** PUT with the `OCI-Subject` answer, which tells whether the registry keeps referrers itself. */
    async pushManifest(ref, tagOrDigest, bytes, mediaType, options = {}) {
        const context = this.context(ref, `put manifest ${tagOrDigest}`);
        if (bytes.length > this.maxManifestBytes) {
            throw this.invalid(context, 'TOO_LARGE', `the manifest is ${bytes.length} bytes, more than the limit of ${this.maxManifestBytes}`);
        }
        let manifest;
        try {
            manifest = (0,oci_manifest/* parseManifest */.Ng)(bytes, mediaType);
        }
        catch (error) {
            if (!(error instanceof oci_manifest/* ManifestError */.Sh))
                throw error;
            throw this.invalid(context, 'INVALID_REQUEST', error.message);
        }
        const digest = (0,oci_digest/* isValidDigest */.fH)(tagOrDigest) ? (0,oci_digest/* digestLike */.kG)(tagOrDigest, bytes) : (0,oci_digest/* sha256Digest */.sI)(bytes);
        if ((0,oci_digest/* isValidDigest */.fH)(tagOrDigest) && digest !== tagOrDigest) {
            throw this.invalid(context, 'DIGEST_MISMATCH', `the manifest has digest ${digest}, not ${tagOrDigest}`);
        }
        const headers = { 'content-type': mediaType };
        if (options.ifMatch !== undefined)
            headers['if-match'] = options.ifMatch;
        const response = await this.send({ method: 'PUT', url: this.url(ref, `manifests/${tagOrDigest}`), headers, body: bytes, scopes: [pushScope(ref.repository)] }, context);
        if (!response.ok)
            return this.fail(response, context);
        await response.discard();
        const stored = response.headers.get('docker-content-digest');
        if (stored && (0,oci_digest/* isValidDigest */.fH)(stored) && (0,oci_digest/* digestLike */.kG)(stored, bytes) !== stored) {
            throw this.invalid(context, 'DIGEST_MISMATCH', `the registry stored ${stored}, not ${digest}`, response.status);
        }
        const descriptor = { mediaType, digest, size: bytes.length };
        if (manifest.artifactType !== undefined)
            descriptor.artifactType = manifest.artifactType;
        const ociSubject = response.headers.get('oci-subject');
        return { descriptor, ...(ociSubject ? { ociSubject } : {}) };
    }
    async putManifest(ref, tagOrDigest, bytes, mediaType) {
        return (await this.pushManifest(ref, tagOrDigest, bytes, mediaType)).descriptor;
    }
    async listTags(ref) {
        const context = this.context(ref, 'list tags');
        const tags = [];
        let url = `${this.url(ref, 'tags/list')}?n=1000`;
        for (let page = 0; url !== undefined; page += 1) {
            if (page >= MAX_PAGES)
                throw this.invalid(context, 'INVALID_RESPONSE', `more than ${MAX_PAGES} pages of tags`);
            const response = await this.send({ method: 'GET', url, scopes: [pullScope(ref.repository)] }, context);
            if (!response.ok)
                return this.fail(response, context);
            const body = await response.text(this.maxManifestBytes);
            let parsed;
            try {
                parsed = JSON.parse(body);
            }
            catch {
                throw this.invalid(context, 'INVALID_RESPONSE', 'the tag list is not JSON', response.status);
            }
            if (parsed.tags !== null && parsed.tags !== undefined) {
                if (!Array.isArray(parsed.tags) || parsed.tags.some((tag) => typeof tag !== 'string')) {
                    throw this.invalid(context, 'INVALID_RESPONSE', 'the tag list has no array of strings', response.status);
                }
                tags.push(...parsed.tags);
            }
            url = nextLink(response);
        }
        return tags;
    }
    /** `GET /v2/<name>/referrers/<digest>` (OCI 1.1); `supported: false` when the registry answers 404. */
    async queryReferrers(ref, subjectDigest, artifactType) {
        const context = this.context(ref, `list referrers of ${subjectDigest}`);
        this.checkDigest(context, subjectDigest);
        const manifests = [];
        let filtersApplied = [];
        const first = new URL(this.url(ref, `referrers/${subjectDigest}`));
        if (artifactType !== undefined)
            first.searchParams.set('artifactType', artifactType);
        let url = first.toString();
        for (let page = 0; url !== undefined; page += 1) {
            if (page >= MAX_PAGES)
                throw this.invalid(context, 'INVALID_RESPONSE', `more than ${MAX_PAGES} pages of referrers`);
            const response = await this.send({ method: 'GET', url, headers: { accept: media_types/* OCI_INDEX */.$p }, scopes: [pullScope(ref.repository)] }, context);
            if (response.status === 404 && page === 0) {
                await response.discard();
                return { supported: false };
            }
            if (!response.ok)
                return this.fail(response, context);
            const bytes = await response.bytes(this.maxManifestBytes);
            let index;
            try {
                index = (0,oci_manifest/* parseManifest */.Ng)(bytes, (0,media_types/* bareMediaType */.ZX)(response.headers.get('content-type')));
            }
            catch (error) {
                if (!(error instanceof oci_manifest/* ManifestError */.Sh))
                    throw error;
                throw this.invalid(context, 'INVALID_RESPONSE', `the referrers answer: ${error.message}`, response.status);
            }
            if (!(0,oci_manifest/* isIndex */.nw)(index))
                throw this.invalid(context, 'INVALID_RESPONSE', 'the referrers answer is not an image index', response.status);
            manifests.push(...index.manifests);
            filtersApplied = (response.headers.get('oci-filters-applied') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
            url = nextLink(response);
        }
        return { supported: true, index: { schemaVersion: 2, mediaType: media_types/* OCI_INDEX */.$p, manifests }, filtersApplied };
    }
}
/**
 * The client the entry points use: Docker config from the environment, plus insecure registries from
 * `IMAGE_PASSPORT_INSECURE_REGISTRIES` (comma- or space-separated hosts).
 */
function createRegistryClient(options = {}, env = process.env) {
    const fromEnv = (env.IMAGE_PASSPORT_INSECURE_REGISTRIES ?? '').split(/[\s,]+/).filter(Boolean);
    return new RegistryClient({ env, ...options, insecureRegistries: [...fromEnv, ...(options.insecureRegistries ?? [])] });
}


/***/ }),

/***/ 68825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ DigestVerifier),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   kG: () => (/* binding */ digestLike),
/* harmony export */   sI: () => (/* binding */ sha256Digest),
/* harmony export */   t9: () => (/* binding */ digestTag)
/* harmony export */ });
/* unused harmony exports DigestError, verifyDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);


const ALGORITHMS = { sha256: 64, sha512: 128 };
function isValidDigest(digest) {
    const colon = digest.indexOf(':');
    const length = ALGORITHMS[digest.slice(0, colon)];
    return colon > 0 && length !== undefined && new RegExp(`^[a-f0-9]{${length}}$`).test(digest.slice(colon + 1));
}
class DigestError extends Error {
    name = 'DigestError';
}
function algorithmOf(digest) {
    if (!isValidDigest(digest))
        throw new DigestError(`"${digest}" is not a sha256 or sha512 digest`);
    return digest.slice(0, digest.indexOf(':'));
}
function sha256Digest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** The digest of `bytes` in the algorithm `expected` uses, so any valid digest can be compared. */
function digestLike(expected, bytes) {
    const algorithm = algorithmOf(expected);
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
function verifyDigest(bytes, expected) {
    const actual = digestLike(expected, bytes);
    if (actual !== expected)
        throw new DigestError(`content has digest ${actual}, expected ${expected}`);
}
/** `sha256:abc…` → `sha256-abc…`: the tag schema for referrers and cosign's legacy tags. */
function digestTag(digest) {
    algorithmOf(digest);
    return digest.replace(':', '-');
}
/** Passes bytes through while hashing them; errors instead of ending when content, size or cap disagree. */
class DigestVerifier extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    hash;
    expected;
    size;
    maxBytes;
    makeError;
    received = 0;
    constructor(options) {
        super();
        this.hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithmOf(options.digest));
        this.expected = options.digest;
        this.size = options.size;
        this.maxBytes = Math.min(options.size ?? Number.POSITIVE_INFINITY, options.maxBytes ?? Number.POSITIVE_INFINITY);
        this.makeError = options.makeError ?? ((problem) => new DigestError(problem));
    }
    _transform(chunk, _encoding, callback) {
        this.received += chunk.length;
        if (this.received > this.maxBytes) {
            const limit = this.size !== undefined && this.size <= this.maxBytes ? `its size ${this.size}` : `the limit of ${this.maxBytes}`;
            callback(this.makeError(`content is larger than ${limit} bytes`, 'too-large'));
            return;
        }
        this.hash.update(chunk);
        callback(null, chunk);
    }
    _flush(callback) {
        if (this.size !== undefined && this.received !== this.size) {
            callback(this.makeError(`content ended after ${this.received} of ${this.size} bytes`, 'truncated'));
            return;
        }
        const actual = `${this.expected.slice(0, this.expected.indexOf(':'))}:${this.hash.digest('hex')}`;
        if (actual !== this.expected) {
            callback(this.makeError(`content has digest ${actual}, expected ${this.expected}`, 'digest'));
            return;
        }
        callback();
    }
}


/***/ }),

/***/ 28630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QB: () => (/* binding */ isConnectionReset),
/* harmony export */   U6: () => (/* binding */ errorForStatus),
/* harmony export */   W9: () => (/* binding */ errorForNetwork),
/* harmony export */   gl: () => (/* binding */ RegistryError)
/* harmony export */ });
/* unused harmony exports describeErrorBody, networkErrorCode */
function oneLine(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
class RegistryError extends Error {
    name = 'RegistryError';
    registry;
    repository;
    operation;
    status;
    code;
    hint;
    constructor(details) {
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
function loginHint(registry) {
    return `check the credentials for ${registry} (docker login ${registry})`;
}
/** Distribution's `{"errors":[{"code","message","detail"}]}`, or the body's first line. */
function describeErrorBody(body) {
    try {
        const parsed = JSON.parse(body);
        const first = parsed.errors?.[0];
        if (first)
            return [first.code, first.message].filter(Boolean).join(' ');
    }
    catch {
        // not JSON: fall through to the text
    }
    const text = oneLine(body, 160);
    return text === '' ? undefined : text;
}
function errorForStatus(context, response, problem) {
    const { status } = response;
    const said = response.body !== undefined ? describeErrorBody(response.body) : undefined;
    const base = problem ?? said ?? (response.statusText || `status ${status}`);
    const detail = problem && said ? `${problem} (registry said: ${said})` : base;
    const retried = response.attempts && response.attempts > 1 ? `, gave up after ${response.attempts} attempts` : '';
    const make = (code, hint) => new RegistryError({ ...context, code, status, problem: detail, ...(hint !== undefined ? { hint } : {}) });
    if (status === 401)
        return make('UNAUTHORIZED', loginHint(context.registry));
    if (status === 403)
        return make('DENIED', `the credentials for ${context.registry} are not granted this access; ${loginHint(context.registry)}`);
    if (status === 404)
        return make('NOT_FOUND', 'check the repository name, tag and digest');
    if (status === 412)
        return make('PRECONDITION_FAILED', 'the content changed while it was being updated');
    if (status === 429) {
        const wait = response.retryAfterSeconds !== undefined ? `; the registry asked to wait ${response.retryAfterSeconds}s` : '';
        return make('RATE_LIMITED', `rate limited${retried}${wait}; retry later or authenticate for a higher limit`);
    }
    if (status >= 500)
        return make('SERVER_ERROR', `the registry failed${retried}; retry later`);
    return make('HTTP_ERROR');
}
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
/** The first `code` down a `cause` chain: undici wraps socket errors in `TypeError: fetch failed`. */
function networkErrorCode(error) {
    let current = error;
    for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
        const code = current.code;
        if (typeof code === 'string')
            return code;
        current = current.cause;
    }
    return undefined;
}
function isConnectionReset(error) {
    const code = networkErrorCode(error);
    return code !== undefined && RESET_CODES.has(code);
}
function errorForNetwork(context, url, error) {
    const code = networkErrorCode(error) ?? '';
    const origin = new URL(url).origin;
    const make = (errorCode, problem, hint) => new RegistryError({ ...context, code: errorCode, problem, cause: error, ...(hint !== undefined ? { hint } : {}) });
    if (code === 'ECONNREFUSED')
        return make('UNREACHABLE', `registry unreachable: connection refused at ${origin}`, 'is the registry running, and are host and port right?');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return make('UNREACHABLE', `registry unreachable: host ${new URL(url).host} not found`, 'check the registry name');
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
        return make('UNREACHABLE', `registry unreachable: no route to ${origin}`);
    if (RESET_CODES.has(code))
        return make('CONNECTION_RESET', `the connection to ${origin} was reset`, 'retry later');
    if (/^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|EPROTO)/.test(code)) {
        return make('TLS', `TLS handshake with ${origin} failed (${code})`, `if ${context.registry} serves plain HTTP, list it as an insecure registry`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return make('UNREACHABLE', `request to ${origin} failed: ${code ? `${code} ` : ''}${message}`);
}


/***/ }),

/***/ 32060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   nw: () => (/* binding */ isIndex)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29217);


function isIndex(manifest) {
    return (0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexMediaType */ .$$)(manifest.mediaType);
}
class ManifestError extends Error {
    name = 'ManifestError';
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function checkAnnotations(value, where) {
    if (value === undefined)
        return;
    if (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
        throw new ManifestError(`${where}.annotations must map strings to strings`);
    }
}
function checkDescriptor(value, where) {
    if (!isObject(value))
        throw new ManifestError(`${where} is not a descriptor object`);
    if (typeof value.mediaType !== 'string' || value.mediaType === '')
        throw new ManifestError(`${where}.mediaType is missing`);
    if (typeof value.digest !== 'string' || !(0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .fH)(value.digest)) {
        throw new ManifestError(`${where}.digest ${JSON.stringify(value.digest)} is not a valid digest`);
    }
    if (typeof value.size !== 'number' || !Number.isSafeInteger(value.size) || value.size < 0) {
        throw new ManifestError(`${where}.size must be a non-negative integer`);
    }
    checkAnnotations(value.annotations, where);
}
/**
 * Checks the structure the rest of the code relies on; `contentType` is the registry's header, used
 * when the JSON leaves `mediaType` out (OCI allows that).
 */
function parseManifest(bytes, contentType) {
    let json;
    try {
        json = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        throw new ManifestError('the manifest is not valid JSON');
    }
    if (!isObject(json))
        throw new ManifestError('the manifest is not a JSON object');
    if (contentType === _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_SCHEMA1 */ .kj || contentType === _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_SCHEMA1_SIGNED */ .n$ || json.schemaVersion === 1) {
        throw new ManifestError('Docker schema 1 manifests are not supported; push the image again with a current client');
    }
    if (json.schemaVersion !== 2)
        throw new ManifestError(`schemaVersion is ${JSON.stringify(json.schemaVersion)}, expected 2`);
    const declared = typeof json.mediaType === 'string' ? json.mediaType : undefined;
    const mediaType = declared ??
        (contentType && ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexMediaType */ .$$)(contentType) || (0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isImageManifestMediaType */ .d6)(contentType))
            ? contentType
            : Array.isArray(json.manifests)
                ? _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p
                : _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_MANIFEST */ .EG);
    if (declared !== undefined && contentType !== undefined && ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexMediaType */ .$$)(contentType) || (0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isImageManifestMediaType */ .d6)(contentType)) && contentType !== declared) {
        throw new ManifestError(`the registry served it as ${contentType} but its mediaType is ${declared}`);
    }
    checkAnnotations(json.annotations, 'manifest');
    if (json.subject !== undefined)
        checkDescriptor(json.subject, 'subject');
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexMediaType */ .$$)(mediaType)) {
        if (!Array.isArray(json.manifests))
            throw new ManifestError('the index has no manifests array');
        json.manifests.forEach((entry, i) => checkDescriptor(entry, `manifests[${i}]`));
    }
    else if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isImageManifestMediaType */ .d6)(mediaType)) {
        checkDescriptor(json.config, 'config');
        if (!Array.isArray(json.layers))
            throw new ManifestError('the manifest has no layers array');
        json.layers.forEach((entry, i) => checkDescriptor(entry, `layers[${i}]`));
    }
    else {
        throw new ManifestError(`mediaType ${mediaType} is neither an image manifest nor an index`);
    }
    return { ...json, mediaType };
}


/***/ }),

/***/ 29217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   ZX: () => (/* binding */ bareMediaType),
/* harmony export */   d6: () => (/* binding */ isImageManifestMediaType),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   g1: () => (/* binding */ OCI_EMPTY),
/* harmony export */   kj: () => (/* binding */ DOCKER_SCHEMA1),
/* harmony export */   n$: () => (/* binding */ DOCKER_SCHEMA1_SIGNED)
/* harmony export */ });
/* unused harmony exports OCI_IMAGE_CONFIG, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_IMAGE_CONFIG */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_IMAGE_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_IMAGE_CONFIG = 'application/vnd.docker.container.image.v1+json';
const DOCKER_SCHEMA1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
const DOCKER_SCHEMA1 = 'application/vnd.docker.distribution.manifest.v1+json';
/** Sent on every manifest request; without the Docker types a registry may down-convert to schema 1. */
const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST].join(', ');
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
function isImageManifestMediaType(mediaType) {
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/** `application/json; charset=utf-8` → `application/json`. */
function bareMediaType(contentType) {
    const bare = contentType?.split(';')[0]?.trim().toLowerCase();
    return bare ? bare : undefined;
}


/***/ }),

/***/ 62148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   Z9: () => (/* binding */ referenceTarget),
/* harmony export */   my: () => (/* binding */ formatImageReference),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/* unused harmony export ImageReferenceError */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);

const DOCKER_HUB = 'docker.io';
class ImageReferenceError extends Error {
    name = 'ImageReferenceError';
    input;
    constructor(input, problem) {
        super(`invalid image reference ${JSON.stringify(input)}: ${problem}`);
        this.input = input;
    }
}
// The grammar of github.com/distribution/reference, which Docker and containerd share.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HEX_ID = /^[a-f0-9]{64}$/;
const MAX_NAME_LENGTH = 255;
/** Docker's rule: the first path part names a registry only if it looks like a host. */
function splitDomain(name) {
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    if (slash === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
        return { registry: DOCKER_HUB, path: name };
    }
    return { registry: first === 'index.docker.io' ? DOCKER_HUB : first, path: name.slice(slash + 1) };
}
function checkPath(input, path) {
    if (path === '')
        throw new ImageReferenceError(input, 'the repository name is empty');
    for (const component of path.split('/')) {
        if (component === '')
            throw new ImageReferenceError(input, `the repository "${path}" has an empty path component`);
        if (component.includes(':')) {
            throw new ImageReferenceError(input, `the repository "${path}" contains ':'; only one ":tag" may follow the name`);
        }
        if (component.toLowerCase() !== component) {
            throw new ImageReferenceError(input, `the repository "${path}" must be lowercase ("${path.toLowerCase()}")`);
        }
        if (!PATH_COMPONENT.test(component)) {
            throw new ImageReferenceError(input, `the path component "${component}" may hold only a-z, 0-9 and single separators '.', '_', '__' or '-' between them`);
        }
    }
}
function parseImageReference(text) {
    if (text.trim() === '')
        throw new ImageReferenceError(text, 'it is empty');
    if (/\s/.test(text))
        throw new ImageReferenceError(text, 'it contains whitespace');
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (digest.includes('@'))
            throw new ImageReferenceError(text, "it contains more than one '@'");
        if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .fH)(digest)) {
            throw new ImageReferenceError(text, `the digest "${digest}" must be sha256: followed by 64 lowercase hex digits (or sha512: and 128)`);
        }
    }
    if (rest === '')
        throw new ImageReferenceError(text, 'the repository name before the digest is missing');
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag)) {
            throw new ImageReferenceError(text, `the tag "${tag}" must be 1 to 128 of letters, digits, '_', '.' or '-', not starting with '.' or '-'`);
        }
    }
    if (rest === '')
        throw new ImageReferenceError(text, 'the repository name before the tag is missing');
    const { registry, path } = splitDomain(rest);
    if (!DOMAIN.test(registry))
        throw new ImageReferenceError(text, `the registry "${registry}" is not a valid host[:port]`);
    if (HEX_ID.test(path)) {
        throw new ImageReferenceError(text, 'a repository name cannot be a 64-character hex string (that is an image ID; write name@sha256:<hex>)');
    }
    checkPath(text, path);
    const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
    if (registry.length + 1 + repository.length > MAX_NAME_LENGTH) {
        throw new ImageReferenceError(text, `the name is longer than ${MAX_NAME_LENGTH} characters`);
    }
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function formatImageReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** The tag or digest a request names: a digest wins over a tag, as in Docker; no tag means `latest`. */
function referenceTarget(ref) {
    return ref.digest ?? ref.tag ?? 'latest';
}


/***/ })

};

//# sourceMappingURL=835.index.js.map