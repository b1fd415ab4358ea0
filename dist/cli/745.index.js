export const id = 745;
export const ids = [745];
export const modules = {

/***/ 18621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ describePolicy)
/* harmony export */ });
/* harmony import */ var _field_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9401);
/* harmony import */ var _predicate_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92875);
/* harmony import */ var _signer_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56221);



/** The policy in plain words, one line each, as the gate prints it before anything else. */
function describePolicy(policy) {
    const lines = [
        `Policy from ${policy.source === 'inputs' ? 'the action inputs' : policy.source}, mode ${policy.mode}: ${policy.mode === 'enforce' ? 'any denied image fails the run' : 'denied images are reported, the run does not fail'}.`,
        `Trusted roots: ${describeTrust(policy.trust)}.`,
    ];
    policy.rules.forEach((rule, index) => lines.push(...describeRule(rule, index + 1)));
    lines.push('An image that no rule matches is denied.');
    return lines;
}
function describeRule(rule, number) {
    const { signer } = rule;
    const lines = [`Rule ${number}: images ${rule.images.join(', ')}${number > 1 ? ' (not matched by an earlier rule)' : ''}`];
    let who;
    if (signer.workflow) {
        who = `the workflow ${signer.workflow.repository}/${signer.workflow.path}${signer.workflow.ref ? ` at ${(0,_signer_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRefPattern */ .Vk)(signer.workflow.ref)}` : ''}`;
        who += signer.repository ? ` run for ${signer.repository}` : ' run for any repository that calls it';
    }
    else if (signer.repository) {
        who = `a workflow of ${signer.repository}`;
    }
    else if (signer.owner) {
        who = `a workflow of a repository owned by ${signer.owner}`;
    }
    else {
        who = 'a workflow';
    }
    if (signer.owner && (signer.workflow || signer.repository))
        who += ` (owner ${signer.owner})`;
    const where = signer.issuer === _field_values_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX ? 'on GitHub Actions' : `with identities from ${signer.issuer}`;
    lines.push(`  must be signed ${where} by ${who},`);
    lines.push(`  ${signer.refs ? `from ${signer.refs.map(_signer_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRefPattern */ .Vk).join(' or ')}` : 'from any branch or tag'}${signer.commit ? `, at commit ${signer.commit}` : ''},`);
    const pins = [signer.repositoryId && `repository id ${signer.repositoryId}`, signer.ownerId && `owner id ${signer.ownerId}`].filter(Boolean);
    if (pins.length > 0)
        lines.push(`  with ${pins.join(' and ')} (a re-created repository or account of the same name does not pass),`);
    const runner = signer.runner === 'any' ? 'on any runner' : `on a ${signer.runner} runner`;
    const triggers = signer.triggers.allow ? `only from ${signer.triggers.allow.join(', ')} events` : `not from ${signer.triggers.deny.join(', ')} events`;
    lines.push(`  ${runner}, ${triggers};`);
    lines.push(`  requires ${rule.require.map((requirement) => (0,_predicate_types_js__WEBPACK_IMPORTED_MODULE_1__/* .requirementLabel */ .kC)(requirement.name)).join(' and ')}, each attested for the image's own digest by that signer;`);
    lines.push(`  for a multi-platform index, ${describePlatforms(rule.platforms)}${rule.trust ? `; trusted roots for this rule: ${describeTrust(rule.trust)}` : ''}.`);
    return lines;
}
function describePlatforms(platforms) {
    if (platforms === 'each')
        return 'every platform manifest needs its own evidence';
    if (platforms === 'any')
        return 'evidence on the index or on any of its platform manifests counts';
    return 'the evidence must be on the index digest itself';
}
function describeTrust(trust) {
    return trust.map((spec) => (spec === 'public-good' ? 'Sigstore public-good' : spec === 'github' ? "GitHub's Sigstore" : `the trusted root in ${spec.path}`)).join(', ');
}


/***/ }),

