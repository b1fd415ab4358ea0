export const id = 879;
export const ids = [879];
export const modules = {

/***/ 58856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ engineContext)
});

// EXTERNAL MODULE: ./src/evidence/from-files.ts
var from_files = __webpack_require__(63443);
// EXTERNAL MODULE: ./src/github/client.ts + 2 modules
var client = __webpack_require__(20274);
// EXTERNAL MODULE: ./src/verify/trust-root.ts
var trust_root = __webpack_require__(11552);
;// CONCATENATED MODULE: ./src/gate/evidence-context.ts



/** Where the gate looks for evidence and what it trusts, set up once per run. */
async function createEvidenceContext(settings) {
    const localBundles = await (0,from_files/* readBundleFiles */.K)(settings.bundles);
    const loaded = new Map();
    const load = (spec) => {
        let trust = loaded.get(spec);
        if (!trust) {
            trust = (0,trust_root/* loadTrustMaterial */.a)(spec);
            loaded.set(spec, trust);
        }
        return trust;
    };
    const trustFor = (specs) => {
        const chosen = settings.trustedRoot ? [settings.trustedRoot] : specs.map((spec) => (typeof spec === 'string' ? spec : spec.path));
        if (chosen.length === 0)
            return load('public-good');
        // GitHub's root ships nowhere: beside other roots it is left out, and its bundles then fail
        // as signed by an untrusted CA, naming GitHub's; alone it is the configuration error it names.
        const usable = chosen.length > 1 ? chosen.filter((spec) => spec !== 'github') : chosen;
        return mergeTrust(usable.map(load));
    };
    return {
        registry: settings.registry,
        localBundles,
        trustFor,
        ...(settings.githubToken ? { github: client/* GitHubClient */.jh.fromEnv(settings.githubToken, settings.env ?? process.env) } : {}),
    };
}
/** A rule may trust several roots; a bundle verifies if any of them vouches for it. */
function mergeTrust(trusts) {
    if (trusts.length === 1)
        return trusts[0];
    return {
        source: trusts.map((trust) => trust.source).join(', '),
        roots: trusts.flatMap((trust) => trust.roots),
        description: trusts.map((trust) => trust.description).join('; '),
    };
}

// EXTERNAL MODULE: ./src/oci/client.ts + 4 modules
var oci_client = __webpack_require__(3835);
;// CONCATENATED MODULE: ./src/cli/engine-context.ts


/** The CLI's evidence sources: registry credentials as Docker keeps them, GITHUB_TOKEN when set. */
async function engineContext(settings) {
    return createEvidenceContext({
        registry: (0,oci_client/* createRegistryClient */.H)(),
        bundles: settings.bundles,
        ...(settings.trustedRoot ? { trustedRoot: settings.trustedRoot } : {}),
        ...(process.env.GITHUB_TOKEN ? { githubToken: process.env.GITHUB_TOKEN } : {}),
    });
}


/***/ }),

/***/ 62156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ policyFlagOptions),
/* harmony export */   x: () => (/* binding */ settingsFromFlags)
/* harmony export */ });
/* harmony import */ var _usage_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18287);

/** The policy flags gate and verify share. */
const policyFlagOptions = {
    policy: { type: 'string' },
    'signer-repository': { type: 'string' },
    'signer-workflow': { type: 'string' },
    'signer-issuer': { type: 'string' },
    'allowed-refs': { type: 'string', multiple: true },
    require: { type: 'string', multiple: true },
    'allowed-registries': { type: 'string', multiple: true },
    'trusted-root': { type: 'string' },
    bundles: { type: 'string', multiple: true },
    mode: { type: 'string' },
};
function settingsFromFlags(values, manifests) {
    const trustedRoot = values['trusted-root'] ?? process.env.IMAGE_PASSPORT_TRUSTED_ROOT;
    return {
        manifests,
        ...(values.policy ? { policyFile: values.policy } : {}),
        ...(values['signer-repository'] ? { signerRepository: values['signer-repository'] } : {}),
        ...(values['signer-workflow'] ? { signerWorkflow: values['signer-workflow'] } : {}),
        ...(values['signer-issuer'] ? { signerIssuer: values['signer-issuer'] } : {}),
        allowedRefs: (0,_usage_error_js__WEBPACK_IMPORTED_MODULE_0__/* .splitList */ .r)(values['allowed-refs']),
        require: values.require ? (0,_usage_error_js__WEBPACK_IMPORTED_MODULE_0__/* .splitList */ .r)(values.require) : ['provenance'],
        allowedRegistries: (0,_usage_error_js__WEBPACK_IMPORTED_MODULE_0__/* .splitList */ .r)(values['allowed-registries']),
        ...(values.mode ? { mode: values.mode } : {}),
        ...(trustedRoot ? { trustedRoot } : {}),
        bundles: values.bundles ?? [],
    };
}


/***/ }),

/***/ 63443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readBundleFiles),
/* harmony export */   a: () => (/* binding */ localEvidenceFor)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/** Reads Sigstore bundles from JSON files (one bundle) or JSON Lines files (one bundle a line). */
async function readBundleFiles(files) {
    const bundles = [];
    for (const file of files) {
        let text;
        try {
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
        }
        catch (error) {
            throw new Error(`${file}: cannot read the bundle file (${error.code ?? String(error)})`);
        }
        bundles.push(...parseBundleText(file, text));
    }
    return bundles;
}
function parseBundleText(file, text) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new Error(`${file}: the bundle file is empty`);
    try {
        return [{ file, bundle: JSON.parse(trimmed) }];
    }
    catch {
        return trimmed
            .split('\n')
            .map((line, index) => ({ line: line.trim(), number: index + 1 }))
            .filter(({ line }) => line !== '')
            .map(({ line, number }) => {
            try {
                return { file: `${file}:${number}`, bundle: JSON.parse(line) };
            }
            catch {
                throw new Error(`${file}:${number}: not JSON; a bundle file holds one bundle as JSON or one bundle a line (JSONL)`);
            }
        });
    }
}
/** Local bundles are offered as evidence for every digest; verification keeps those whose subject matches. */
function localEvidenceFor(digest, bundles) {
    return bundles.map(({ file, bundle }) => ({ source: 'local', forDigest: digest, location: file, bundle }));
}


/***/ }),

/***/ 98512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ policyForSettings)
});

// EXTERNAL MODULE: ./src/usage-error.ts
var usage_error = __webpack_require__(18287);
// EXTERNAL MODULE: ./src/policy/field-values.ts
var field_values = __webpack_require__(9401);
// EXTERNAL MODULE: ./src/policy/policy-error.ts
var policy_error = __webpack_require__(81781);
// EXTERNAL MODULE: ./src/policy/predicate-types.ts
var predicate_types = __webpack_require__(92875);
;// CONCATENATED MODULE: ./src/policy/inline-inputs.ts



