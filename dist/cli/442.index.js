export const id = 442;
export const ids = [442];
export const modules = {

/***/ 47442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  signCommand: () => (/* binding */ signCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/oci/client.ts + 4 modules
var client = __webpack_require__(3835);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
;// CONCATENATED MODULE: ./src/attest/bundle-media.ts


const ANNOTATION_BUNDLE_CONTENT = 'dev.sigstore.bundle.content';
const ANNOTATION_BUNDLE_PREDICATE_TYPE = 'dev.sigstore.bundle.predicateType';
const ANNOTATION_CREATED = 'org.opencontainers.image.created';
const ANNOTATION_TITLE = 'org.opencontainers.image.title';
/**
 * The layout @sigstore/oci (used by actions/attest) and cosign v3 write: artifactType and the single
 * layer are the bundle's media type, the config is the OCI empty descriptor, and the manifest's
 * annotations say what the bundle holds so a referrers listing can be filtered without fetching it.
 * The layer title is cosign's, which lets `oras pull` save it under a collision-free name.
 */
function bundleReferrerArtifact(bundle, created = new Date()) {
    const bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
    const mediaType = bundle.mediaType;
    const annotations = { [ANNOTATION_CREATED]: created.toISOString() };
    if (bundle.dsseEnvelope !== undefined) {
        annotations[ANNOTATION_BUNDLE_CONTENT] = 'dsse-envelope';
        const predicateType = predicateTypeOf(bundle.dsseEnvelope.payload);
        if (predicateType !== undefined)
            annotations[ANNOTATION_BUNDLE_PREDICATE_TYPE] = predicateType;
    }
    else {
        annotations[ANNOTATION_BUNDLE_CONTENT] = 'message-signature';
    }
    return {
        artifactType: mediaType,
        config: { mediaType: media_types/* OCI_EMPTY */.g1, bytes: Buffer.from('{}') },
        layers: [{ mediaType, bytes, annotations: { [ANNOTATION_TITLE]: `sha256-${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}.sigstore.json` } }],
        annotations,
    };
}
function predicateTypeOf(payloadBase64) {
    try {
        const statement = JSON.parse(Buffer.from(payloadBase64, 'base64').toString('utf8'));
        return typeof statement.predicateType === 'string' ? statement.predicateType : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/attest/predicate-types.ts
/** Predicate types as @actions/attest and `gh attestation verify` name them. */
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const SPDX_DOCUMENT_V2_3 = 'https://spdx.dev/Document/v2.3';
const CYCLONEDX_BOM = 'https://cyclonedx.org/bom';

// EXTERNAL MODULE: ./src/attest/size-limit.ts
var size_limit = __webpack_require__(68474);
;// CONCATENATED MODULE: ./src/attest/errors.ts
class AttestError extends Error {
    name = 'AttestError';
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
/** Collapses a cause to one line: service errors sometimes carry multi-line bodies. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/attest/statement.ts

const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** The DSSE payloadType of an in-toto statement. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** `digest` is the `sha256:<hex>` form registries and build steps report. */
function subjectFor(name, digest) {
    if (name.trim() === '')
        throw new AttestError('invalid-input', `subject for ${digest} has an empty name`);
    const match = /^sha256:(.*)$/.exec(digest);
    const hex = match?.[1];
    if (hex === undefined || !SHA256_HEX.test(hex)) {
        throw new AttestError('invalid-input', `subject ${name} has digest "${digest}": expected sha256: followed by 64 lowercase hex digits`);
    }
    return { name, digest: { sha256: hex } };
}
function buildStatement(subjects, predicateType, predicate) {
    if (subjects.length === 0)
        throw new AttestError('invalid-input', `a ${predicateType} statement needs at least one subject`);
    for (const subject of subjects) {
        if (!SHA256_HEX.test(subject.digest.sha256)) {
            throw new AttestError('invalid-input', `subject ${subject.name} has sha256 "${subject.digest.sha256}": expected 64 lowercase hex digits`);
        }
    }
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(predicateType)) {
        throw new AttestError('invalid-input', `predicate type "${predicateType}" is not a URI`);
    }
    if (predicate === null || typeof predicate !== 'object' || Array.isArray(predicate)) {
        throw new AttestError('invalid-input', `the ${predicateType} predicate must be a JSON object`);
    }
    return { _type: IN_TOTO_STATEMENT_V1, subject: subjects.map((s) => ({ name: s.name, digest: { sha256: s.digest.sha256 } })), predicateType, predicate };
}
/** The exact bytes that get signed; kept in one place so size checks and signing see the same payload. */
function serializeStatement(statement) {
    return Buffer.from(JSON.stringify(statement), 'utf8');
}

// EXTERNAL MODULE: ./src/github/client.ts + 2 modules
var github_client = __webpack_require__(20274);
// EXTERNAL MODULE: ./src/oci/referrers.ts
var referrers = __webpack_require__(50961);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/verify/index.ts + 9 modules
var verify = __webpack_require__(64054);
;// CONCATENATED MODULE: ./src/sign/read-back.ts




/**
 * Reads every stored copy back the way a verifier finds it (the subject's referrers, GitHub's list
 * by digest) and verifies it: a bundle that was written but cannot be found or verified is a failure.
 */
async function readBack(options) {
    for (const attestation of options.attestations) {
        for (const referrer of attestation.referrers) {
            const ref = (0,reference/* parseImageReference */.o_)(referrer.image);
            const subjectDigest = ref.digest;
            const listed = await (0,referrers/* listReferrers */.xt)(options.registry, ref, subjectDigest);
            if (!listed.some((entry) => entry.digest === referrer.digest)) {
                throw new Error(`${referrer.image}: the referrer ${referrer.digest} was stored but is not listed among the subject's referrers`);
            }
            const { manifest } = await options.registry.getManifest(ref, referrer.digest);
            const layer = 'layers' in manifest ? manifest.layers[0] : undefined;
            if (!layer)
                throw new Error(`${referrer.image}: the referrer ${referrer.digest} has no bundle layer`);
            const bytes = await options.registry.getBlob(ref, layer.digest, { maxBytes: layer.size });
            checkCopy(JSON.parse(Buffer.from(bytes).toString('utf8')), attestation, subjectDigest, options.trust, `${referrer.image} referrer ${referrer.digest}`);
        }
        if (attestation.githubId && options.github) {
            const digest = attestation.subjectDigests[0];
            const listed = await options.github.client.listAttestations({ ...(0,github_client/* parseRepository */.SU)(options.github.repository), digest });
            const ours = listed.find((entry) => signatureOf(entry.bundle) === attestation.signature);
            if (!ours)
                throw new Error(`GitHub does not list attestation ${attestation.githubId} for ${digest} in ${options.github.repository} after storing it`);
            checkCopy(ours.bundle, attestation, digest, options.trust, `GitHub attestation ${attestation.githubId}`);
        }
    }
}
function checkCopy(bundle, attestation, digest, trust, where) {
    if (signatureOf(bundle) !== attestation.signature)
        throw new Error(`${where}: the stored bundle is not the one signed`);
    if (trust)
        (0,verify/* verifyAttestationBundle */.C7)((0,verify/* parseBundle */.QN)(bundle, where), trust, { expectedDigest: digest });
}
function signatureOf(bundle) {
    return bundle?.dsseEnvelope?.signatures?.[0]?.sig;
}

// EXTERNAL MODULE: ./src/sign/sbom-statements.ts + 32 modules
var sbom_statements = __webpack_require__(14526);
// EXTERNAL MODULE: ./src/sign/subjects.ts
var subjects = __webpack_require__(56872);
;// CONCATENATED MODULE: ./src/sign/run-sign.ts












/**
 * Sign's engine: check the digest in the registry, make the SBOMs and the provenance, sign every
 * statement under one certificate, store each bundle, then read every copy back and verify it.
 */
async function runSign(options) {
    const target = await (0,subjects/* resolveSignTarget */.R)(options.images, options.digest, options.registry);
    await (0,promises_.mkdir)(options.workDir, { recursive: true });
    const notes = [];
    const statements = [];
    const allSubjects = target.subjects.map((subject) => subjectFor(displayName(target), subject.digest));
    statements.push(toSized(buildStatement(allSubjects, SLSA_PROVENANCE_V1, await options.provenance())));
    const sboms = await (0,sbom_statements/* sbomsFor */.i)(target, options.sbom, options.sbomFormat, options.registry);
    const sbomPaths = [];
    for (const sbom of sboms) {
        const sbomPath = external_node_path_default().join(options.workDir, `sbom-${run_sign_short(sbom.subjectDigests[0])}.json`);
        await (0,promises_.writeFile)(sbomPath, JSON.stringify(sbom.document, null, 2) + '\n');
        sbomPaths.push(sbomPath);
        notes.push(...sbom.warnings);
        const subjects = sbom.subjectDigests.map((digest) => subjectFor(displayName(target), digest));
        statements.push(toSized(buildStatement(subjects, sbom.predicateType, sbom.document)));
    }
    const attestations = [];
    for (const { statement, bytes } of statements) {
        const signed = await options.signer.sign(statement);
        const subjectDigests = statement.subject.map((subject) => `sha256:${subject.digest.sha256}`);
        const bundlePath = external_node_path_default().join(options.workDir, `${kindOf(statement.predicateType)}-${run_sign_short(subjectDigests[0])}.sigstore.json`);
        await (0,promises_.writeFile)(bundlePath, JSON.stringify(signed.bundle) + '\n');
        const stored = { predicateType: statement.predicateType, subjectDigests, bundlePath, signature: run_sign_signatureOf(signed.bundle), referrers: [], ...witnessOf(signed.bundle) };
        if (options.pushToRegistry)
            stored.referrers = await storeInRegistry(options.registry, target, subjectDigests, signed.bundle);
        if (options.github) {
            const size = (0,size_limit/* checkGitHubBundleSize */.Pf)(bytes);
            if (size.fitsGitHub) {
                await storeInGitHub(options.github, signed.bundle, stored, notes, options.pushToRegistry);
            }
            else {
                notes.push(`the ${kindOf(statement.predicateType)} bundle is ${(0,size_limit/* formatMiB */.av)(bytes)}, over GitHub's ${(0,size_limit/* formatMiB */.av)(size_limit/* GITHUB_BUNDLE_LIMIT_BYTES */.pb)} limit: it is stored in the registry only`);
            }
        }
        attestations.push(stored);
    }
    await readBack({ registry: options.registry, target, attestations, trust: options.trust, github: options.github });
    return { target, sbomPaths, attestations, notes };
}
async function storeInRegistry(registry, target, subjectDigests, bundle) {
    const stored = [];
    const artifact = bundleReferrerArtifact(bundle);
    for (const name of target.names) {
        for (const digest of subjectDigests) {
            const subject = target.subjects.find((candidate) => candidate.digest === digest);
            const ref = { registry: name.registry, repository: name.repository, digest };
            const attached = await (0,referrers/* attachReferrer */.vO)(registry, ref, { mediaType: subject.mediaType, digest, size: subject.size }, artifact);
            stored.push({ image: (0,reference/* formatImageReference */.my)(ref), digest: attached.descriptor.digest });
        }
    }
    return stored;
}
async function storeInGitHub(github, bundle, stored, notes, registryCopy) {
    try {
        const id = String(await github.client.createAttestation((0,github_client/* parseRepository */.SU)(github.repository), bundle));
        stored.githubId = id;
        stored.githubUrl = `${github.serverUrl}/${github.repository}/attestations/${id}`;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A plan without attestations must not fail a release whose evidence is already in the registry.
        if (!registryCopy || stored.referrers.length === 0)
            throw error;
        notes.push(`${message}; the bundle is in the registry, where the gate, cosign and gh --bundle-from-oci find it`);
    }
}
function witnessOf(bundle) {
    const entry = bundle.verificationMaterial.tlogEntries?.[0];
    const timestamp = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.[0];
    return {
        ...(entry ? { logIndex: entry.logIndex } : {}),
        ...(timestamp ? { timestamp: 'RFC 3161' } : {}),
    };
}
function run_sign_signatureOf(bundle) {
    return bundle.dsseEnvelope?.signatures[0]?.sig ?? '';
}
function toSized(statement) {
    return { statement, bytes: serializeStatement(statement).length };
}
function displayName(target) {
    const name = target.names[0];
    return `${name.registry}/${name.repository}`;
}
function kindOf(predicateType) {
    return predicateType === SLSA_PROVENANCE_V1 ? 'provenance' : 'sbom';
}
function run_sign_short(digest) {
    return digest.replace('sha256:', '').slice(0, 12);
}

;// CONCATENATED MODULE: ./src/attest/endpoints.ts


const PUBLIC_GOOD_FULCIO_URL = 'https://fulcio.sigstore.dev';
const PUBLIC_GOOD_REKOR_URL = 'https://rekor.sigstore.dev';
/**
 * Public repositories sign on the public-good instance (Fulcio + Rekor); everything else on GitHub's
 * (Fulcio + TSA), because a private repository's names must not land in a public log. This is the
 * choice @actions/attest makes, so bundles verify with the same `gh attestation verify` roots.
 * Explicit URLs replace the choice entirely: mixing a self-hosted Fulcio with a default log would
 * produce bundles no single trusted root verifies.
 */
function chooseSigningEndpoints(choice) {
    const fulcioURL = normalise('fulcio-url', choice.fulcioURL);
    const rekorURL = normalise('rekor-url', choice.rekorURL);
    const tsaURL = normalise('tsa-url', choice.tsaURL);
    if (fulcioURL !== undefined || rekorURL !== undefined || tsaURL !== undefined) {
        if (fulcioURL === undefined) {
            throw new AttestError('endpoint-invalid', 'rekor-url and tsa-url need fulcio-url too: set the Fulcio of the same Sigstore instance');
        }
        if (rekorURL === undefined && tsaURL === undefined) {
            throw new AttestError('endpoint-invalid', 'fulcio-url needs rekor-url or tsa-url: a short-lived certificate only verifies with a log entry or a timestamp');
        }
        return { instance: 'custom', fulcioURL, ...(rekorURL && { rekorURL }), ...(tsaURL && { tsaURL }) };
    }
    if (choice.visibility === 'public') {
        return { instance: 'public-good', fulcioURL: PUBLIC_GOOD_FULCIO_URL, rekorURL: PUBLIC_GOOD_REKOR_URL };
    }
    const host = githubHost(choice.serverURL);
    return { instance: 'github', fulcioURL: `https://fulcio.${host}`, tsaURL: `https://timestamp.${host}` };
}
function githubHost(serverURL) {
    if (serverURL === undefined || serverURL === '')
        return 'githubapp.com';
    let host;
    try {
        host = new URL(serverURL).hostname;
    }
    catch {
        throw new AttestError('endpoint-invalid', `GITHUB_SERVER_URL "${serverURL}" is not a URL`);
    }
    return host === 'github.com' ? 'githubapp.com' : host;
}
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Plain HTTP is only accepted on loopback, where a local Sigstore (or the lab) runs. */
function normalise(input, value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw new AttestError('endpoint-invalid', `${input} "${value}" is not a URL`);
    }
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
        throw new AttestError('endpoint-invalid', `${input} ${value} must use https (plain http is accepted only for localhost)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new AttestError('endpoint-invalid', `${input} ${value} must be an https URL`);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new AttestError('endpoint-invalid', `${input} ${value} must not carry a query or fragment`);
    }
    return url.href.replace(/\/+$/, '');
}
/** The visibility @actions/github would read from the event payload; undefined when there is none. */
async function readRepositoryVisibility(env = process.env) {
    const path = env['GITHUB_EVENT_PATH'];
    if (path === undefined || path === '')
        return undefined;
    let payload;
    try {
        payload = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new AttestError('invalid-input', `GITHUB_EVENT_PATH ${path} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const repository = payload?.repository;
    return typeof repository?.visibility === 'string' ? repository.visibility : undefined;
}

;// CONCATENATED MODULE: ./src/attest/oidc.ts

const SIGSTORE_AUDIENCE = 'sigstore';
const MISSING_ID_TOKEN_PERMISSION = 'no OIDC token: the job needs `permissions: id-token: write`';
async function getIdentityToken(options = {}) {
    if (options.explicit !== undefined && options.explicit.trim() !== '') {
        const token = options.explicit.trim();
        decodeTokenClaims(token, '--identity-token');
        return token;
    }
    const env = options.env ?? process.env;
    const requestURL = env['ACTIONS_ID_TOKEN_REQUEST_URL'];
    const requestToken = env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
    if (!requestURL || !requestToken)
        throw new AttestError('oidc-missing', MISSING_ID_TOKEN_PERMISSION);
    const audience = options.audience ?? SIGSTORE_AUDIENCE;
    // The request URL already carries `?api-version=…`, which is why @actions/core appends with `&` too.
    const url = `${requestURL}&audience=${encodeURIComponent(audience)}`;
    const token = await fetchActionsToken(url, requestToken, options);
    decodeTokenClaims(token, 'the Actions OIDC token service');
    return token;
}
async function fetchActionsToken(url, bearer, options) {
    const doFetch = options.fetch ?? fetch;
    const tries = options.tries ?? 3;
    const timeoutMs = options.timeoutMs ?? 10_000;
    let lastCause = '';
    for (let attempt = 1; attempt <= tries; attempt++) {
        if (attempt > 1)
            await delay(250 * 2 ** (attempt - 2));
        let response;
        try {
            response = await doFetch(url, {
                headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
                signal: AbortSignal.timeout(timeoutMs),
            });
        }
        catch (error) {
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
        let value;
        try {
            value = JSON.parse(text).value;
        }
        catch {
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
function decodeTokenClaims(token, source = 'the identity token') {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[1] === undefined || parts[1] === '') {
        throw new AttestError('oidc-failed', `${source} is not a JWT (expected three dot-separated parts)`);
    }
    let claims;
    try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        throw new AttestError('oidc-failed', `${source} is not a JWT (its payload is not base64url JSON)`);
    }
    if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) {
        throw new AttestError('oidc-failed', `${source} is not a JWT (its payload is not a JSON object)`);
    }
    return claims;
}
function causeOf(error) {
    if (error instanceof Error) {
        const cause = error.cause;
        const detail = cause instanceof Error ? cause.message : '';
        return oneLine(detail && detail !== error.message ? `${error.message} (${detail})` : error.message);
    }
    return String(error);
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// EXTERNAL MODULE: ./node_modules/@actions/attest/lib/index.js + 77 modules
var lib = __webpack_require__(35632);
;// CONCATENATED MODULE: ./src/attest/provenance.ts




/**
 * The predicate is @actions/attest's own, so `gh attestation verify` policies written against
 * actions/attest-build-provenance keep matching field for field. It reads the Actions OIDC
 * environment and GITHUB_SERVER_URL from process.env itself.
 */
async function buildProvenance(options = {}) {
    if (!process.env['GITHUB_SERVER_URL']) {
        throw new AttestError('provenance-failed', 'SLSA provenance needs the GitHub Actions environment: GITHUB_SERVER_URL is not set');
    }
    if (!process.env['ACTIONS_ID_TOKEN_REQUEST_URL'] || !process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
        throw new AttestError('oidc-missing', MISSING_ID_TOKEN_PERMISSION);
    }
    let built;
    try {
        built = await (0,lib/* buildSLSAProvenancePredicate */.W6)(options.issuer);
    }
    catch (error) {
        const message = oneLine(error instanceof Error ? error.message : String(error));
        throw new AttestError('provenance-failed', `SLSA provenance could not be built: ${message}`);
    }
    if (built.type !== SLSA_PROVENANCE_V1) {
        throw new AttestError('provenance-failed', `@actions/attest produced predicate type ${built.type}, expected ${SLSA_PROVENANCE_V1}`);
    }
    return { predicateType: SLSA_PROVENANCE_V1, predicate: built.params };
}
/**
 * Where the provenance token's signature is checked: an explicit issuer first, then the `iss` of the
 * signing token (same runtime, so the same issuer, including enterprise-specific ones and a lab's),
 * then GHES's `/_services/token`. Undefined leaves @actions/attest's default for github.com and GHE.com.
 */
function provenanceIssuer(explicit, identityClaims, serverURL) {
    if (explicit !== undefined && explicit !== '')
        return explicit.replace(/\/+$/, '');
    const iss = identityClaims?.['iss'];
    if (typeof iss === 'string' && /^https?:\/\//.test(iss))
        return iss.replace(/\/+$/, '');
    if (serverURL === undefined || serverURL === '')
        return undefined;
    const host = new URL(serverURL).hostname;
    if (host === 'github.com' || host.endsWith('.ghe.com'))
        return undefined;
    return `${serverURL.replace(/\/+$/, '')}/_services/token`;
}

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(15179);
;// CONCATENATED MODULE: ./src/attest/certificate-signer.ts



/** Fulcio certificates live ten minutes; a signature this close to the end would not get logged in time. */
const EXPIRY_MARGIN_MS = 15_000;
/** The ephemeral P-256 key of the run; the private key never leaves memory. */
class EphemeralKey {
    #privateKey;
    #publicKeyPem;
    constructor() {
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
        this.#privateKey = privateKey;
        this.#publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    }
    async sign(data) {
        return { signature: (0,external_node_crypto_.sign)('sha256', data, this.#privateKey), key: { $case: 'publicKey', publicKey: this.#publicKeyPem } };
    }
}
/**
 * @sigstore/sign's FulcioSigner asks Fulcio for a new certificate on every signature. This signer asks
 * once, on first use, and signs everything after with the same key, so every attestation of a run
 * carries the same leaf certificate (one identity, one Fulcio request, one token use).
 */
class CertificateSigner {
    #key = new EphemeralKey();
    #fulcio;
    #certificate;
    constructor(options) {
        this.#fulcio = new sign_dist/* FulcioSigner */.$o({
            identityProvider: options.identityProvider,
            keyHolder: this.#key,
            fulcioBaseURL: options.fulcioURL,
            timeout: options.timeoutMs,
            retry: options.retry,
        });
    }
    async sign(data) {
        const certificate = await this.certificate();
        if (Date.now() > certificate.notAfter.getTime() - EXPIRY_MARGIN_MS) {
            throw new AttestError('certificate-expired', `the run's Fulcio certificate expires at ${certificate.notAfter.toISOString()}, before every attestation was signed: sign fewer subjects per run`);
        }
        const signature = await this.#key.sign(data);
        return { signature: signature.signature, key: { $case: 'x509Certificate', certificate: certificate.pem } };
    }
    /** The leaf certificate (PEM), requested from Fulcio on the first call. */
    certificate() {
        this.#certificate ??= this.#fulcio.sign(Buffer.alloc(0)).then((signature) => {
            if (signature.key.$case !== 'x509Certificate')
                throw new AttestError('fulcio-refused', 'Fulcio answered without a certificate');
            const pem = signature.key.certificate;
            return { pem, notAfter: new Date(new external_node_crypto_.X509Certificate(pem).validTo) };
        });
        return this.#certificate;
    }
}

;// CONCATENATED MODULE: ./src/attest/sign.ts





/**
 * Signs in-toto statements into DSSE bundles v0.3, all under one Fulcio certificate, witnessed by the
 * instance's Rekor (transparency log entry) and/or TSA (RFC 3161 timestamp).
 */
class AttestationSigner {
    #endpoints;
    #signer;
    #builder;
    #tries;
    constructor(options) {
        this.#endpoints = options.endpoints;
        this.#tries = Math.max(1, options.tries ?? 3);
        const timeout = options.timeoutMs ?? 10_000;
        const backoff = options.backoffMs ?? 1_000;
        const retry = { retries: this.#tries - 1, factor: 2, minTimeout: backoff, maxTimeout: backoff * 4 };
        this.#signer = new CertificateSigner({
            identityProvider: { getToken: options.identityToken },
            fulcioURL: options.endpoints.fulcioURL,
            timeoutMs: timeout,
            retry,
        });
        const witnesses = [];
        if (options.endpoints.rekorURL !== undefined) {
            witnesses.push(new sign_dist/* RekorWitness */.fU({ rekorBaseURL: options.endpoints.rekorURL, fetchOnConflict: true, timeout, retry }));
        }
        if (options.endpoints.tsaURL !== undefined) {
            witnesses.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: timestampEndpoint(options.endpoints.tsaURL), timeout, retry }));
        }
        if (witnesses.length === 0) {
            throw new AttestError('endpoint-invalid', 'the Sigstore instance has neither Rekor nor a TSA: nothing would witness the signatures');
        }
        this.#builder = new sign_dist/* DSSEBundleBuilder */.VV({ signer: this.#signer, witnesses });
    }
    get endpoints() {
        return this.#endpoints;
    }
    /** The run's leaf certificate (PEM); asks Fulcio if no statement was signed yet. */
    async certificate() {
        try {
            return (await this.#signer.certificate()).pem;
        }
        catch (error) {
            throw this.#translate(error);
        }
    }
    async sign(statement) {
        try {
            // Requesting the certificate first keeps a Fulcio failure from racing a witness failure.
            await this.#signer.certificate();
            const bundle = await this.#builder.create({ data: serializeStatement(statement), type: IN_TOTO_PAYLOAD_TYPE });
            return { predicateType: statement.predicateType, bundle: (0,dist.bundleToJSON)(bundle) };
        }
        catch (error) {
            throw this.#translate(error);
        }
    }
    #translate(error) {
        if (error instanceof AttestError)
            return error;
        // An identity provider failure (no OIDC env, say) arrives wrapped; its own line is the right one.
        if (error instanceof sign_dist/* InternalError */.Gd && error.cause instanceof AttestError)
            return error.cause;
        if (!(error instanceof sign_dist/* InternalError */.Gd)) {
            return new AttestError('signing-failed', `signing failed: ${oneLine(error instanceof Error ? error.message : String(error))}`);
        }
        const service = SERVICE_BY_CODE[error.code];
        if (service === undefined) {
            if (error.code.startsWith('IDENTITY_TOKEN')) {
                return new AttestError('oidc-failed', `the identity token could not be used: ${describeCause(error)}`);
            }
            return new AttestError('signing-failed', `signing failed (${error.code}): ${describeCause(error)}`);
        }
        const url = this.#endpoints[service.urlKey] ?? '';
        const status = statusOf(error.cause);
        if (status !== undefined && status < 500 && status !== 408 && status !== 429) {
            return new AttestError(service.refused, `${service.name} at ${url} refused the ${service.request} (${status}): ${httpMessage(error.cause)}`);
        }
        return new AttestError(service.unreachable, `${service.name} at ${url} unreachable after ${this.#tries} tries: ${describeCause(error)}`);
    }
}
/**
 * sigstore-js appends `/api/v1/timestamp` only to a bare host, yet every TSA it can talk to is a
 * Sigstore timestamp-authority serving that path, so a base URL with a path prefix gets it too.
 */
function timestampEndpoint(tsaURL) {
    const url = new URL(tsaURL);
    if (url.pathname.replace(/\/+$/, '').endsWith('/api/v1/timestamp'))
        return tsaURL;
    return `${tsaURL.replace(/\/+$/, '')}/api/v1/timestamp`;
}
const FULCIO = { name: 'Fulcio', urlKey: 'fulcioURL', request: 'certificate request', refused: 'fulcio-refused', unreachable: 'fulcio-unreachable' };
const REKOR = { name: 'Rekor', urlKey: 'rekorURL', request: 'log entry', refused: 'rekor-refused', unreachable: 'rekor-unreachable' };
const TSA = { name: 'TSA', urlKey: 'tsaURL', request: 'timestamp request', refused: 'tsa-refused', unreachable: 'tsa-unreachable' };
const SERVICE_BY_CODE = {
    CA_CREATE_SIGNING_CERTIFICATE_ERROR: FULCIO,
    TLOG_CREATE_ENTRY_ERROR: REKOR,
    TLOG_FETCH_ENTRY_ERROR: REKOR,
    TSA_CREATE_TIMESTAMP_ERROR: TSA,
};
function statusOf(cause) {
    const status = cause?.statusCode;
    return typeof status === 'number' ? status : undefined;
}
/** @sigstore/sign's HTTPError message is `(status) message`; the status is already in the line. */
function httpMessage(cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return oneLine(message.replace(/^\(\d+\)\s*/, '')) || 'no message';
}
function describeCause(error) {
    const cause = error.cause;
    if (cause instanceof Error) {
        const status = statusOf(cause);
        return status === undefined ? oneLine(cause.message) : `HTTP ${status} ${httpMessage(cause)}`;
    }
    return oneLine(error.message);
}

// EXTERNAL MODULE: ./src/usage-error.ts
var usage_error = __webpack_require__(18287);
// EXTERNAL MODULE: ./src/verify/trust-root.ts
var trust_root = __webpack_require__(11552);
;// CONCATENATED MODULE: ./src/sign/sign-settings.ts








/** Builds the engine's options: endpoints by visibility, one signer, the read-back root, GitHub. */
async function signOptionsFor(settings, registry, env = process.env) {
    if (settings.sbomFormat !== 'spdx-json' && settings.sbomFormat !== 'cyclonedx-json') {
        throw new usage_error/* UsageError */.e(`sbom-format "${settings.sbomFormat}" is not known: use spdx-json or cyclonedx-json`);
    }
    const endpoints = chooseSigningEndpoints({
        visibility: await readRepositoryVisibility(env),
        serverURL: env.GITHUB_SERVER_URL,
        fulcioURL: settings.fulcioUrl,
        rekorURL: settings.rekorUrl,
        tsaURL: settings.tsaUrl,
    });
    let token;
    const identityToken = () => (token ??= getIdentityToken({ explicit: settings.identityToken, env }));
    const signer = new AttestationSigner({ endpoints, identityToken });
    const trust = settings.trustedRoot
        ? (0,trust_root/* loadTrustMaterial */.a)(settings.trustedRoot)
        : endpoints.instance === 'public-good'
            ? (0,trust_root/* loadTrustMaterial */.a)('public-good')
            : undefined;
    const repository = env.GITHUB_REPOSITORY;
    const github = settings.githubAttestations && repository
        ? {
            client: github_client/* GitHubClient */.jh.fromEnv(settingsToken(settings), env),
            repository,
            serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        }
        : undefined;
    if (settings.githubAttestations && !repository && !settings.identityToken) {
        throw new usage_error/* UsageError */.e('github-attestations needs GITHUB_REPOSITORY (set in GitHub Actions); pass --no-github-attestations outside Actions');
    }
    return {
        images: settings.images,
        ...(settings.digest ? { digest: settings.digest } : {}),
        sbom: (0,sbom_statements/* parseSbomChoice */.A)(settings.sbom),
        sbomFormat: settings.sbomFormat,
        registry,
        signer,
        provenance: async () => {
            const claims = decodeTokenClaims(await identityToken());
            return (await buildProvenance({ issuer: provenanceIssuer(undefined, claims, env.GITHUB_SERVER_URL) })).predicate;
        },
        trust,
        pushToRegistry: settings.pushToRegistry,
        ...(github ? { github } : {}),
        workDir: settings.workDir,
    };
}
function settingsToken(settings) {
    if (!settings.githubToken)
        throw new usage_error/* UsageError */.e('github-attestations needs a GitHub token (github-token input or GITHUB_TOKEN) with attestations: write');
    return settings.githubToken;
}

;// CONCATENATED MODULE: ./src/sign/sign-outputs.ts
/** The step outputs, the same for the action and the CLI's --json. */
function signOutputs(result) {
    const { attestations } = result;
    return {
        digest: result.target.digest,
        'sbom-path': result.sbomPaths[0] ?? '',
        'bundle-paths': JSON.stringify(attestations.map((attestation) => attestation.bundlePath)),
        'attestation-ids': JSON.stringify(attestations.flatMap((attestation) => (attestation.githubId ? [attestation.githubId] : []))),
        'attestation-urls': JSON.stringify(attestations.flatMap((attestation) => (attestation.githubUrl ? [attestation.githubUrl] : []))),
        'referrer-digests': JSON.stringify(attestations.flatMap((attestation) => attestation.referrers.map((referrer) => referrer.digest))),
    };
}

;// CONCATENATED MODULE: ./src/cli/stdout-guard.ts
/**
 * Runs `work` with anything written to stdout sent to stderr instead, so `--json` prints nothing but
 * its JSON: @actions/attest's provenance builder writes workflow commands (`::debug::`,
 * `::add-mask::`) to stdout through @actions/core; on stderr they stay visible without corrupting it.
 */
async function withStdoutOnStderr(work) {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = process.stderr.write.bind(process.stderr);
    try {
        return await work();
    }
    finally {
        process.stdout.write = write;
    }
}

;// CONCATENATED MODULE: ./src/cli/sign.ts






const help = `usage: image-passport sign --image <name@sha256:…> [--image <other name>]… [--digest sha256:…]
         [--sbom generate|<path>|none] [--sbom-format spdx-json|cyclonedx-json]
         [--fulcio-url U] [--rekor-url U] [--tsa-url U] [--identity-token <jwt>] [--trusted-root <file>]
         [--no-push-to-registry] [--no-github-attestations] [--out <dir>] [--json]

exit 0: signed, stored and verified; 1: failure; 2: usage error`;
async function signCommand(args) {
    const { values } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            image: { type: 'string', multiple: true },
            digest: { type: 'string' },
            sbom: { type: 'string', default: 'generate' },
            'sbom-format': { type: 'string', default: 'spdx-json' },
            'fulcio-url': { type: 'string' },
            'rekor-url': { type: 'string' },
            'tsa-url': { type: 'string' },
            'identity-token': { type: 'string' },
            'trusted-root': { type: 'string' },
            'no-push-to-registry': { type: 'boolean', default: false },
            'no-github-attestations': { type: 'boolean', default: false },
            out: { type: 'string', default: 'image-passport-sign' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        console.log(help);
        return 0;
    }
    const trustedRoot = values['trusted-root'] ?? process.env.IMAGE_PASSPORT_TRUSTED_ROOT;
    const options = await signOptionsFor({
        images: values.image ?? [],
        ...(values.digest ? { digest: values.digest } : {}),
        sbom: values.sbom,
        sbomFormat: values['sbom-format'],
        ...(values['fulcio-url'] ? { fulcioUrl: values['fulcio-url'] } : {}),
        ...(values['rekor-url'] ? { rekorUrl: values['rekor-url'] } : {}),
        ...(values['tsa-url'] ? { tsaUrl: values['tsa-url'] } : {}),
        ...(values['identity-token'] ? { identityToken: values['identity-token'] } : {}),
        ...(trustedRoot ? { trustedRoot } : {}),
        pushToRegistry: !values['no-push-to-registry'],
        githubAttestations: !values['no-github-attestations'],
        ...(process.env.GITHUB_TOKEN ? { githubToken: process.env.GITHUB_TOKEN } : {}),
        workDir: values.out,
    }, (0,client/* createRegistryClient */.H)());
    const result = values.json ? await withStdoutOnStderr(() => runSign(options)) : await runSign(options);
    const outputs = signOutputs(result);
    if (values.json) {
        console.log(JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([key, value]) => [key, value.startsWith('[') ? JSON.parse(value) : value]))));
    }
    else {
        console.error(`signed ${result.target.digest}: ${result.attestations.length} attestation(s)`);
        for (const attestation of result.attestations)
            console.error(`  ${attestation.predicateType}  ${attestation.bundlePath}`);
        for (const note of result.notes)
            console.error(`note: ${note}`);
    }
    return 0;
}


/***/ })

};

//# sourceMappingURL=442.index.js.map