/***/ 9401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ ensureIdentityPinned),
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   Fq: () => (/* binding */ parseImagePattern),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Ir: () => (/* binding */ RUNNERS),
/* harmony export */   L5: () => (/* binding */ parseCommit),
/* harmony export */   P4: () => (/* binding */ PLATFORMS),
/* harmony export */   Qc: () => (/* binding */ parseNumericId),
/* harmony export */   Rc: () => (/* binding */ parseRefPattern),
/* harmony export */   SA: () => (/* binding */ DEFAULT_DENIED_TRIGGERS),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   Sb: () => (/* binding */ parseTrust),
/* harmony export */   TC: () => (/* binding */ DEFAULT_TRUST),
/* harmony export */   hM: () => (/* binding */ parseWorkflow),
/* harmony export */   oX: () => (/* binding */ GITHUB_ISSUER),
/* harmony export */   pP: () => (/* binding */ parseRequirement),
/* harmony export */   pZ: () => (/* binding */ parseOwner),
/* harmony export */   zI: () => (/* binding */ parseIssuer)
/* harmony export */ });
/* harmony import */ var _policy_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81781);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82819);
/* harmony import */ var _predicate_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92875);



/** Shared by the policy file and the inline inputs: each parser throws a FieldProblem naming the fix. */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const DEFAULT_DENIED_TRIGGERS = ['pull_request*'];
const DEFAULT_TRUST = ['public-good', 'github'];
const MODES = ['enforce', 'audit'];
const RUNNERS = ['github-hosted', 'self-hosted', 'any'];
const PLATFORMS = ['index', 'each', 'any'];
const NAME = '[A-Za-z0-9_.-]+';
const REPOSITORY = new RegExp(`^${NAME}/${NAME}$`);
const OWNER = new RegExp(`^${NAME}$`);
const WORKFLOW = new RegExp(`^(${NAME}/${NAME})/(\\.github/workflows/[^@]+\\.ya?ml)(?:@(.+))?$`);
function parseWorkflow(text) {
    const match = WORKFLOW.exec(text.trim());
    if (!match)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}" is not owner/repo/.github/workflows/file.yml (optionally @refs/…)`);
    const ref = match[3];
    if (ref !== undefined) {
        const problem = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .refPatternProblem */ .l7)(ref);
        if (problem)
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`the ref after @ in "${text}": ${problem}`);
    }
    return { repository: match[1], path: match[2], ...(ref === undefined ? {} : { ref }) };
}
function parseRepository(text) {
    const value = text.trim();
    if (REPOSITORY.test(value) || /^https:\/\/[^/]+\/[^/]+\/[^/]+$/.test(value))
        return value;
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}" is not owner/repo (or a full https:// repository URI)`);
}
function parseOwner(text) {
    const value = text.trim();
    if (OWNER.test(value))
        return value;
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}" is not an owner name (an organisation or user, without slashes)`);
}
function parseRefPattern(text) {
    const problem = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .refPatternProblem */ .l7)(text.trim());
    if (problem)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(problem);
    return text.trim();
}
function parseImagePattern(text) {
    const problem = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .imagePatternProblem */ .lx)(text.trim());
    if (problem)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}": ${problem}`);
    return text.trim();
}
function parseCommit(text) {
    const value = text.trim().toLowerCase();
    if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(value))
        return value;
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}" is not a full commit SHA (40 hex characters)`);
}
function parseNumericId(value) {
    const text = String(value).trim();
    if (/^[1-9][0-9]*$/.test(text))
        return text;
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${value}" is not a numeric id (find it with: gh api repos/OWNER/REPO --jq .id, or .owner.id)`);
}
function parseIssuer(text) {
    const value = text.trim();
    if (/^https:\/\/[^\s/]+(\/\S*)?$/.test(value))
        return value;
    // A local issuer (a test lab, a developer's Sigstore) speaks plain HTTP on loopback only.
    if (/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/\S*)?$/.test(value))
        return value;
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}" is not an https:// OIDC issuer URL (GitHub's is ${GITHUB_ISSUER}; plain http only on loopback)`);
}
function parseRequirement(text) {
    const name = text.trim();
    const types = _predicate_types_js__WEBPACK_IMPORTED_MODULE_1__/* .REQUIREMENT_NAMES */ .dN[name.toLowerCase()];
    if (types)
        return { name: name.toLowerCase(), predicateTypes: types };
    if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(name))
        return { name, predicateTypes: [name] };
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}" is neither ${Object.keys(_predicate_types_js__WEBPACK_IMPORTED_MODULE_1__/* .REQUIREMENT_NAMES */ .dN).join(', ')} nor a predicate type URI`);
}
function parseTrust(text) {
    const value = text.trim();
    if (value === 'public-good' || value === 'github')
        return value;
    if (value === '')
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k('trust is public-good, github or the path of a trusted_root.json');
    return { path: value };
}
function parseChoice(text, choices) {
    const value = text.trim();
    if (choices.includes(value))
        return value;
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k(`"${text}" is not one of ${choices.join(', ')}`);
}
function ensureIdentityPinned(signer) {
    if (signer.workflow || signer.repository || signer.owner || signer.repositoryId || signer.ownerId)
        return;
    throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldProblem */ .k('names no signer: set workflow, repository or owner, or any image signed by anyone on GitHub Actions would pass');
}