/** Action inputs and CLI flags give lists as commas or lines. */
function splitListInput(text) {
    return (text ?? '')
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function policyFromInputs(inputs) {
    const field = (name, value, parse) => {
        try {
            return parse(value);
        }
        catch (problem) {
            if (problem instanceof policy_error/* FieldProblem */.k)
                throw new policy_error/* PolicyError */.p(`${name}: ${problem.message}`);
            throw problem;
        }
    };
    const workflow = nonEmpty(inputs.signerWorkflow) ? field('signer-workflow', inputs.signerWorkflow, field_values/* parseWorkflow */.hM) : undefined;
    const repository = nonEmpty(inputs.signerRepository) ? field('signer-repository', inputs.signerRepository, field_values/* parseRepository */.SU) : undefined;
    const refs = (inputs.allowedRefs ?? []).map((ref) => field('allowed-refs', ref, field_values/* parseRefPattern */.Rc));
    const identity = { ...(workflow ? { workflow } : {}), ...(repository ? { repository } : {}), ...(refs.length > 0 ? { refs } : {}) };
    try {
        (0,field_values/* ensureIdentityPinned */.BL)(identity);
    }
    catch {
        throw new policy_error/* PolicyError */.p('signer-repository or signer-workflow: one is required (or give a policy file) — e.g. signer-repository: acme/app');
    }
    const signer = {
        issuer: nonEmpty(inputs.signerIssuer) ? field('signer-issuer', inputs.signerIssuer, field_values/* parseIssuer */.zI) : field_values/* GITHUB_ISSUER */.oX,
        ...identity,
        runner: 'github-hosted',
        triggers: { deny: field_values/* DEFAULT_DENIED_TRIGGERS */.SA },
    };
    const registries = (inputs.allowedRegistries ?? []).map((registry) => field('allowed-registries', registry, registryPattern));
    const require = inputs.require ?? [];
    return {
        version: 1,
        mode: nonEmpty(inputs.mode) ? field('mode', inputs.mode, (value) => (0,field_values/* parseChoice */.HU)(value, field_values/* MODES */.FN)) : 'enforce',
        trust: inputs.trust && inputs.trust.length > 0 ? inputs.trust.map((value) => field('trust', value, field_values/* parseTrust */.Sb)) : field_values/* DEFAULT_TRUST */.TC,
        rules: [
            {
                images: registries.length > 0 ? registries : ['**'],
                signer,
                require: require.length > 0 ? require.map((name) => field('require', name, field_values/* parseRequirement */.pP)) : [{ name: 'provenance', predicateTypes: predicate_types/* REQUIREMENT_NAMES */.dN['provenance'] }],
                platforms: 'index',
            },
        ],
        source: 'inputs',
    };
}
/** A registry host (optionally with a path prefix) becomes the pattern of everything under it. */
function registryPattern(text) {
    const registry = text.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
    if (registry === '' || registry.includes('*'))
        throw new policy_error/* FieldProblem */.k(`"${text}" is not a registry host such as ghcr.io or ghcr.io/acme`);
    return (0,field_values/* parseImagePattern */.Fq)(`${registry}/**`);
}
function nonEmpty(value) {
    return value !== undefined && value.trim() !== '';
}

// EXTERNAL MODULE: ./src/policy/policy-file.ts
var policy_file = __webpack_require__(5301);
;// CONCATENATED MODULE: ./src/gate/gate-settings.ts



/** The policy a run enforces: the file, or the inline inputs, never both; `mode` overrides the file's. */
async function policyForSettings(settings) {
    const inline = settings.signerRepository || settings.signerWorkflow || settings.allowedRefs.length > 0 || settings.allowedRegistries.length > 0;
    if (settings.mode !== undefined && settings.mode !== 'enforce' && settings.mode !== 'audit') {
        throw new usage_error/* UsageError */.e(`mode "${settings.mode}" is not known: use enforce or audit`);
    }
    if (settings.manifests.length === 0)
        throw new usage_error/* UsageError */.e('no manifests given: name files, globs, directories or - for stdin');
    let policy;
    if (settings.policyFile) {
        if (inline) {
            throw new usage_error/* UsageError */.e('both a policy file and inline signer inputs were given: put the signer rule in the policy file, or drop the policy and use the inline inputs alone');
        }
        policy = await (0,policy_file/* loadPolicyFile */.n)(settings.policyFile);
    }
    else if (inline) {
        policy = policyFromInputs({
            signerRepository: settings.signerRepository,
            signerWorkflow: settings.signerWorkflow,
            signerIssuer: settings.signerIssuer,
            allowedRefs: settings.allowedRefs,
            require: settings.require,
            allowedRegistries: settings.allowedRegistries,
            mode: settings.mode === 'audit' ? 'audit' : 'enforce',
        });
    }
    else {
        throw new usage_error/* UsageError */.e('no policy: give a policy file, or at least signer-repository (and signer-workflow, allowed-refs, require)');
    }
    return settings.mode ? { ...policy, mode: settings.mode } : policy;
}


/***/ }),

/***/ 59050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ judgeImages),
  R: () => (/* binding */ runGate)
});

;// CONCATENATED MODULE: ./src/evidence/from-github.ts
/**
 * One bulk-list request per owner covers every digest the run will look up (GitHub takes 1024 a
 * request); a digest nobody announced falls back to the per-digest list.
 */