/***/ }),

/***/ 82819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QR: () => (/* binding */ matchesTriggerPattern),
/* harmony export */   hN: () => (/* binding */ matchesImagePattern),
/* harmony export */   jo: () => (/* binding */ matchesRefPattern),
/* harmony export */   l7: () => (/* binding */ refPatternProblem),
/* harmony export */   lx: () => (/* binding */ imagePatternProblem),
/* harmony export */   xt: () => (/* binding */ sameGitHubName)
/* harmony export */ });
/* unused harmony exports globToRegExp, normalizeImagePattern */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Glob to anchored RegExp: `*` matches within one path segment, `**` across segments; every other
 * character is literal, so `ghcr.io/acme/app` never matches `ghcr.io/acme/app-evil` or `ghcrXio/…`.
 */
function globToRegExp(pattern) {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
        if (pattern[index] === '*') {
            if (pattern[index + 1] === '*') {
                source += '.*';
                index++;
            }
            else {
                source += '[^/]*';
            }
        }
        else {
            source += pattern[index].replace(/[\\^$.|?+()[\]{}]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`);
}
/** Why an image pattern is unusable, or undefined when it is fine. */
function imagePatternProblem(pattern) {
    if (pattern.trim() === '' || /\s/.test(pattern))
        return 'an image pattern cannot be empty or hold spaces';
    if (pattern.includes('***'))
        return '"***" is not a pattern: use * for one path segment, ** for any';
    const lastSegment = pattern.slice(pattern.lastIndexOf('/') + 1);
    if (lastSegment.includes('@') || lastSegment.includes(':')) {
        return 'image patterns match registry/repository, without tag or digest (write ghcr.io/acme/app, not ghcr.io/acme/app:1.0)';
    }
    return undefined;
}
/** Docker Hub's short names, as image references resolve them: `nginx` is `docker.io/library/nginx`. */
function normalizeImagePattern(pattern) {
    const segments = pattern.split('/');
    const first = segments[0];
    if (first.includes('*') || first.includes('.') || first.includes(':') || first === 'localhost')
        return pattern;
    return segments.length === 1 ? `docker.io/library/${pattern}` : `docker.io/${pattern}`;
}
/** Registries compare case-insensitively, and repository names are lowercase by the OCI spec. */
function matchesImagePattern(pattern, name) {
    return globToRegExp(normalizeImagePattern(pattern).toLowerCase()).test(name.toLowerCase());
}
const SEMVER_PREFIX = 'semver:';
/** Why a ref pattern is unusable, or undefined when it is fine. */
function refPatternProblem(pattern) {
    if (pattern.startsWith(SEMVER_PREFIX)) {
        return semver__WEBPACK_IMPORTED_MODULE_0___default().validRange(pattern.slice(SEMVER_PREFIX.length)) === null ? `"${pattern.slice(SEMVER_PREFIX.length)}" is not a semver range (e.g. semver:>=1.2.0 <2)` : undefined;
    }
    if (!pattern.startsWith('refs/'))
        return `refs are full git refs: write refs/heads/${pattern} or refs/tags/${pattern}`;
    return undefined;
}
/** Exact ref, glob (`refs/tags/v*`), or `semver:<range>` applied to tags `refs/tags/[v]X.Y.Z`. */
function matchesRefPattern(pattern, ref) {
    if (pattern.startsWith(SEMVER_PREFIX)) {
        if (!ref.startsWith('refs/tags/'))
            return false;
        const tag = ref.slice('refs/tags/'.length);
        const version = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(tag.startsWith('v') ? tag.slice(1) : tag);
        return version !== null && semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(version, pattern.slice(SEMVER_PREFIX.length));
    }
    return globToRegExp(pattern).test(ref);
}
/** Event names such as `pull_request*`. */
function matchesTriggerPattern(pattern, trigger) {
    return globToRegExp(pattern).test(trigger);
}
/** GitHub owner and repository names are case-insensitive. */
function sameGitHubName(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}


/***/ }),

/***/ 5301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ loadPolicyFile)
/* harmony export */ });
/* unused harmony export parsePolicy */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _field_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9401);
/* harmony import */ var _policy_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81781);
/* harmony import */ var _predicate_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92875);





const TOP_KEYS = ['version', 'mode', 'trust', 'rules'];
const RULE_KEYS = ['images', 'signer', 'require', 'platforms', 'trust'];
const SIGNER_KEYS = ['issuer', 'workflow', 'repository', 'owner', 'refs', 'commit', 'runner', 'triggers', 'repository-id', 'owner-id'];
const TRIGGER_KEYS = ['allow', 'deny'];
async function loadPolicyFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`policy: "${file}" cannot be read (${error.code ?? String(error)}) — check the path`);
    }
    return parsePolicy(text, file);
}
function parsePolicy(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false });
    const reader = new NodeReader(file, lineCounter);
    const yamlError = document.errors[0];
    if (yamlError)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${reader.at(yamlError.pos[0])}: ${yamlError.message.split('\n', 1)[0]} — fix the YAML`);
    const root = document.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(root))
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${file}:1:1: the policy must be a mapping with version, mode, trust and rules — see docs/policy.md`);
    const top = reader.fields(root, '', TOP_KEYS);
    const version = top.get('version');
    if (!version)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${file}:1:1: version: required — add "version: 1" at the top`);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(version) || version.value !== 1)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${reader.atNode(version)}: version: only version 1 exists — write "version: 1"`);
    const rulesNode = top.get('rules');
    if (!rulesNode)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${file}:1:1: rules: required — add at least one rule (see docs/policy.md)`);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(rulesNode) || rulesNode.items.length === 0)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${reader.atNode(rulesNode)}: rules: expected a list of at least one rule`);
    const modeNode = top.get('mode');
    const trustNode = top.get('trust');
    return {
        version: 1,
        mode: modeNode ? reader.parse(modeNode, 'mode', (value) => (0,_field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)(value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .MODES */ .FN)) : 'enforce',
        trust: trustNode ? reader.strings(trustNode, 'trust').map(([value, node]) => reader.parseText(node, 'trust', value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTrust */ .Sb)) : _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_TRUST */ .TC,
        rules: rulesNode.items.map((item, index) => readRule(reader, item, `rules[${index}]`)),
        source: file,
    };
}
function readRule(reader, node, field) {
    const fields = reader.fields(node, field, RULE_KEYS);
    const images = fields.get('images');
    const signer = fields.get('signer');
    if (!images)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${reader.atNode(node)}: ${field}.images: required — name the images this rule covers, e.g. ghcr.io/acme/**`);
    if (!signer)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${reader.atNode(node)}: ${field}.signer: required — say who must have signed, e.g. repository: acme/app`);
    const require = fields.get('require');
    const platforms = fields.get('platforms');
    const trust = fields.get('trust');
    const requirements = require
        ? reader.strings(require, `${field}.require`).map(([value, item]) => reader.parseText(item, `${field}.require`, value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRequirement */ .pP))
        : [{ name: 'provenance', predicateTypes: _predicate_types_js__WEBPACK_IMPORTED_MODULE_3__/* .REQUIREMENT_NAMES */ .dN['provenance'] }];
    if (requirements.length === 0)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${reader.atNode(require)}: ${field}.require: name at least one attestation (provenance, sbom, signature or a predicate type)`);
    return {
        images: reader.strings(images, `${field}.images`).map(([value, item]) => reader.parseText(item, `${field}.images`, value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImagePattern */ .Fq)),
        signer: readSigner(reader, signer, `${field}.signer`),
        require: requirements,
        platforms: platforms ? reader.parse(platforms, `${field}.platforms`, (value) => (0,_field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)(value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .PLATFORMS */ .P4)) : 'index',
        ...(trust ? { trust: reader.strings(trust, `${field}.trust`).map(([value, item]) => reader.parseText(item, `${field}.trust`, value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTrust */ .Sb)) } : {}),
    };
}
function readSigner(reader, node, field) {
    const fields = reader.fields(node, field, SIGNER_KEYS);
    const optional = (key, parse) => {
        const value = fields.get(key);
        return value ? reader.parse(value, `${field}.${key}`, parse, key.endsWith('-id')) : undefined;
    };
    const refsNode = fields.get('refs');
    const workflow = optional('workflow', _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseWorkflow */ .hM);
    const repository = optional('repository', _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepository */ .SU);
    const owner = optional('owner', _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOwner */ .pZ);
    const commit = optional('commit', _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCommit */ .L5);
    const repositoryId = optional('repository-id', _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNumericId */ .Qc);
    const ownerId = optional('owner-id', _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNumericId */ .Qc);
    const identity = {
        ...(workflow ? { workflow } : {}),
        ...(repository ? { repository } : {}),
        ...(owner ? { owner } : {}),
        ...(refsNode ? { refs: reader.strings(refsNode, `${field}.refs`).map(([value, item]) => reader.parseText(item, `${field}.refs`, value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRefPattern */ .Rc)) } : {}),
        ...(commit ? { commit } : {}),
        ...(repositoryId ? { repositoryId } : {}),
        ...(ownerId ? { ownerId } : {}),
    };
    try {
        (0,_field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .ensureIdentityPinned */ .BL)(identity);
    }
    catch (problem) {
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${reader.atNode(node)}: ${field}: ${problem.message}`);
    }
    return {
        issuer: optional('issuer', _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseIssuer */ .zI) ?? _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_ISSUER */ .oX,
        ...identity,
        runner: optional('runner', (value) => (0,_field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)(value, _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .RUNNERS */ .Ir)) ?? 'github-hosted',
        triggers: readTriggers(reader, fields.get('triggers'), `${field}.triggers`),
    };
}
function readTriggers(reader, node, field) {
    if (!node)
        return { deny: _field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DENIED_TRIGGERS */ .SA };
    const names = (list, listField) => reader.strings(list, listField).map(([value]) => value.trim());
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node))
        return { allow: names(node, field), deny: [] };
    const fields = reader.fields(node, field, TRIGGER_KEYS);
    const allow = fields.get('allow');
    const deny = fields.get('deny');
    if (allow)
        return { allow: names(allow, `${field}.allow`), deny: deny ? names(deny, `${field}.deny`) : [] };
    return { deny: [..._field_values_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DENIED_TRIGGERS */ .SA, ...(deny ? names(deny, `${field}.deny`) : [])] };
}
/** Reads YAML nodes with one-line errors that name file:line:column and the field. */
class NodeReader {
    file;
    lineCounter;
    constructor(file, lineCounter) {
        this.file = file;
        this.lineCounter = lineCounter;
    }
    at(offset) {
        const { line, col } = this.lineCounter.linePos(offset);
        return `${this.file}:${line}:${col}`;
    }
    atNode(node) {
        return this.at(node.range?.[0] ?? 0);
    }
    fields(node, field, known) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node))
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${this.atNode(node)}: ${field || 'policy'}: expected a mapping, found ${describeNode(node)}`);
        const result = new Map();
        for (const pair of node.items) {
            const key = pair.key;
            const name = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(key) ? String(key.value) : '';
            const keyField = field ? `${field}.${name}` : name;
            if (!known.includes(name))
                throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${this.atNode(key)}: ${keyField}: unknown key — the keys here are ${known.join(', ')}`);
            if (!pair.value || ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(pair.value) && pair.value.value === null))
                throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${this.atNode(key)}: ${keyField}: has no value`);
            result.set(name, pair.value);
        }
        return result;
    }
    text(node, field, allowNumber = false) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node) && (typeof node.value === 'string' || (allowNumber && typeof node.value === 'number')))
            return String(node.value);
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${this.atNode(node)}: ${field}: expected ${allowNumber ? 'a number or string' : 'a string'}, found ${describeNode(node)}`);
    }
    /** A string, or a list of strings, each with its own node for positions. */
    strings(node, field) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node)) {
            return node.items.map((item, index) => [this.text(item, `${field}[${index}]`), item]);
        }
        return [[this.text(node, field), node]];
    }
    parse(node, field, parse, allowNumber = false) {
        return this.parseText(node, field, this.text(node, field, allowNumber), parse);
    }
    parseText(node, field, value, parse) {
        try {
            return parse(value);
        }
        catch (problem) {
            if (problem instanceof _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .FieldProblem */ .k)
                throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_4__/* .PolicyError */ .p(`${this.atNode(node)}: ${field}: ${problem.message}`);
            throw problem;
        }
    }
}
function describeNode(node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node))
        return 'a mapping';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node))
        return 'a list';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node)) {
        const value = node.value;
        return value === null ? 'nothing' : `${typeof value} ${JSON.stringify(value)}`;
    }
    return 'an alias';
}


/***/ }),

/***/ 92875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ COSIGN_SIGNATURE),
/* harmony export */   aI: () => (/* binding */ predicateTypeLabel),
/* harmony export */   dN: () => (/* binding */ REQUIREMENT_NAMES),
/* harmony export */   kC: () => (/* binding */ requirementLabel)
/* harmony export */ });
/* unused harmony export SLSA_PROVENANCE_V1 */
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const COSIGN_SIGNATURE = 'https://sigstore.dev/cosign/sign/v1';
const SPDX = ['https://spdx.dev/Document', 'https://spdx.dev/Document/v2.2', 'https://spdx.dev/Document/v2.3'];
const CYCLONEDX = ['https://cyclonedx.org/bom', 'https://cyclonedx.org/bom/v1.4', 'https://cyclonedx.org/bom/v1.5', 'https://cyclonedx.org/bom/v1.6'];
/** The short names a policy may use in `require`, and the predicate types each accepts. */
const REQUIREMENT_NAMES = {
    provenance: [SLSA_PROVENANCE_V1],
    sbom: [...SPDX, ...CYCLONEDX],
    signature: [COSIGN_SIGNATURE],
};
const LABELS = {
    provenance: 'SLSA provenance v1',
    sbom: 'an SBOM (SPDX or CycloneDX)',
    signature: 'a cosign signature',
};
function requirementLabel(name) {
    return LABELS[name] ?? `an attestation of type ${name}`;
}
function predicateTypeLabel(predicateType) {
    if (predicateType === SLSA_PROVENANCE_V1)
        return 'SLSA provenance v1';
    if (SPDX.includes(predicateType))
        return 'SPDX SBOM';
    if (CYCLONEDX.includes(predicateType))
        return 'CycloneDX SBOM';
    if (predicateType === COSIGN_SIGNATURE)
        return 'cosign signature';
    return predicateType;
}


/***/ }),

/***/ 56221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $C: () => (/* binding */ describeWanted),
/* harmony export */   CN: () => (/* binding */ serverForIssuer),
/* harmony export */   LJ: () => (/* binding */ repositoryUri),
/* harmony export */   SS: () => (/* binding */ splitWorkflowUri),
/* harmony export */   Vk: () => (/* binding */ describeRefPattern),
/* harmony export */   cg: () => (/* binding */ describeSigner),
/* harmony export */   qo: () => (/* binding */ signerWorkflowUri)
/* harmony export */ });
/* unused harmony export shortUri */
/* harmony import */ var _field_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9401);

/**
 * The GitHub server whose URIs the certificate carries: github.com for GitHub's issuer, the tenant for
 * GHE.com (`token.actions.<tenant>.ghe.com`), the issuer's own origin for GitHub Enterprise Server.
 */
function serverForIssuer(issuer) {
    if (issuer === _field_values_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX)
        return 'https://github.com';
    const url = new URL(issuer);
    // A loopback issuer is a stand-in for github.com's (a test lab): its certificates carry github.com URIs.
    if (url.protocol === 'http:')
        return 'https://github.com';
    return url.hostname.startsWith('token.actions.') ? `https://${url.hostname.slice('token.actions.'.length)}` : url.origin;
}
function repositoryUri(repository, server) {
    return repository.startsWith('https://') ? repository : `${server}/${repository}`;
}
/** A URI on the server without its origin: `acme/app/.github/workflows/release.yml@refs/heads/main`. */
function shortUri(uri, server) {
    return uri.toLowerCase().startsWith(`${server.toLowerCase()}/`) ? uri.slice(server.length + 1) : uri;
}
/** Splits a Build Signer URI into the workflow file's URI and the ref it ran at. */
function splitWorkflowUri(uri) {
    const at = uri.indexOf('@refs/') !== -1 ? uri.indexOf('@refs/') : uri.lastIndexOf('@');
    return at === -1 ? { file: uri } : { file: uri.slice(0, at), ref: uri.slice(at + 1) };
}
function signerWorkflowUri(signer) {
    return signer.buildSignerUri ?? signer.subjectAlternativeName;
}
/** `acme/app/.github/workflows/test.yml@refs/heads/feature`, plus the calling repository and ref when they differ. */
function describeSigner(signer, issuer = signer.issuer ?? _field_values_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX) {
    const server = serverForIssuer(safeIssuer(issuer));
    const workflowUri = signerWorkflowUri(signer);
    const repository = signer.sourceRepositoryUri ? shortUri(signer.sourceRepositoryUri, server) : undefined;
    if (!workflowUri)
        return repository ? `a workflow of ${repository}` : 'an identity without a workflow';
    const workflow = shortUri(workflowUri, server);
    const { ref: workflowRef } = splitWorkflowUri(workflow);
    let text = workflow;
    if (repository && !workflow.toLowerCase().startsWith(`${repository.toLowerCase()}/`))
        text += ` called from ${repository}`;
    if (signer.sourceRepositoryRef && signer.sourceRepositoryRef !== workflowRef)
        text += ` on ${signer.sourceRepositoryRef}`;
    return text;
}
/** What the rule asks for, in the same words: `acme/app/.github/workflows/release.yml on refs/heads/main or refs/tags/v*`. */
function describeWanted(rule) {
    let text;
    if (rule.workflow) {
        text = `${rule.workflow.repository}/${rule.workflow.path}${rule.workflow.ref ? `@${rule.workflow.ref}` : ''}`;
        if (rule.repository && rule.repository.toLowerCase() !== rule.workflow.repository.toLowerCase())
            text += ` called from ${rule.repository}`;
    }
    else if (rule.repository) {
        text = `a workflow of ${rule.repository}`;
    }
    else if (rule.owner) {
        text = `a workflow of a repository owned by ${rule.owner}`;
    }
    else {
        text = 'a workflow';
    }
    if (rule.owner && (rule.workflow || rule.repository))
        text += ` (owner ${rule.owner})`;
    if (rule.refs)
        text += ` on ${rule.refs.map(describeRefPattern).join(' or ')}`;
    if (rule.commit)
        text += ` at commit ${rule.commit}`;
    return text;
}
function describeRefPattern(pattern) {
    return pattern.startsWith('semver:') ? `tags matching semver ${pattern.slice('semver:'.length)}` : pattern;
}
function safeIssuer(issuer) {
    try {
        new URL(issuer);
        return issuer;
    }
    catch {
        return _field_values_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX;
    }
}


/***/ })

};

//# sourceMappingURL=745.index.js.map