function gitHubLookup(github, wanted) {
    const bulk = new Map();
    return {
        async bundlesFor(owner, digest) {
            const key = owner.toLowerCase();
            const digests = wanted.get(key);
            let attestations;
            if (digests?.has(digest)) {
                if (!bulk.has(key))
                    bulk.set(key, github.bulkListAttestations(owner, [...digests]));
                attestations = (await bulk.get(key)).get(digest) ?? [];
            }
            else {
                attestations = await github.listAttestations({ owner, digest });
            }
            return attestations.flatMap((attestation, index) => attestation.bundle === undefined
                ? []
                : [{ source: 'github-api', forDigest: digest, location: `GitHub attestation ${index + 1} of ${owner} for ${digest}`, bundle: attestation.bundle }]);
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/k8s/manifest-error.ts
var manifest_error = __webpack_require__(17180);
;// CONCATENATED MODULE: ./src/k8s/read-manifests.ts





const MANIFEST_EXTENSIONS = '**/*.{yaml,yml,json}';
async function readManifests(inputs, options) {
    if (inputs.length === 0)
        throw new manifest_error/* ManifestError */.S('manifests: no input given — name files, globs, directories or - for stdin');
    const files = [];
    const seen = new Set();
    for (const input of inputs) {
        if (input === '-') {
            if (!options.stdin)
                throw new manifest_error/* ManifestError */.S('manifests: "-" reads stdin, which is not available here — name the files instead');
            if (seen.has('-'))
                continue;
            seen.add('-');
            files.push(parseManifest('-', await options.stdin()));
            continue;
        }
        for (const file of await expandInput(input, options.cwd)) {
            const absolute = external_node_path_default().resolve(options.cwd, file);
            if (seen.has(absolute))
                continue;
            seen.add(absolute);
            files.push(parseManifest(file, await readText(absolute, file)));
        }
    }
    return files;
}
async function expandInput(input, cwd) {
    const absolute = external_node_path_default().resolve(cwd, input);
    const stats = await (0,promises_.stat)(absolute).catch(() => undefined);
    if (stats?.isFile())
        return [input];
    if (stats?.isDirectory()) {
        const found = await (0,dist/* glob */.TI)(MANIFEST_EXTENSIONS, { cwd: absolute, onlyFiles: true });
        if (found.length === 0)
            throw new manifest_error/* ManifestError */.S(`manifests: directory "${input}" holds no .yaml, .yml or .json file — check the path`);
        return found.sort().map((file) => external_node_path_default().posix.join(input.replaceAll('\\', '/'), file));
    }
    if (!(0,dist/* isDynamicPattern */.ey)(input))
        throw new manifest_error/* ManifestError */.S(`manifests: "${input}" does not exist — check the path (relative to ${cwd})`);
    const found = await (0,dist/* glob */.TI)(input, { cwd, onlyFiles: true, absolute: external_node_path_default().isAbsolute(input), expandDirectories: false });
    if (found.length === 0)
        throw new manifest_error/* ManifestError */.S(`manifests: "${input}" matches no file — check the pattern (relative to ${cwd})`);
    return found.sort();
}
async function readText(absolute, shown) {
    try {
        return await (0,promises_.readFile)(absolute, 'utf8');
    }
    catch (error) {
        throw new manifest_error/* ManifestError */.S(`${shown}: cannot be read (${error.code ?? String(error)}) — check the path and its permissions`);
    }
}
/** Parses one manifest text (YAML streams, Helm output and JSON alike: JSON is YAML). */
function parseManifest(file, text) {
    const lineCounter = new yaml_dist/* LineCounter */.HN();
    const documents = (0,yaml_dist/* parseAllDocuments */.hR)(text, { lineCounter, prettyErrors: false });
    const streamErrors = 'empty' in documents ? documents.errors : [];
    const list = [...documents];
    const error = [...streamErrors, ...list.flatMap((document) => document.errors)][0];
    if (error) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        throw new manifest_error/* ManifestError */.S(`${file}:${line}:${col}: ${firstLine(error.message)} — fix the YAML`);
    }
    return { path: file, text, documents: list };
}
function firstLine(message) {
    return message.split('\n', 1)[0].trim();
}

;// CONCATENATED MODULE: ./src/k8s/find-images.ts

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
/** Labels and annotations may use `image` as a key for plain text, never for a pulled image. */
const FREE_TEXT_MAPS = new Set(['labels', 'annotations']);
function findImages(files) {
    return locateImages(files).map(({ scalar: _scalar, ...occurrence }) => occurrence);
}
function locateImages(files) {
    const found = [];
    for (const file of files) {
        const toPosition = positionFinder(file.text);
        file.documents.forEach((document, docIndex) => {
            if (!document.contents)
                return;
            const record = (scalar, valueNode, path, at) => {
                const { line, column } = toPosition(valueNode.range?.[0] ?? 0);
                found.push({ image: scalar.value, file: file.path, line, column, kind: at.kind, name: at.name, docIndex, path, scalar, ...(at.container === undefined ? {} : { container: at.container }) });
            };
            visitResource(document.contents, [], (node, path, owner) => walk(document, node, path, owner, undefined, record));
        });
    }
    return found;
}
function visitResource(node, path, visit) {
    if (!(0,yaml_dist/* isMap */.jh)(node)) {
        visit(node, path, { kind: '', name: '' });
        return;
    }
    const owner = { kind: stringAt(node, 'kind') ?? '', name: nameOf(node) };
    const items = node.get('items', true);
    if (owner.kind.endsWith('List') && (0,yaml_dist/* isSeq */.oP)(items)) {
        items.items.forEach((item, index) => {
            if ((0,yaml_dist/* isMap */.jh)(item) && stringAt(item, 'kind') !== undefined)
                visitResource(item, [...path, 'items', index], visit);
            else if (item && typeof item === 'object')
                visit(item, [...path, 'items', index], owner);
        });
        for (const pair of node.items) {
            if ((0,yaml_dist/* isScalar */.jn)(pair.key) && pair.key.value === 'items')
                continue;
            if (pair.value && (0,yaml_dist/* isScalar */.jn)(pair.key))
                visit(pair.value, [...path, String(pair.key.value)], owner);
        }
        return;
    }
    visit(node, path, owner);
}
function walk(document, node, path, owner, container, found) {
    if ((0,yaml_dist/* isSeq */.oP)(node)) {
        node.items.forEach((item, index) => {
            if (item && typeof item === 'object')
                walk(document, item, [...path, index], owner, container, found);
        });
        return;
    }
    if (!(0,yaml_dist/* isMap */.jh)(node))
        return;
    for (const pair of node.items) {
        if (!(0,yaml_dist/* isScalar */.jn)(pair.key) || !pair.value || typeof pair.value !== 'object')
            continue;
        const key = String(pair.key.value);
        const value = pair.value;
        const valuePath = [...path, key];
        if (FREE_TEXT_MAPS.has(key) && path.at(-1) === 'metadata')
            continue;
        if (key === 'image') {
            const image = imageScalar(document, value);
            if (image) {
                found(image.scalar, image.at, [...valuePath, ...image.subPath], { ...owner, ...(container === undefined ? {} : { container }) });
                continue;
            }
        }
        if (CONTAINER_LISTS.has(key) && (0,yaml_dist/* isSeq */.oP)(value)) {
            value.items.forEach((item, index) => {
                if ((0,yaml_dist/* isMap */.jh)(item))
                    walk(document, item, [...valuePath, index], owner, stringAt(item, 'name') ?? '', found);
            });
            continue;
        }
        walk(document, value, valuePath, owner, container, found);
    }
}
/** `image: ref`, `image: *anchor`, or a pod's image volume `image: {reference: ref}`. */
function imageScalar(document, value) {
    const resolved = (0,yaml_dist/* isAlias */.Vj)(value) ? value.resolve(document) : value;
    if ((0,yaml_dist/* isScalar */.jn)(resolved) && typeof resolved.value === 'string' && resolved.value.trim() !== '') {
        return { scalar: resolved, at: value, subPath: [] };
    }
    if ((0,yaml_dist/* isMap */.jh)(resolved)) {
        const reference = resolved.get('reference', true);
        if ((0,yaml_dist/* isScalar */.jn)(reference) && typeof reference.value === 'string' && reference.value.trim() !== '') {
            return { scalar: reference, at: reference, subPath: ['reference'] };
        }
    }
    return undefined;
}
function stringAt(map, key) {
    const node = map.get(key, true);
    return (0,yaml_dist/* isScalar */.jn)(node) && typeof node.value === 'string' ? node.value : undefined;
}
function nameOf(resource) {
    const metadata = resource.get('metadata', true);
    return (0,yaml_dist/* isMap */.jh)(metadata) ? (stringAt(metadata, 'name') ?? '') : '';
}
function positionFinder(text) {
    const lineStarts = [0];
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
        lineStarts.push(index + 1);
    return (offset) => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (lineStarts[middle] <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        return { line: low + 1, column: offset - lineStarts[low] + 1 };
    };
}

;// CONCATENATED MODULE: ./src/k8s/pin.ts



/** Characters an image reference may hold that stay a plain scalar in block and flow context alike. */
const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@+]*$/;
/**
 * Rewrites each image found in the manifests to its pinned form by splicing the source text at the
 * scalar's range, so everything else (comments, quoting, indentation, key order) stays byte for byte.
 * Images without a pin are left as written.
 */
function pinManifests(files, pins) {
    const located = locateImages(files);
    return files.map((file) => {
        const edits = new Map();
        for (const image of located) {
            if (image.file === file.path && pins.has(image.image) && !edits.has(image.scalar))
                edits.set(image.scalar, image);
        }
        const ordered = [...edits.values()].sort((a, b) => rangeOf(b)[0] - rangeOf(a)[0]);
        let text = file.text;
        for (const image of ordered) {
            const [start, end] = rangeOf(image);
            text = text.slice(0, start) + renderScalar(image, pins.get(image.image)) + text.slice(end);
        }
        return { path: file.path, text };
    });
}
function rangeOf(image) {
    const range = image.scalar.range;
    if (!range)
        throw new manifest_error/* ManifestError */.S(`${image.file}:${image.line}:${image.column}: ${image.image} has no source position — pin it by hand`);
    return [range[0], range[1]];
}
function renderScalar(image, value) {
    switch (image.scalar.type) {
        case yaml_dist/* Scalar */.X5.PLAIN:
            return PLAIN_SAFE.test(value) ? value : JSON.stringify(value);
        case yaml_dist/* Scalar */.X5.QUOTE_DOUBLE:
            return JSON.stringify(value);
        case yaml_dist/* Scalar */.X5.QUOTE_SINGLE:
            return `'${value.replaceAll("'", "''")}'`;
        default:
            throw new manifest_error/* ManifestError */.S(`${image.file}:${image.line}:${image.column}: ${image.image} is written as a block scalar, which cannot be pinned in place — write the image on one line`);
    }
}

// EXTERNAL MODULE: ./src/policy/describe.ts
var describe = __webpack_require__(18621);
// EXTERNAL MODULE: ./src/policy/predicate-types.ts
var predicate_types = __webpack_require__(92875);
// EXTERNAL MODULE: ./src/policy/patterns.ts
var patterns = __webpack_require__(82819);
// EXTERNAL MODULE: ./src/policy/signer-identity.ts
var signer_identity = __webpack_require__(56221);
;// CONCATENATED MODULE: ./src/policy/signer-check.ts


/** The first way the signer falls short of the rule, or undefined when it passes every check. */
function checkSigner(rule, signer) {
    if (signer.issuer !== rule.issuer) {
        return {
            code: 'signer-issuer',
            field: 'signer.issuer',
            expected: rule.issuer,
            found: signer.issuer ?? '(none)',
            message: `signed with an identity from ${signer.issuer ?? 'an unknown issuer'}; the policy wants ${rule.issuer}`,
            fix: 'sign from GitHub Actions of the expected server, or set signer.issuer to the issuer that signed if you trust it',
        };
    }
    const server = (0,signer_identity/* serverForIssuer */.CN)(rule.issuer);
    const signedBy = (0,signer_identity/* describeSigner */.cg)(signer, rule.issuer);
    const wanted = (0,signer_identity/* describeWanted */.$C)(rule);
    const identityMismatch = (code, field, expected, found, fix) => ({
        code,
        field,
        expected,
        found,
        message: `signed by ${signedBy}; the policy wants ${wanted}`,
        fix,
    });
    if (rule.repository) {
        const expected = (0,signer_identity/* repositoryUri */.LJ)(rule.repository, server);
        if (!sameUri(signer.sourceRepositoryUri, expected)) {
            return identityMismatch('signer-repository', 'signer.repository', expected, signer.sourceRepositoryUri ?? '(none)', `sign the image from ${rule.repository}, or add a rule for the other repository if you trust it`);
        }
    }
    if (rule.owner) {
        const expected = `${server}/${rule.owner}`;
        const found = signer.sourceRepositoryOwnerUri ?? ownerUriOf(signer.sourceRepositoryUri);
        if (!sameUri(found, expected)) {
            return identityMismatch('signer-owner', 'signer.owner', expected, found ?? '(none)', `sign the image from a repository of ${rule.owner}`);
        }
    }
    if (rule.workflow) {
        const workflowUri = (0,signer_identity/* signerWorkflowUri */.qo)(signer);
        const { file, ref } = (0,signer_identity/* splitWorkflowUri */.SS)(workflowUri ?? '');
        const repositoryPrefix = `${server}/${rule.workflow.repository}/`;
        const expectedFile = `${repositoryPrefix}${rule.workflow.path}`;
        const fileMatches = file.slice(0, repositoryPrefix.length).toLowerCase() === repositoryPrefix.toLowerCase() && file.slice(repositoryPrefix.length) === rule.workflow.path;
        const refMatches = rule.workflow.ref === undefined || (ref !== undefined && (0,patterns/* matchesRefPattern */.jo)(rule.workflow.ref, ref));
        if (!fileMatches || !refMatches) {
            return identityMismatch('signer-workflow', 'signer.workflow', rule.workflow.ref ? `${expectedFile}@${(0,signer_identity/* describeRefPattern */.Vk)(rule.workflow.ref)}` : expectedFile, workflowUri ?? '(none)', `sign with ${rule.workflow.repository}/${rule.workflow.path}${rule.workflow.ref ? ` at ${(0,signer_identity/* describeRefPattern */.Vk)(rule.workflow.ref)}` : ''}, or change signer.workflow if that workflow is trusted`);
        }
    }
    if (rule.refs && !(signer.sourceRepositoryRef !== undefined && rule.refs.some((pattern) => (0,patterns/* matchesRefPattern */.jo)(pattern, signer.sourceRepositoryRef)))) {
        return identityMismatch('signer-ref', 'signer.refs', rule.refs.map(signer_identity/* describeRefPattern */.Vk).join(' or '), signer.sourceRepositoryRef ?? '(none)', `sign from ${rule.refs.map(signer_identity/* describeRefPattern */.Vk).join(' or ')}, or add ${signer.sourceRepositoryRef ?? 'the ref'} to signer.refs if images built there may deploy`);
    }
    if (rule.commit && signer.sourceRepositoryDigest?.toLowerCase() !== rule.commit) {
        return {
            code: 'signer-commit',
            field: 'signer.commit',
            expected: rule.commit,
            found: signer.sourceRepositoryDigest ?? '(none)',
            message: `signed by ${signedBy} at commit ${signer.sourceRepositoryDigest ?? '(unknown)'}; the policy wants commit ${rule.commit}`,
            fix: 'deploy the image built from the pinned commit, or update signer.commit',
        };
    }
    if (rule.repositoryId && signer.sourceRepositoryIdentifier !== rule.repositoryId) {
        return {
            code: 'signer-repository-id',
            field: 'signer.repository-id',
            expected: rule.repositoryId,
            found: signer.sourceRepositoryIdentifier ?? '(none)',
            message: `signed by ${signedBy} from repository id ${signer.sourceRepositoryIdentifier ?? '(none)'}; the policy pins repository id ${rule.repositoryId} (a repository deleted and re-created under the same name gets a new id)`,
            fix: 'do not deploy this image unless the repository was re-created on purpose; then update repository-id',
        };
    }
    if (rule.ownerId && signer.sourceRepositoryOwnerIdentifier !== rule.ownerId) {
        return {
            code: 'signer-owner-id',
            field: 'signer.owner-id',
            expected: rule.ownerId,
            found: signer.sourceRepositoryOwnerIdentifier ?? '(none)',
            message: `signed by ${signedBy} under owner id ${signer.sourceRepositoryOwnerIdentifier ?? '(none)'}; the policy pins owner id ${rule.ownerId} (an account renamed or re-registered under the same name gets a new id)`,
            fix: 'do not deploy this image unless the owner account changed on purpose; then update owner-id',
        };
    }
    if (rule.runner !== 'any' && signer.runnerEnvironment !== rule.runner) {
        const found = signer.runnerEnvironment ?? '(none)';
        return {
            code: 'signer-runner',
            field: 'signer.runner',
            expected: rule.runner,
            found,
            message: `signed by ${signedBy} on ${signer.runnerEnvironment ? `a ${found} runner` : 'a runner the certificate does not name'}; the policy wants a ${rule.runner} runner`,
            fix: rule.runner === 'github-hosted'
                ? 'build and sign on a GitHub-hosted runner (a self-hosted runner can keep state between jobs), or set signer.runner: any'
                : `build and sign on a ${rule.runner} runner, or change signer.runner`,
        };
    }
    const trigger = signer.buildTrigger;
    const allowed = rule.triggers.allow;
    const denied = trigger === undefined ? undefined : rule.triggers.deny.find((pattern) => (0,patterns/* matchesTriggerPattern */.QR)(pattern, trigger));
    if (trigger === undefined || denied !== undefined || (allowed && !allowed.some((pattern) => (0,patterns/* matchesTriggerPattern */.QR)(pattern, trigger)))) {
        const wantedTriggers = allowed ? `only ${allowed.join(', ')} events` : `no ${rule.triggers.deny.join(', ')} events`;
        return {
            code: 'signer-trigger',
            field: 'signer.triggers',
            expected: wantedTriggers,
            found: trigger ?? '(none)',
            message: `signed by ${signedBy} from ${trigger ? `a ${trigger} event` : 'an event the certificate does not name'}; the policy allows ${wantedTriggers}`,
            fix: 'sign from a push, release, tag or workflow_dispatch run (pull request runs build code nobody has reviewed yet), or change signer.triggers',
        };
    }
    return undefined;
}
function sameUri(found, expected) {
    return found !== undefined && (0,patterns/* sameGitHubName */.xt)(found.replace(/\/+$/, ''), expected);
}
function ownerUriOf(repository) {
    return repository?.replace(/\/[^/]+\/?$/, '');
}

;// CONCATENATED MODULE: ./src/policy/select-rule.ts

/** The first rule whose image patterns match wins; undefined means the image is denied. */
function selectRule(policy, imageName) {
    const index = policy.rules.findIndex((rule) => rule.images.some((pattern) => (0,patterns/* matchesImagePattern */.hN)(pattern, imageName)));
    return index === -1 ? undefined : { rule: policy.rules[index], index };
}
/** The roots an image's bundles must verify against: its rule's own, else the policy's. Verify with these before evaluating. */
function trustForImage(policy, imageName) {
    return selectRule(policy, imageName)?.rule.trust ?? policy.trust;
}

;// CONCATENATED MODULE: ./src/policy/evaluate.ts



/**
 * Applies the policy to one image. Each requirement needs an attestation of its type whose subject is
 * the digest it was fetched for and whose signer passes the rule; any evidence error fails the image.
 */
function evaluateImage(policy, image, attestations, evidenceErrors) {
    const selected = selectRule(policy, image.name);
    if (!selected) {
        const patterns = policy.rules.flatMap((rule) => rule.images);
        return {
            result: 'fail',
            reasons: [
                {
                    code: 'no-matching-rule',
                    field: 'images',
                    expected: patterns.join(', '),
                    found: image.name,
                    message: `${image.name} matches no rule of the policy, which covers only ${patterns.join(', ')}`,
                    fix: `deploy an image from an allowed registry, or add a rule whose images pattern matches ${image.name}`,
                },
            ],
            evidence: [],
        };
    }
    const ruleNumber = selected.index + 1;
    const { rule } = selected;
    const reasons = [];
    const evidence = [];
    let signer;
    let candidateSigner;
    for (const group of digestGroups(rule, image, reasons, ruleNumber)) {
        const groupNote = group.label ? ` for ${group.label}` : '';
        const forGroup = attestations.filter((attestation) => group.digests.includes(normalize(attestation.forDigest)));
        if (forGroup.length === 0) {
            reasons.push(unsignedReason(rule, image, group.digests, attestations, ruleNumber, groupNote));
            continue;
        }
        for (const requirement of rule.require) {
            const typed = forGroup.filter((attestation) => requirement.predicateTypes.includes(attestation.predicateType));
            const bound = typed.filter((attestation) => attestation.subjectDigests.map(normalize).includes(normalize(attestation.forDigest)));
            const passing = bound.filter((attestation) => checkSigner(rule.signer, attestation.signer) === undefined);
            candidateSigner ??= bound[0]?.signer;
            if (passing.length > 0) {
                signer ??= passing[0].signer;
                for (const attestation of passing)
                    addEvidence(evidence, attestation);
                continue;
            }
            if (bound.length > 0) {
                for (const attestation of bound)
                    addReason(reasons, { ...checkSigner(rule.signer, attestation.signer), rule: ruleNumber });
            }
            else if (typed.length > 0) {
                addReason(reasons, subjectMismatch(typed[0], ruleNumber, groupNote));
            }
            else {
                addReason(reasons, missingReason(requirement, forGroup, ruleNumber, groupNote));
            }
        }
    }
    for (const error of evidenceErrors) {
        addReason(reasons, {
            code: 'evidence-error',
            rule: ruleNumber,
            found: error.source,
            message: `evidence from ${error.source} could not be used: ${error.message.replace(/\s+/g, ' ').trim()}`,
            fix: 'fix what the message names and run again; the gate fails closed when evidence cannot be read or verified',
        });
    }
    const chosenSigner = signer ?? candidateSigner;
    return {
        result: reasons.length === 0 ? 'pass' : 'fail',
        rule: ruleNumber,
        ...(chosenSigner ? { signer: chosenSigner } : {}),
        reasons,
        evidence,
    };
}
function digestGroups(rule, image, reasons, ruleNumber) {
    const digest = normalize(image.digest);
    const platforms = (image.platformDigests ?? []).map(normalize);
    if (!image.isIndex || rule.platforms === 'index')
        return [{ digests: [digest] }];
    if (rule.platforms === 'any')
        return [{ digests: [digest, ...platforms] }];
    if (platforms.length === 0) {
        reasons.push({
            code: 'platform-unknown',
            rule: ruleNumber,
            field: 'platforms',
            expected: 'each',
            message: `${digest} is an index whose platform manifests are unknown, and the policy wants evidence on each of them`,
            fix: 'check that the index lists its platform manifests, or set platforms: index',
        });
        return [];
    }
    return platforms.map((platform) => ({ digests: [platform], label: `platform manifest ${platform}` }));
}
function unsignedReason(rule, image, digests, all, ruleNumber, groupNote) {
    const elsewhere = all.filter((attestation) => !digests.includes(normalize(attestation.forDigest)));
    const hint = image.isIndex && rule.platforms === 'index' && elsewhere.length > 0;
    return {
        code: 'unsigned',
        rule: ruleNumber,
        field: 'require',
        expected: rule.require.map((requirement) => requirement.name).join(', '),
        found: 'no attestation',
        message: `no attestation found${groupNote || ` for ${digests[0]}`}${hint ? ' (its platform manifests have some, but the policy wants them on the index)' : ''}`,
        fix: hint
            ? 'attest the index digest too, or set platforms: any or each in the rule'
            : 'sign the image with image-passport/sign (or actions/attest-build-provenance with push-to-registry) and deploy the digest that was signed',
    };
}
function subjectMismatch(attestation, ruleNumber, groupNote) {
    const found = attestation.subjectDigests.join(', ') || '(no subject)';
    return {
        code: 'subject-mismatch',
        rule: ruleNumber,
        field: 'require',
        expected: normalize(attestation.forDigest),
        found,
        message: `the ${(0,predicate_types/* predicateTypeLabel */.aI)(attestation.predicateType)} attestation from ${attestation.source}${groupNote} is about ${found}, not ${normalize(attestation.forDigest)}`,
        fix: 'attest the digest you deploy (a tag moved after signing, or the attestation was made for another image)',
    };
}
function missingReason(requirement, present, ruleNumber, groupNote) {
    const types = [...new Set(present.map((attestation) => (0,predicate_types/* predicateTypeLabel */.aI)(attestation.predicateType)))];
    return {
        code: 'missing-evidence',
        rule: ruleNumber,
        field: 'require',
        expected: requirement.predicateTypes.join(' or '),
        found: types.join(', '),
        message: `${types.join(' and ')} found${groupNote} but no ${(0,predicate_types/* requirementLabel */.kC)(requirement.name).replace(/^an? /, '')} attestation`,
        fix: requirement.name === 'sbom' ? 'sign with an SBOM (image-passport/sign with sbom: generate, or actions/attest-sbom)' : `attach ${(0,predicate_types/* requirementLabel */.kC)(requirement.name)} attestation when signing`,
    };
}
function addReason(reasons, reason) {
    if (!reasons.some((existing) => existing.code === reason.code && existing.message === reason.message))
        reasons.push(reason);
}
function addEvidence(evidence, attestation) {
    if (!evidence.some((entry) => entry.predicateType === attestation.predicateType && entry.source === attestation.source)) {
        evidence.push({ predicateType: attestation.predicateType, source: attestation.source });
    }
}
function normalize(digest) {
    return digest.toLowerCase();
}

// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(32060);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/gate/resolve-image.ts


/**
 * Resolves a tag to its digest with one manifest fetch, whose bytes the client checks against the
 * digest; a reference that names a digest (`name:tag@sha256:…`) is checked by that digest alone.
 */
async function resolveImage(image, registry) {
    const ref = (0,reference/* parseImageReference */.o_)(image);
    const { descriptor, manifest } = await registry.getManifest(ref, (0,reference/* referenceTarget */.Z9)(ref));
    return {
        ref,
        name: `${ref.registry}/${ref.repository}`,
        digest: descriptor.digest,
        platformDigests: (0,oci_manifest/* isIndex */.nw)(manifest)
            ? manifest.manifests.filter((entry) => entry.platform?.architecture !== 'unknown').map((entry) => entry.digest)
            : [],
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
;// CONCATENATED MODULE: ./src/oci/cosign-tags.ts



/** cosign's annotations on each layer of a `.sig` or `.att` tag, passed on untouched. */
const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
function cosignTag(subjectDigest, kind) {
    return `${(0,digest/* digestTag */.t9)(subjectDigest)}.${kind}`;
}
/** The layers of cosign's legacy tag for `subjectDigest`; empty when the tag does not exist. */
async function readCosignTag(client, ref, subjectDigest, kind, options = {}) {
    const tag = cosignTag(subjectDigest, kind);
    let fetched;
    try {
        fetched = await client.getManifest(ref, tag);
    }
    catch (error) {
        if (error instanceof errors/* RegistryError */.gl && error.code === 'NOT_FOUND')
            return [];
        throw error;
    }
    if ((0,oci_manifest/* isIndex */.nw)(fetched.manifest)) {
        throw new errors/* RegistryError */.gl({
            registry: ref.registry,
            repository: ref.repository,
            operation: `read cosign tag ${tag}`,
            code: 'INVALID_RESPONSE',
            problem: 'the tag holds an image index, not a cosign signature manifest',
        });
    }
    const maxBytes = options.maxLayerBytes ?? 64 * 1024 * 1024;
    const layers = [];
    for (const descriptor of fetched.manifest.layers) {
        const payload = await client.getBlob(ref, descriptor.digest, { maxBytes, size: descriptor.size });
        layers.push({ descriptor, annotations: descriptor.annotations ?? {}, payload });
    }
    return layers;
}

// EXTERNAL MODULE: ./src/verify/index.ts + 9 modules
var verify = __webpack_require__(64054);
;// CONCATENATED MODULE: ./src/evidence/from-cosign-tags.ts



const BUNDLE_V01 = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
const SOURCE = { att: 'cosign-att', sig: 'cosign-sig' };
/**
 * cosign's legacy `.att` (DSSE envelopes) or `.sig` (simple-signing payloads) tag for a digest, each
 * layer rebuilt as the v0.1 Sigstore bundle it amounts to, so one verifier checks all evidence.
 * A layer that cannot be rebuilt (a key-signed one, one never logged in Rekor) is an error, not a bundle.
 */
async function bundlesFromCosignTag(registry, ref, digest, kind) {
    const found = { bundles: [], errors: [] };
    const layers = await readCosignTag(registry, ref, digest, kind);
    layers.forEach((layer, index) => {
        const location = `cosign tag ${cosignTag(digest, kind)} layer ${index + 1} (${layer.descriptor.digest})`;
        try {
            found.bundles.push(cosignLayerToFoundBundle(layer, kind, digest, location));
        }
        catch (error) {
            if (!(error instanceof verify/* VerificationFailure */.UD))
                throw error;
            found.errors.push({ source: SOURCE[kind], forDigest: digest, message: `${location}: ${error.message}` });
        }
    });
    return found;
}
/** One layer of a cosign tag as a v0.1 bundle: the certificate (and chain), the Rekor entry with its SET, the signature. */
function cosignLayerToFoundBundle(layer, kind, forDigest, location) {
    const bundle = {
        mediaType: BUNDLE_V01,
        verificationMaterial: {
            x509CertificateChain: { certificates: certificatesOf(layer.annotations).map((der) => ({ rawBytes: der.toString('base64') })) },
            tlogEntries: [tlogEntryOf(layer.annotations)],
            timestampVerificationData: { rfc3161Timestamps: [] },
        },
        ...(kind === 'att' ? { dsseEnvelope: envelopeOf(layer.payload) } : { messageSignature: messageSignatureOf(layer) }),
    };
    return kind === 'att'
        ? { source: SOURCE.att, forDigest, location, bundle }
        : { source: SOURCE.sig, forDigest, location, bundle, signedPayload: layer.payload };
}
/**
 * The image digest a simple-signing payload (`cosign container image signature`) vouches for.
 * Read only after the signature over the payload verified.
 */
function simpleSigningSubject(payload) {
    let json;
    try {
        json = JSON.parse(Buffer.from(payload).toString('utf8'));
    }
    catch (error) {
        throw new verify/* VerificationFailure */.UD('STATEMENT_INVALID', `the cosign signature payload is not JSON (${error.message})`);
    }
    const critical = json?.critical;
    const digest = critical?.image?.['docker-manifest-digest'];
    if (critical?.type !== 'cosign container image signature' || typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
        throw new verify/* VerificationFailure */.UD('STATEMENT_INVALID', 'the cosign signature payload is not a simple-signing payload with critical.image.docker-manifest-digest');
    }
    return digest;
}
function certificatesOf(annotations) {
    const leaf = pemCertificates(annotations[COSIGN_CERTIFICATE_ANNOTATION] ?? '');
    if (leaf.length === 0) {
        throw new verify/* VerificationFailure */.UD('KEY_UNTRUSTED', 'the layer has no Fulcio certificate (signed with a key, not keyless); only keyless cosign signatures name a signer');
    }
    // The chain annotation is empty when cosign took the chain from the trusted root; the root supplies it then.
    return [...leaf, ...pemCertificates(annotations[COSIGN_CHAIN_ANNOTATION] ?? '')];
}
function pemCertificates(text) {
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    return blocks.map((block) => {
        try {
            return Buffer.from(new external_node_crypto_.X509Certificate(block).raw);
        }
        catch (error) {
            throw new verify/* VerificationFailure */.UD('CERTIFICATE_MALFORMED', `a certificate in the cosign annotations is not valid PEM (${error.message})`);
        }
    });
}
function tlogEntryOf(annotations) {
    const text = annotations[COSIGN_BUNDLE_ANNOTATION];
    if (text === undefined || text === '') {
        throw new verify/* VerificationFailure */.UD('TLOG_MISSING', `the layer has no ${COSIGN_BUNDLE_ANNOTATION} annotation (not logged in Rekor), so nothing dates the signature`);
    }
    let annotation;
    try {
        annotation = JSON.parse(text);
    }
    catch (error) {
        throw new verify/* VerificationFailure */.UD('BUNDLE_MALFORMED', `the ${COSIGN_BUNDLE_ANNOTATION} annotation is not JSON (${error.message})`);
    }
    const payload = annotation.Payload;
    const { SignedEntryTimestamp: set } = annotation;
    if (typeof set !== 'string' ||
        typeof payload?.body !== 'string' ||
        typeof payload.integratedTime !== 'number' ||
        typeof payload.logIndex !== 'number' ||
        typeof payload.logID !== 'string' ||
        !/^[0-9a-f]{64}$/.test(payload.logID)) {
        throw new verify/* VerificationFailure */.UD('BUNDLE_MALFORMED', `the ${COSIGN_BUNDLE_ANNOTATION} annotation lacks SignedEntryTimestamp or Payload.body, integratedTime, logIndex, logID`);
    }
    return {
        logIndex: String(payload.logIndex),
        logId: { keyId: Buffer.from(payload.logID, 'hex').toString('base64') },
        kindVersion: kindVersionOf(payload.body),
        integratedTime: String(payload.integratedTime),
        inclusionPromise: { signedEntryTimestamp: set },
        canonicalizedBody: payload.body,
    };
}
function kindVersionOf(body) {
    let entry;
    try {
        entry = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
    }
    catch (error) {
        throw new verify/* VerificationFailure */.UD('BUNDLE_MALFORMED', `the Rekor entry body in ${COSIGN_BUNDLE_ANNOTATION} is not JSON (${error.message})`);
    }
    if (typeof entry.kind !== 'string' || typeof entry.apiVersion !== 'string') {
        throw new verify/* VerificationFailure */.UD('BUNDLE_MALFORMED', `the Rekor entry body in ${COSIGN_BUNDLE_ANNOTATION} names no kind and apiVersion`);
    }
    return { kind: entry.kind, version: entry.apiVersion };
}
function envelopeOf(payload) {
    try {
        return JSON.parse(payload.toString('utf8'));
    }
    catch (error) {
        throw new verify/* VerificationFailure */.UD('BUNDLE_MALFORMED', `the .att layer is not a DSSE envelope (${error.message})`);
    }
}
function messageSignatureOf(layer) {
    const signature = layer.annotations[COSIGN_SIGNATURE_ANNOTATION];
    if (signature === undefined || signature === '') {
        throw new verify/* VerificationFailure */.UD('BUNDLE_MALFORMED', `the .sig layer has no ${COSIGN_SIGNATURE_ANNOTATION} annotation`);
    }
    return {
        messageDigest: { algorithm: 'SHA2_256', digest: (0,external_node_crypto_.createHash)('sha256').update(layer.payload).digest('base64') },
        signature,
    };
}

// EXTERNAL MODULE: ./src/evidence/from-files.ts
var from_files = __webpack_require__(63443);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/oci/referrers.ts
var oci_referrers = __webpack_require__(50961);
;// CONCATENATED MODULE: ./src/evidence/from-referrers.ts


const SIGSTORE_BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle';
/** A referrer's manifest and its bundle layer are small; anything larger is not a bundle we read. */
const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;
/**
 * Bundles attached to a digest as OCI referrers (API or tag fallback). Entries typed as the empty
 * config are opened too: some tools write that type in the fallback index instead of the bundle's.
 */
async function bundlesFromReferrers(registry, ref, digest) {
    const referrers = await (0,oci_referrers/* listReferrers */.xt)(registry, ref, digest);
    const candidates = referrers.filter((entry) => entry.artifactType === undefined || entry.artifactType === media_types/* OCI_EMPTY */.g1 || entry.artifactType.startsWith(SIGSTORE_BUNDLE_TYPE));
    const found = { bundles: [], errors: [] };
    for (const entry of candidates) {
        const { manifest } = await registry.getManifest(ref, entry.digest);
        if (!('layers' in manifest))
            continue;
        for (const layer of manifest.layers) {
            if (!layer.mediaType.startsWith(SIGSTORE_BUNDLE_TYPE))
                continue;
            const bytes = await registry.getBlob(ref, layer.digest, { maxBytes: MAX_BUNDLE_BYTES });
            const location = `referrer ${entry.digest}`;
            try {
                found.bundles.push({ source: 'referrers', forDigest: digest, location, bundle: JSON.parse(Buffer.from(bytes).toString('utf8')) });
            }
            catch {
                found.errors.push({ source: 'referrers', forDigest: digest, message: `${location}: the bundle layer is not JSON` });
            }
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./src/evidence/collect.ts



/**
 * Every bundle any source holds for one digest. A source that fails is recorded, not fatal: another
 * source may still satisfy the policy, and if none does the denial says what could not be read.
 */
async function collectEvidence(sources, github, ref, digest, owners) {
    const evidence = { bundles: (0,from_files/* localEvidenceFor */.a)(digest, sources.localBundles), errors: [] };
    const attempts = [
        ['referrers', bundlesFromReferrers(sources.registry, ref, digest)],
        ['cosign-att', bundlesFromCosignTag(sources.registry, ref, digest, 'att')],
        ['cosign-sig', bundlesFromCosignTag(sources.registry, ref, digest, 'sig')],
    ];
    if (github) {
        for (const owner of owners)
            attempts.push(['github-api', github.bundlesFor(owner, digest)]);
    }
    const settled = await Promise.allSettled(attempts.map(([, attempt]) => attempt));
    settled.forEach((outcome, index) => {
        const source = attempts[index][0];
        if (outcome.status === 'rejected') {
            evidence.errors.push({ source, forDigest: digest, message: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) });
        }
        else if (Array.isArray(outcome.value)) {
            evidence.bundles.push(...outcome.value);
        }
        else {
            evidence.bundles.push(...outcome.value.bundles);
            evidence.errors.push(...outcome.value.errors);
        }
    });
    return evidence;
}

;// CONCATENATED MODULE: ./src/gate/verified-evidence.ts




/**
 * Looks up and verifies every bundle for the image and, for an index whose rule looks at platforms,
 * for each platform manifest. Bundles that verify become evidence with the digests their statement
 * names; the rest are kept as errors for the denial.
 */
async function gatherVerifiedEvidence(image, policy, rule, context, github) {
    const trust = context.trustFor(rule.trust ?? policy.trust);
    const owners = ownersOf(rule);
    const found = await Promise.all(evidenceDigests(image, rule).map((digest) => collectEvidence(context, github, image.ref, digest, owners)));
    const verified = { attestations: [], evidenceErrors: found.flatMap((evidence) => evidence.errors) };
    for (const bundle of found.flatMap((evidence) => evidence.bundles)) {
        try {
            const { signer, predicateType, subjectDigests } = verifyFound(bundle, trust);
            // One bundles file may serve several images: a local bundle counts only for its own subject.
            // Elsewhere a bundle stored under a digest it does not name stays, for the policy to deny.
            if (bundle.source === 'local' && !subjectDigests.includes(bundle.forDigest))
                continue;
            verified.attestations.push({
                source: bundle.source,
                signer,
                predicateType,
                subjectDigests,
                forDigest: bundle.forDigest,
            });
        }
        catch (error) {
            if (!(error instanceof verify/* VerificationFailure */.UD))
                throw error;
            verified.evidenceErrors.push({ source: bundle.source, forDigest: bundle.forDigest, message: `${bundle.location}: ${error.message}` });
        }
    }
    return verified;
}
/**
 * A cosign `.sig` signature signs a simple-signing payload, not a statement: it proves who signed the
 * image and nothing else, so it counts as the signature predicate only, never provenance or an SBOM.
 */
function verifyFound(found, trust) {
    const bundle = (0,verify/* parseBundle */.QN)(found.bundle, found.location);
    if (found.signedPayload === undefined) {
        const { signer, statement } = (0,verify/* verifyAttestationBundle */.C7)(bundle, trust);
        const subjectDigests = statement.subject.flatMap((subject) => Object.entries(subject.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`));
        return { signer, predicateType: statement.predicateType, subjectDigests };
    }
    const { signer } = (0,verify/* verifyBundleSignature */.OB)(bundle, trust, { artifact: found.signedPayload });
    if (signer.kind !== 'certificate') {
        throw new verify/* VerificationFailure */.UD('CERTIFICATE_UNTRUSTED', 'the cosign signature is signed with a managed key, not a Fulcio certificate, so it names no signer');
    }
    return { signer: signer.identity, predicateType: predicate_types/* COSIGN_SIGNATURE */.P8, subjectDigests: [simpleSigningSubject(found.signedPayload)] };
}
/** The digests whose evidence a rule looks at: the index alone, or its platform manifests too. */
function evidenceDigests(image, rule) {
    return rule.platforms === 'index' ? [image.digest] : [image.digest, ...image.platformDigests];
}
/** GitHub's API is asked per owner: the owners the rule's signer names. */
function ownersOf(rule) {
    const owners = new Set();
    const { signer } = rule;
    const ownerOf = (repository) => repository.replace(/^https:\/\/[^/]+\//, '').split('/')[0].toLowerCase();
    if (signer.owner)
        owners.add(signer.owner.toLowerCase());
    if (signer.repository)
        owners.add(ownerOf(signer.repository));
    if (signer.workflow)
        owners.add(ownerOf(signer.workflow.repository));
    return [...owners];
}

;// CONCATENATED MODULE: ./src/gate/pool.ts
/** Maps items with at most `limit` calls in flight, keeping the input order in the result. */
async function mapWithConcurrency(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/gate/run-gate.ts











/** The gate's engine: manifests in, a verdict per image and pinned manifests out. */
async function runGate(options) {
    const files = await readManifests(options.manifests, { cwd: options.cwd, stdin: options.stdin });
    const occurrences = findImages(files);
    if (occurrences.length === 0) {
        // Passing a deploy with nothing checked would hide a manifests input that names the wrong files.
        throw new manifest_error/* ManifestError */.S(`manifests: no image found in ${files.map((file) => file.path).join(', ')} — check that the manifests input names the rendered manifests`);
    }
    const images = await judgeImages([...groupByImage(occurrences)], options);
    const failed = images.some((image) => image.result === 'fail');
    const result = {
        result: failed && options.policy.mode !== 'audit' ? 'fail' : 'pass',
        mode: options.policy.mode,
        policyDescription: (0,describe/* describePolicy */.w)(options.policy),
        images,
    };
    const pins = new Map();
    for (const image of images) {
        if (image.digest && (image.result === 'pass' || options.policy.mode === 'audit'))
            pins.set(image.ref, pinnedReference(image.ref, image.digest));
    }
    return { result, pinned: pinManifests(files, pins) };
}
/**
 * Resolves every distinct image first, so GitHub can be asked for all their digests in one bulk
 * request per owner; then verifies and judges each image. `where` are an image's manifest places.
 */
async function judgeImages(images, options) {
    const concurrency = options.concurrency ?? 8;
    const resolutions = await mapWithConcurrency(images, concurrency, async ([image]) => {
        try {
            return { resolved: await resolveImage(image, options.registry) };
        }
        catch (error) {
            return { error };
        }
    });
    const github = options.github ? gitHubLookup(options.github, wantedFromGitHub(resolutions, options.policy)) : undefined;
    return mapWithConcurrency(images.map((entry, index) => [entry, resolutions[index]]), concurrency, async ([[image, where], resolution]) => {
        const locations = where.map(({ file, line, column }) => ({ file, line, column }));
        if ('error' in resolution)
            return { ref: image, locations, result: 'fail', evidence: [], reasons: [unresolvedReason(resolution.error)] };
        const { resolved } = resolution;
        const selected = selectRule(options.policy, resolved.name);
        const { attestations, evidenceErrors } = selected
            ? await gatherVerifiedEvidence(resolved, options.policy, selected.rule, options, github)
            : { attestations: [], evidenceErrors: [] };
        const verdict = evaluateImage(options.policy, { reference: image, name: resolved.name, digest: resolved.digest, isIndex: resolved.platformDigests.length > 0, platformDigests: resolved.platformDigests }, attestations, evidenceErrors);
        return { ref: image, digest: resolved.digest, locations, result: verdict.result, signer: verdict.signer, evidence: verdict.evidence, reasons: verdict.reasons };
    });
}
/** Owner → digests, for the owners each image's rule names. */
function wantedFromGitHub(resolutions, policy) {
    const wanted = new Map();
    for (const resolution of resolutions) {
        if (!('resolved' in resolution))
            continue;
        const selected = selectRule(policy, resolution.resolved.name);
        if (!selected)
            continue;
        for (const owner of ownersOf(selected.rule)) {
            const digests = wanted.get(owner) ?? new Set();
            for (const digest of evidenceDigests(resolution.resolved, selected.rule))
                digests.add(digest);
            wanted.set(owner, digests);
        }
    }
    return wanted;
}
function groupByImage(occurrences) {
    const byImage = new Map();
    for (const occurrence of occurrences) {
        const list = byImage.get(occurrence.image) ?? [];
        list.push(occurrence);
        byImage.set(occurrence.image, list);
    }
    return byImage;
}
/** `name:tag@sha256:…`: the tag stays for people reading the manifest, the digest is what runs. */
function pinnedReference(image, digest) {
    const withoutDigest = image.replace(/@sha256:[0-9a-f]{64}$/, '');
    return `${withoutDigest}@${digest}`;
}
function unresolvedReason(error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
        code: 'image-unresolved',
        message,
        fix: 'check the image reference, that the image exists, and the registry credentials',
    };
}


/***/ }),

/***/ 56693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rn: () => (/* binding */ renderDenials)
/* harmony export */ });
/* unused harmony exports denialMessage, denialMessages */
/** `ghcr.io/acme/app:1.2.3 (k8s/app.yaml:21): <reason> — <fix>` */
function denialMessage(image, reason) {
    const where = image.locations.length > 0 ? ` (${image.locations.map((location) => `${location.file}:${location.line}`).join(', ')})` : '';
    return `${image.ref}${where}: ${reason.message} — ${reason.fix}`;
}
/** One line per reason the image was denied. */
function denialMessages(image) {
    return image.reasons.map((reason) => denialMessage(image, reason));
}
/** Every denial of the run, image by image. */
function renderDenials(result) {
    return result.images.filter((image) => image.result === 'fail').flatMap(denialMessages);
}


/***/ }),

/***/ 4225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toJsonReport)
/* harmony export */ });
function toJsonReport(result) {
    return {
        result: result.result,
        images: result.images.map((image) => ({
            ref: image.ref,
            digest: image.digest ?? null,
            locations: image.locations.map(({ file, line }) => ({ file, line })),
            result: image.result,
            signer: image.signer ?? null,
            evidence: image.evidence.map(({ predicateType, source }) => ({ predicateType, source })),
            reasons: image.reasons,
        })),
    };
}


/***/ })

};

//# sourceMappingURL=879.index.js.map