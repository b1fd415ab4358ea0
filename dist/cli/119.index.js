export const id = 119;
export const ids = [119];
export const modules = {

/***/ 14526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ parseSbomChoice),
  i: () => (/* binding */ sbomsFor)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/usage-error.ts
var usage_error = __webpack_require__(18287);
;// CONCATENATED MODULE: ./src/sbom/errors.ts
/** A failure the user can act on; its message is one line and names the layer or file. */
class SbomError extends Error {
    name = 'SbomError';
}
function describeError(error) {
    if (error instanceof Error)
        return error.message.split('\n')[0] ?? error.name;
    return String(error);
}

;// CONCATENATED MODULE: ./src/sbom/detect-format.ts

/**
 * Tells an SPDX 2 JSON document from a CycloneDX JSON one, for `sbom: <path>`. `source` names the
 * file in the error.
 */
function detectSbomFormat(json, source = 'the SBOM') {
    if (json && typeof json === 'object' && !Array.isArray(json)) {
        const document = json;
        if (typeof document.spdxVersion === 'string') {
            if (/^SPDX-2\.\d+$/.test(document.spdxVersion))
                return 'spdx-json';
            throw new SbomError(`${source} is ${document.spdxVersion}, but only SPDX 2.x JSON is supported: export it as SPDX 2.3 JSON`);
        }
        if (document.bomFormat === 'CycloneDX')
            return 'cyclonedx-json';
        if (typeof document['@context'] === 'string' && document['@context'].includes('spdx.org/rdf/3')) {
            throw new SbomError(`${source} is SPDX 3 JSON-LD, which is not supported: export it as SPDX 2.3 JSON`);
        }
    }
    throw new SbomError(`${source} is neither SPDX 2 JSON (no "spdxVersion") nor CycloneDX JSON (no "bomFormat": "CycloneDX"): pass an SPDX or CycloneDX JSON file`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/sbom/os-release.ts
const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'];
function unquote(value) {
    const trimmed = value.trim();
    const quoted = /^"(.*)"$/.exec(trimmed) ?? /^'(.*)'$/.exec(trimmed);
    return quoted ? quoted[1].replace(/\\(["\\$`])/g, '$1') : trimmed;
}
function parseOsRelease(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
        if (match)
            fields.set(match[1], unquote(match[2]));
    }
    const id = fields.get('ID');
    if (!id)
        return undefined;
    return { id, versionId: fields.get('VERSION_ID'), prettyName: fields.get('PRETTY_NAME') };
}
/** /etc/os-release, which is often a symlink to ../usr/lib/os-release, with the latter as fallback. */
const osReleaseInterest = {
    id: 'os-release',
    capture(file) {
        if (!OS_RELEASE_PATHS.includes(file.path))
            return undefined;
        return { kind: 'whole', maxBytes: 64 * 1024, parse: (content) => parseOsRelease(content.toString('utf8')) };
    },
    wantsLink: (path) => OS_RELEASE_PATHS.includes(path),
};

;// CONCATENATED MODULE: ./src/sbom/catalog.ts

function osOf(tree, warnings) {
    for (const path of OS_RELEASE_PATHS) {
        const found = tree.lookup(path);
        if (found && 'refused' in found)
            warnings.push(`skipped ${path}: ${found.refused}`);
        else if (found?.file.records.has(osReleaseInterest.id)) {
            return found.file.records.get(osReleaseInterest.id);
        }
    }
    return undefined;
}
/**
 * Runs every cataloguer over the squashed files. A package found at several paths (the same
 * purl) is listed once, at the first path in sorted order; the result is sorted by purl.
 */
function catalog(tree, catalogers, warnings) {
    const os = osOf(tree, warnings);
    const files = tree.files();
    const byPurl = new Map();
    for (const cataloger of catalogers) {
        const context = {
            os,
            warnings,
            lookup(path) {
                const found = tree.lookup(path);
                if (!found)
                    return undefined;
                if ('refused' in found) {
                    warnings.push(`skipped ${path}: ${found.refused}`);
                    return undefined;
                }
                if (!found.file.records.has(cataloger.id))
                    return undefined;
                return { path: found.path, layerDigest: found.layerDigest, record: found.file.records.get(cataloger.id) };
            },
        };
        const found = files
            .filter((entry) => entry.file.records.has(cataloger.id))
            .map((entry) => ({ path: entry.path, layerDigest: entry.layerDigest, record: entry.file.records.get(cataloger.id) }));
        for (const pkg of cataloger.packages(found, context)) {
            if (!byPurl.has(pkg.purl))
                byPurl.set(pkg.purl, pkg);
        }
    }
    const packages = [...byPurl.values()].sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0));
    return { packages, os };
}

;// CONCATENATED MODULE: ./src/sbom/license-expression.ts
// The SPDX ids that package metadata in Debian, Alpine, PyPI and npm commonly carries. A token that
// is neither one of these nor a known alias makes the whole expression undefined rather than guessed.
const SPDX_IDS = [
    '0BSD', 'AFL-2.1', 'AFL-3.0', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-1.0', 'Apache-1.1', 'Apache-2.0',
    'APSL-2.0', 'Artistic-1.0', 'Artistic-1.0-Perl', 'Artistic-2.0', 'Beerware', 'BlueOak-1.0.0', 'BSD-1-Clause',
    'BSD-2-Clause', 'BSD-2-Clause-Patent', 'BSD-3-Clause', 'BSD-3-Clause-Clear', 'BSD-4-Clause', 'BSD-4-Clause-UC',
    'BSL-1.0', 'bzip2-1.0.6', 'CC-BY-3.0', 'CC-BY-4.0', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'CDDL-1.0',
    'CDDL-1.1', 'CECILL-2.1', 'curl', 'EPL-1.0', 'EPL-2.0', 'EUPL-1.1', 'EUPL-1.2', 'FSFAP', 'FSFUL', 'FSFULLR',
    'FTL', 'GFDL-1.1-only', 'GFDL-1.1-or-later', 'GFDL-1.2-only', 'GFDL-1.2-or-later', 'GFDL-1.3-only',
    'GFDL-1.3-or-later', 'GPL-1.0-only', 'GPL-1.0-or-later', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only',
    'GPL-3.0-or-later', 'HPND', 'ICU', 'IJG', 'Info-ZIP', 'IPL-1.0', 'ISC', 'LGPL-2.0-only', 'LGPL-2.0-or-later',
    'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'Libpng', 'libpng-2.0', 'libtiff',
    'MirOS', 'MIT', 'MIT-0', 'MIT-CMU', 'MPL-1.1', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'MS-PL', 'NCSA',
    'NTP', 'OFL-1.1', 'OLDAP-2.8', 'OpenSSL', 'PHP-3.01', 'PostgreSQL', 'PSF-2.0', 'Python-2.0', 'Ruby', 'Sleepycat',
    'TCL', 'Unicode-3.0', 'Unicode-DFS-2015', 'Unicode-DFS-2016', 'Unlicense', 'UPL-1.0', 'Vim', 'W3C', 'WTFPL',
    'X11', 'Xnet', 'Zlib', 'ZPL-2.1',
];
const EXCEPTION_IDS = [
    'Autoconf-exception-2.0', 'Autoconf-exception-3.0', 'Bison-exception-2.2', 'Classpath-exception-2.0',
    'GCC-exception-2.0', 'GCC-exception-3.1', 'LLVM-exception', 'OpenJDK-assembly-exception-1.0',
];
// Debian's DEP-5 short names and the old SPDX forms, lower-cased.
const ALIASES = {
    expat: 'MIT',
    'gpl-1': 'GPL-1.0-only', 'gpl-1+': 'GPL-1.0-or-later', 'gpl-1.0+': 'GPL-1.0-or-later', 'gpl-1.0': 'GPL-1.0-only',
    'gpl-2': 'GPL-2.0-only', 'gpl-2+': 'GPL-2.0-or-later', 'gpl-2.0': 'GPL-2.0-only', 'gpl-2.0+': 'GPL-2.0-or-later',
    'gpl-3': 'GPL-3.0-only', 'gpl-3+': 'GPL-3.0-or-later', 'gpl-3.0': 'GPL-3.0-only', 'gpl-3.0+': 'GPL-3.0-or-later',
    'lgpl-2': 'LGPL-2.0-only', 'lgpl-2+': 'LGPL-2.0-or-later', 'lgpl-2.0': 'LGPL-2.0-only', 'lgpl-2.0+': 'LGPL-2.0-or-later',
    'lgpl-2.1': 'LGPL-2.1-only', 'lgpl-2.1+': 'LGPL-2.1-or-later', 'lgpl-3': 'LGPL-3.0-only', 'lgpl-3+': 'LGPL-3.0-or-later',
    'lgpl-3.0': 'LGPL-3.0-only', 'lgpl-3.0+': 'LGPL-3.0-or-later', 'agpl-3': 'AGPL-3.0-only', 'agpl-3+': 'AGPL-3.0-or-later',
    'agpl-3.0': 'AGPL-3.0-only', 'agpl-3.0+': 'AGPL-3.0-or-later',
    'gfdl-1.2': 'GFDL-1.2-only', 'gfdl-1.2+': 'GFDL-1.2-or-later', 'gfdl-1.3': 'GFDL-1.3-only', 'gfdl-1.3+': 'GFDL-1.3-or-later',
    'gfdl-niv-1.2': 'GFDL-1.2-no-invariants-only', 'gfdl-niv-1.2+': 'GFDL-1.2-no-invariants-or-later',
    'gfdl-niv-1.3': 'GFDL-1.3-no-invariants-only', 'gfdl-niv-1.3+': 'GFDL-1.3-no-invariants-or-later',
    // An unversioned GPL or LGPL lets the user pick any version ever published.
    gpl: 'GPL-1.0-or-later', lgpl: 'LGPL-2.0-or-later',
    artistic: 'Artistic-1.0', 'artistic-1': 'Artistic-1.0', 'artistic-2': 'Artistic-2.0',
    'bsd-2-clause-freebsd': 'BSD-2-Clause', 'bsd-2': 'BSD-2-Clause', 'bsd-3': 'BSD-3-Clause', 'bsd-4': 'BSD-4-Clause',
    'mpl-1.1+': 'MPL-1.1', 'mpl-2.0+': 'MPL-2.0', 'psf-2': 'PSF-2.0', python: 'Python-2.0', 'zlib/libpng': 'Zlib',
    'apache-2': 'Apache-2.0', 'apache 2.0': 'Apache-2.0', 'apache license 2.0': 'Apache-2.0', 'mit license': 'MIT',
    cc0: 'CC0-1.0', zpl: 'ZPL-2.1',
};
// DEP-5 writes "GPL-3+ with Bison exception".
const DEP5_EXCEPTIONS = {
    bison: 'Bison-exception-2.2',
    classpath: 'Classpath-exception-2.0',
    llvm: 'LLVM-exception',
};
const BY_LOWER = new Map([
    ...SPDX_IDS.map((id) => [id.toLowerCase(), id]),
    ...Object.entries(ALIASES),
]);
const EXCEPTIONS = new Map(EXCEPTION_IDS.map((id) => [id.toLowerCase(), id]));
function toSpdxLicenseId(name) {
    return BY_LOWER.get(name.trim().toLowerCase());
}
function tokenize(text) {
    const tokens = [];
    for (const raw of text.replace(/([()])/g, ' $1 ').split(/\s+/).filter(Boolean)) {
        const lower = raw.toLowerCase();
        if (raw === '(')
            tokens.push({ kind: 'open', text: '(' });
        else if (raw === ')')
            tokens.push({ kind: 'close', text: ')' });
        else if (lower === 'and' || lower === 'or' || lower === 'with')
            tokens.push({ kind: 'op', text: lower.toUpperCase() });
        else {
            const previous = tokens[tokens.length - 1];
            const id = previous?.text === 'WITH' ? EXCEPTIONS.get(lower) : toSpdxLicenseId(raw);
            if (!id)
                return undefined;
            tokens.push({ kind: 'id', text: id });
        }
    }
    return tokens;
}
/**
 * Turns a licence field into an SPDX expression: ids are normalised ("GPL-2+" -> GPL-2.0-or-later,
 * "Expat" -> MIT), operators upper-cased; anything not understood gives undefined.
 */
function toSpdxExpression(text) {
    if (!text || text.trim() === '')
        return undefined;
    const dep5Exceptions = text.replace(/\bwith\s+(\S+)\s+exception\b/gi, (whole, name) => {
        const id = DEP5_EXCEPTIONS[name.toLowerCase()];
        return id ? `WITH ${id}` : whole;
    });
    const tokens = tokenize(dep5Exceptions.replace(/,\s*(or|and)\s/gi, ' $1 '));
    if (!tokens || tokens.length === 0)
        return undefined;
    let depth = 0;
    let expectOperand = true;
    for (const token of tokens) {
        if (token.kind === 'open') {
            if (!expectOperand)
                return undefined;
            depth++;
        }
        else if (token.kind === 'close') {
            if (expectOperand || --depth < 0)
                return undefined;
        }
        else if (token.kind === 'op') {
            if (expectOperand)
                return undefined;
            expectOperand = true;
        }
        else {
            if (!expectOperand)
                return undefined;
            expectOperand = false;
        }
    }
    if (depth !== 0 || expectOperand)
        return undefined;
    return tokens.map((token) => token.text).join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}
function combine(expressions, operator) {
    const distinct = [...new Set(expressions)].sort();
    if (distinct.length <= 1)
        return distinct[0];
    return distinct.map((expression) => (/\s/.test(expression) ? `(${expression})` : expression)).join(` ${operator} `);
}
/** Licence expressions that all apply, joined with AND, each parenthesised when compound. */
function allOf(expressions) {
    return combine(expressions, 'AND');
}
/** Licence expressions offered as alternatives, joined with OR. */
function anyOf(expressions) {
    return combine(expressions, 'OR');
}

;// CONCATENATED MODULE: ./src/sbom/purl.ts
const UNRESERVED = /[A-Za-z0-9._~-]/;
function encode(text, keep = UNRESERVED) {
    let out = '';
    for (const char of text) {
        if (keep.test(char)) {
            out += char;
        }
        else {
            for (const byte of Buffer.from(char, 'utf8'))
                out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        }
    }
    return out;
}
// Qualifier values keep ':' and '/' readable, as the purl spec's own examples do (repository_url=docker.io/library/debian).
const QUALIFIER_VALUE_KEEP = /[A-Za-z0-9._~:/-]/;
function formatPurl(parts) {
    let purl = `pkg:${parts.type}/`;
    if (parts.namespace) {
        purl += parts.namespace
            .split('/')
            .filter((segment) => segment !== '')
            .map((segment) => encode(segment))
            .join('/');
        purl += '/';
    }
    purl += encode(parts.name);
    if (parts.version)
        purl += `@${encode(parts.version)}`;
    const qualifiers = (parts.qualifiers ?? []).filter((entry) => entry[1] !== undefined && entry[1] !== '');
    if (qualifiers.length > 0) {
        purl += `?${qualifiers.map(([key, value]) => `${key}=${encode(value, QUALIFIER_VALUE_KEEP)}`).join('&')}`;
    }
    return purl;
}
/** `distro=debian-12`, `distro=alpine-3.19.1`; undefined without an os-release. */
function distroQualifier(os) {
    if (!os)
        return undefined;
    return os.versionId ? `${os.id}-${os.versionId}` : os.id;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/apk.ts


const INSTALLED = '/lib/apk/db/installed';
/** apk's installed database: blank-line separated records of `X:value` lines. */
function parseApkDatabase(text) {
    const entries = [];
    for (const block of text.split(/\n\s*\n/)) {
        const fields = new Map();
        for (const line of block.split('\n')) {
            const match = /^([A-Za-z]):(.*)$/.exec(line);
            if (match && !fields.has(match[1]))
                fields.set(match[1], match[2].trim());
        }
        const name = fields.get('P');
        const version = fields.get('V');
        if (!name || !version)
            continue;
        entries.push({ name, version, architecture: fields.get('A'), origin: fields.get('o'), license: fields.get('L') });
    }
    return entries;
}
// Alpine writes either an SPDX expression or a space-separated list of ids that all apply.
function apkLicense(text) {
    const expression = toSpdxExpression(text);
    if (expression || !text)
        return expression;
    const ids = text.split(/\s+/).map(toSpdxLicenseId);
    return ids.every((id) => id !== undefined) ? allOf(ids) : undefined;
}
const apkCataloger = {
    id: 'apk',
    capture(file) {
        if (file.path !== INSTALLED)
            return undefined;
        return { kind: 'whole', maxBytes: 64 * 1024 * 1024, parse: (content) => parseApkDatabase(content.toString('utf8')) };
    },
    packages(found, context) {
        const packages = [];
        for (const { path, layerDigest, record } of found) {
            for (const entry of record) {
                packages.push({
                    name: entry.name,
                    version: entry.version,
                    type: 'apk',
                    purl: formatPurl({
                        type: 'apk',
                        namespace: context.os?.id ?? 'alpine',
                        name: entry.name,
                        version: entry.version,
                        qualifiers: [
                            ['arch', entry.architecture],
                            ['upstream', entry.origin && entry.origin !== entry.name ? entry.origin : undefined],
                            ['distro', distroQualifier(context.os)],
                        ],
                    }),
                    licenses: apkLicense(entry.license),
                    layerDigest,
                    path,
                });
            }
        }
        return packages;
    },
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/control-file.ts
/**
 * Debian control-file syntax (RFC 822-like stanzas), shared by dpkg's status database and
 * DEP-5 copyright files. Field names are case-insensitive, so they are lower-cased here.
 */
function parseStanzas(text) {
    const stanzas = [];
    let current = new Map();
    let lastKey;
    for (const line of text.split('\n')) {
        if (line.trim() === '') {
            if (current.size > 0)
                stanzas.push(current);
            current = new Map();
            lastKey = undefined;
            continue;
        }
        if (/^[ \t]/.test(line)) {
            if (lastKey !== undefined)
                current.set(lastKey, `${current.get(lastKey) ?? ''}\n${line.trim()}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        lastKey = line.slice(0, colon).trim().toLowerCase();
        current.set(lastKey, line.slice(colon + 1).trim());
    }
    if (current.size > 0)
        stanzas.push(current);
    return stanzas;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/dpkg.ts



const STATUS = '/var/lib/dpkg/status';
const STATUS_DIR_FILE = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;
const DOC_DIR = /^\/usr\/share\/doc\/[^/]+$/;
const COPYRIGHT = /^\/usr\/share\/doc\/[^/]+\/copyright$/;
// Packages whose status says nothing of theirs is left on disk (purged, or only conffiles remain).
const ABSENT_STATES = new Set(['not-installed', 'config-files']);
function parseDpkgDatabase(text) {
    const entries = [];
    for (const stanza of parseStanzas(text)) {
        const name = stanza.get('package');
        const version = stanza.get('version');
        if (!name || !version)
            continue;
        const state = stanza.get('status')?.split(/\s+/)[2];
        if (state && ABSENT_STATES.has(state))
            continue;
        const source = /^(\S+)(?:\s+\((\S+)\))?/.exec(stanza.get('source') ?? '');
        entries.push({
            name,
            version,
            architecture: stanza.get('architecture'),
            source: source?.[1],
            sourceVersion: source?.[2],
        });
    }
    return entries;
}
// DEP-5 short names that grant without conditions; they add nothing to the package's expression.
const UNCONDITIONAL = new Set(['public-domain', 'public domain', 'pd']);
/**
 * The licence of a machine-readable (DEP-5) copyright file: every Files paragraph's licence, joined
 * with AND. Undefined when the file is free-form or any licence has no SPDX id.
 */
function parseDep5License(text) {
    const [header, ...rest] = parseStanzas(text);
    if (!header || !/copyright-format/i.test(header.get('format') ?? ''))
        return undefined;
    const expressions = [];
    for (const paragraph of [header, ...rest.filter((stanza) => stanza.has('files'))]) {
        const name = paragraph.get('license')?.split('\n')[0]?.trim();
        if (!name || UNCONDITIONAL.has(name.toLowerCase()))
            continue;
        const expression = toSpdxExpression(name);
        if (!expression)
            return undefined;
        expressions.push(expression);
    }
    return allOf(expressions);
}
function debPackages(found, context) {
    const packages = [];
    for (const { path, layerDigest, record } of found) {
        if (record.kind !== 'database')
            continue;
        for (const entry of record.entries) {
            const upstream = entry.source && entry.source !== entry.name
                ? entry.sourceVersion ? `${entry.source}@${entry.sourceVersion}` : entry.source
                : undefined;
            const copyright = context.lookup(`/usr/share/doc/${entry.name}/copyright`)?.record;
            packages.push({
                name: entry.name,
                version: entry.version,
                type: 'deb',
                purl: formatPurl({
                    type: 'deb',
                    namespace: context.os?.id ?? 'debian',
                    name: entry.name,
                    version: entry.version,
                    qualifiers: [
                        ['arch', entry.architecture],
                        ['upstream', upstream],
                        ['distro', distroQualifier(context.os)],
                    ],
                }),
                licenses: copyright?.kind === 'copyright' ? copyright.license : undefined,
                layerDigest,
                path,
            });
        }
    }
    return packages;
}
const dpkgCataloger = {
    id: 'dpkg',
    capture(file) {
        const parseDatabase = (content) => ({
            kind: 'database',
            entries: parseDpkgDatabase(content.toString('utf8')),
        });
        if (file.path === STATUS)
            return { kind: 'whole', maxBytes: 64 * 1024 * 1024, parse: parseDatabase };
        if (STATUS_DIR_FILE.test(file.path) && !file.path.endsWith('.md5sums')) {
            return { kind: 'whole', maxBytes: 1024 * 1024, parse: parseDatabase };
        }
        if (COPYRIGHT.test(file.path)) {
            return {
                kind: 'whole',
                maxBytes: 1024 * 1024,
                parse: (content) => {
                    const license = parseDep5License(content.toString('utf8'));
                    return license ? { kind: 'copyright', license } : undefined;
                },
            };
        }
        return undefined;
    },
    wantsLink: (path) => DOC_DIR.test(path) || COPYRIGHT.test(path),
    packages: debPackages,
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/elf-layout.ts
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const ELF_HEADER_BYTES = 64;
const SHT_PROGBITS = 1;
const PT_LOAD = 1;
const MAX_SECTION_TABLE_BYTES = 1024 * 1024;
const MAX_PROGRAM_TABLE_BYTES = 64 * 1024;
function append(range, chunk, chunkStart) {
    const from = Math.max(0, range.start + range.length - chunkStart);
    const take = Math.min(chunk.length - from, range.want - range.length);
    if (from >= chunk.length || take <= 0)
        return;
    range.chunks.push(chunk.subarray(from, from + take));
    range.length += take;
}
function bytesOf(range) {
    if (range.chunks.length !== 1)
        range.chunks = [Buffer.concat(range.chunks)];
    return range.chunks[0];
}
function readElfHeader(head) {
    if (!head.subarray(0, 4).equals(ELF_MAGIC))
        return undefined;
    const is64 = head[4] === 2;
    const littleEndian = head[5] === 1;
    if ((head[4] !== 1 && !is64) || (head[5] !== 1 && head[5] !== 2))
        return undefined;
    const u16 = (at) => (littleEndian ? head.readUInt16LE(at) : head.readUInt16BE(at));
    const u32 = (at) => (littleEndian ? head.readUInt32LE(at) : head.readUInt32BE(at));
    const u64 = (at) => Number(littleEndian ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at));
    const sectionTableOffset = is64 ? u64(0x28) : u32(0x20);
    const sectionEntryBytes = is64 ? u16(0x3a) : u16(0x2e);
    const sectionCount = is64 ? u16(0x3c) : u16(0x30);
    const programTableOffset = is64 ? u64(0x20) : u32(0x1c);
    const programEntryBytes = is64 ? u16(0x36) : u16(0x2a);
    const programCount = is64 ? u16(0x38) : u16(0x2c);
    return {
        littleEndian,
        is64,
        sectionTableOffset,
        sectionEntryBytes,
        sectionTableBytes: sectionEntryBytes * sectionCount,
        programTableOffset,
        programEntryBytes,
        programTableBytes: programEntryBytes * programCount,
    };
}
function wordReader(layout, bytes) {
    return {
        u32: (at) => (layout.littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at)),
        word: (at) => layout.is64
            ? Number(layout.littleEndian ? bytes.readBigUInt64LE(at) : bytes.readBigUInt64BE(at))
            : layout.littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at),
    };
}
/**
 * Follows an ELF file as it streams and keeps its header and section header table, which may sit
 * before or after the sections (the Go linker writes it first, GNU ld and lld last).
 */
class ElfSectionTableReader {
    head = Buffer.alloc(0);
    layout;
    table;
    programs;
    /** set once the first bytes show the file is not ELF */
    notElf = false;
    feed(chunk, chunkStart) {
        if (this.notElf)
            return;
        if (!this.layout) {
            this.head = Buffer.concat([this.head, chunk.subarray(0, ELF_HEADER_BYTES - this.head.length)]);
            if (this.head.length < ELF_HEADER_BYTES)
                return;
            this.layout = readElfHeader(this.head);
            if (!this.layout) {
                this.notElf = true;
                return;
            }
            const { sectionTableBytes, sectionTableOffset } = this.layout;
            if (sectionTableBytes > 0 && sectionTableBytes <= MAX_SECTION_TABLE_BYTES) {
                this.table = { start: sectionTableOffset, chunks: [], length: 0, want: sectionTableBytes };
            }
            const { programTableBytes, programTableOffset } = this.layout;
            if (programTableBytes > 0 && programTableBytes <= MAX_PROGRAM_TABLE_BYTES) {
                this.programs = { start: programTableOffset, chunks: [], length: 0, want: programTableBytes };
            }
        }
        if (this.table)
            append(this.table, chunk, chunkStart);
        if (this.programs)
            append(this.programs, chunk, chunkStart);
    }
    /**
     * Where the loadable segments end in the file, once the program header table has streamed past.
     * Linkers place sections that are not loaded (symbols, notes such as `.dep-v0`) after this point.
     */
    loadedBytesEnd() {
        const { layout, programs } = this;
        if (!layout || !programs || programs.length < programs.want)
            return undefined;
        const bytes = bytesOf(programs);
        const { u32, word } = wordReader(layout, bytes);
        let end = 0;
        for (let at = 0; at + layout.programEntryBytes <= bytes.length; at += layout.programEntryBytes) {
            if (u32(at) !== PT_LOAD)
                continue;
            const offset = word(at + (layout.is64 ? 0x08 : 0x04));
            const size = word(at + (layout.is64 ? 0x20 : 0x10));
            end = Math.max(end, offset + size);
        }
        return end;
    }
    /** File offset to size of every PROGBITS section; undefined unless the whole table streamed past. */
    progbitsSections() {
        const { layout, table } = this;
        if (!layout || !table || table.length < table.want)
            return undefined;
        const bytes = bytesOf(table);
        const sections = new Map();
        const { u32, word } = wordReader(layout, bytes);
        for (let at = 0; at + layout.sectionEntryBytes <= bytes.length; at += layout.sectionEntryBytes) {
            if (u32(at + 4) !== SHT_PROGBITS)
                continue;
            const offset = word(at + (layout.is64 ? 0x18 : 0x10));
            const size = word(at + (layout.is64 ? 0x20 : 0x14));
            // Empty sections can share an offset with the one that holds the bytes.
            sections.set(offset, Math.max(size, sections.get(offset) ?? 0));
        }
        return sections;
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/elf-buildinfo.ts

const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_BYTES = 32;
// The Go linker aligns .go.buildinfo to 16 bytes, in memory and so in the file.
const BUILDINFO_ALIGN = 16;
const MAX_BUILDINFO_BYTES = 4 * 1024 * 1024;
function readUvarint(buffer, offset) {
    let value = 0;
    let shift = 0;
    for (let i = offset; i < buffer.length && shift < 49; i++) {
        const byte = buffer[i];
        value += (byte & 0x7f) * 2 ** shift;
        if ((byte & 0x80) === 0)
            return { value, next: i + 1 };
        shift += 7;
    }
    return undefined;
}
/** How many bytes the build info at the start of `data` spans, or -1 when it is not Go 1.18+ build info. */
function buildInfoLength(data) {
    if (data.length < HEADER_BYTES)
        return undefined;
    const pointerSize = data[14];
    const flags = data[15];
    if ((pointerSize !== 4 && pointerSize !== 8) || (flags & 0x2) === 0)
        return -1;
    const version = readUvarint(data, HEADER_BYTES);
    if (!version)
        return undefined;
    const modinfoAt = version.next + version.value;
    const modinfo = readUvarint(data, modinfoAt);
    if (!modinfo)
        return data.length > modinfoAt + 10 ? -1 : undefined;
    return modinfo.next + modinfo.value;
}
function decodeBuildInfo(data) {
    const version = readUvarint(data, HEADER_BYTES);
    if (!version)
        return undefined;
    const goVersion = data.subarray(version.next, version.next + version.value).toString('utf8');
    const modinfoLength = readUvarint(data, version.next + version.value);
    if (!modinfoLength)
        return undefined;
    let modinfo = data.subarray(modinfoLength.next, modinfoLength.next + modinfoLength.value).toString('utf8');
    // The linker wraps module info in 16-byte sentinels so the runtime can find it.
    if (modinfo.length >= 33 && modinfo[modinfo.length - 17] === '\n')
        modinfo = modinfo.slice(16, -16);
    return goVersion !== '' ? { goVersion, modinfo } : undefined;
}
/**
 * Reads an executable as it streams and returns its Go build info, kept only when it sits at the
 * start of a PROGBITS section (the `.go.buildinfo` section) so a stray copy of the magic in data
 * does not count. Only the ELF header, the section header table and the build info are held.
 */
async function scanElfBuildInfo(stream) {
    let position = 0;
    const elf = new ElfSectionTableReader();
    const candidates = [];
    let carry = Buffer.alloc(0);
    for await (const raw of stream) {
        const chunk = raw;
        const chunkStart = position;
        position += chunk.length;
        elf.feed(chunk, chunkStart);
        if (elf.notElf)
            continue;
        for (const candidate of candidates) {
            if (candidate.length >= candidate.want)
                continue;
            append(candidate, chunk, chunkStart);
            const length = buildInfoLength(bytesOf(candidate));
            if (length !== undefined)
                candidate.want = length < 0 ? 0 : Math.min(length, MAX_BUILDINFO_BYTES);
        }
        const window = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const windowStart = chunkStart - carry.length;
        for (let at = window.indexOf(BUILDINFO_MAGIC); at >= 0; at = window.indexOf(BUILDINFO_MAGIC, at + 1)) {
            if ((windowStart + at) % BUILDINFO_ALIGN !== 0)
                continue;
            const candidate = { start: windowStart + at, chunks: [], length: 0, want: MAX_BUILDINFO_BYTES };
            append(candidate, window, windowStart);
            const length = buildInfoLength(bytesOf(candidate));
            if (length !== undefined)
                candidate.want = length < 0 ? 0 : Math.min(length, MAX_BUILDINFO_BYTES);
            if (candidate.want > 0)
                candidates.push(candidate);
        }
        carry = Buffer.from(window.subarray(Math.max(0, window.length - (BUILDINFO_MAGIC.length - 1))));
    }
    const sections = elf.progbitsSections();
    if (!sections || candidates.length === 0)
        return { notGo: true };
    const section = candidates.find((candidate) => sections.has(candidate.start));
    if (!section)
        return { notGo: true };
    if (section.length < section.want)
        return { unsupported: 'its Go build info is cut short or over the size cap' };
    const info = decodeBuildInfo(bytesOf(section).subarray(0, section.want));
    return info ? { found: info } : { unsupported: 'its Go build info could not be decoded' };
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/go-binary.ts


const MIN_ELF_BYTES = 64;
/** `mod`, `dep` and `=>` lines of Go's module info; a `=>` line replaces the module just before it. */
function parseModinfo(info) {
    const record = { goVersion: info.goVersion, deps: [] };
    let last;
    for (const line of info.modinfo.split('\n')) {
        const [kind, path, version] = line.split('\t');
        if (!path)
            continue;
        if (kind === 'mod') {
            last = { path, version: version || '(devel)' };
            record.main = last;
        }
        else if (kind === 'dep') {
            last = { path, version: version ?? '' };
            record.deps.push(last);
        }
        else if (kind === '=>' && last) {
            last.path = path;
            if (version)
                last.version = version;
        }
    }
    return record;
}
function golangPurl(modulePath, version) {
    const slash = modulePath.lastIndexOf('/');
    return formatPurl({
        type: 'golang',
        namespace: slash > 0 ? modulePath.slice(0, slash) : undefined,
        name: slash > 0 ? modulePath.slice(slash + 1) : modulePath,
        version,
    });
}
const goBinaryCataloger = {
    id: 'go-binary',
    capture(file) {
        if ((file.mode & 0o111) === 0 || file.size < MIN_ELF_BYTES)
            return undefined;
        return {
            kind: 'scan',
            async scan(stream) {
                const result = await scanElfBuildInfo(stream);
                if ('found' in result)
                    return parseModinfo(result.found);
                if ('unsupported' in result)
                    throw new Error(result.unsupported);
                return undefined;
            },
        };
    },
    packages(found) {
        const packages = [];
        for (const { path, layerDigest, record } of found) {
            const modules = record.main ? [record.main, ...record.deps] : record.deps;
            for (const module of modules) {
                packages.push({
                    name: module.path,
                    version: module.version,
                    type: 'go-module',
                    purl: golangPurl(module.path, module.version),
                    layerDigest,
                    path,
                });
            }
            // The standard library is compiled in as well; Syft reports it as "stdlib" for vulnerability matching.
            const stdlibVersion = record.goVersion.replace(/^go/, '');
            packages.push({
                name: 'stdlib',
                version: record.goVersion,
                type: 'go-module',
                purl: formatPurl({ type: 'golang', name: 'stdlib', version: stdlibVersion }),
                licenses: 'BSD-3-Clause',
                layerDigest,
                path,
            });
        }
        return packages;
    },
};

// EXTERNAL MODULE: external "node:path/posix"
var posix_ = __webpack_require__(53916);
var posix_default = /*#__PURE__*/__webpack_require__.n(posix_);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/sbom/catalogers/zip-archive.ts

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
class ZipFormatError extends Error {
}
function findEndOfCentralDirectory(zip) {
    const lowest = Math.max(0, zip.length - EOCD_BYTES - MAX_COMMENT_BYTES);
    for (let at = zip.length - EOCD_BYTES; at >= lowest; at--) {
        if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_BYTES + zip.readUInt16LE(at + 20) <= zip.length)
            return at;
    }
    throw new ZipFormatError('it is not a ZIP archive (no end of central directory record)');
}
function checkedNumber(value, what) {
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new ZipFormatError(`its ${what} is out of range`);
    return Number(value);
}
function readDirectory(zip) {
    const eocd = findEndOfCentralDirectory(zip);
    let count = zip.readUInt16LE(eocd + 10);
    let size = zip.readUInt32LE(eocd + 12);
    let offset = zip.readUInt32LE(eocd + 16);
    let recordAt = eocd;
    const locator = eocd - 20;
    if (locator >= 0 && zip.readUInt32LE(locator) === ZIP64_LOCATOR_SIGNATURE) {
        const zip64At = checkedNumber(zip.readBigUInt64LE(locator + 8), 'ZIP64 record offset');
        // The locator's offset is relative to the archive start, which a prepended stub moves.
        const candidates = [zip64At, locator - 56];
        const found = candidates.find((at) => at >= 0 && at + 56 <= zip.length && zip.readUInt32LE(at) === ZIP64_EOCD_SIGNATURE);
        if (found === undefined)
            throw new ZipFormatError('its ZIP64 end of central directory record is missing');
        count = checkedNumber(zip.readBigUInt64LE(found + 32), 'entry count');
        size = checkedNumber(zip.readBigUInt64LE(found + 40), 'central directory size');
        offset = checkedNumber(zip.readBigUInt64LE(found + 48), 'central directory offset');
        recordAt = found;
    }
    const base = recordAt - (offset + size);
    if (base < 0 || recordAt > zip.length)
        throw new ZipFormatError('its central directory lies outside the file');
    return { offset: offset + base, size, count, base };
}
function applyZip64Extra(zip, from, to, entry, rawOffset) {
    let offset = rawOffset;
    for (let at = from; at + 4 <= to;) {
        const id = zip.readUInt16LE(at);
        const length = zip.readUInt16LE(at + 2);
        if (id === ZIP64_EXTRA) {
            let field = at + 4;
            const next = () => {
                if (field + 8 > at + 4 + length)
                    throw new ZipFormatError(`the ZIP64 field of ${entry.name} is short`);
                const value = checkedNumber(zip.readBigUInt64LE(field), `size of ${entry.name}`);
                field += 8;
                return value;
            };
            if (entry.size === 0xffffffff)
                entry.size = next();
            if (entry.compressedSize === 0xffffffff)
                entry.compressedSize = next();
            if (offset === 0xffffffff)
                offset = next();
        }
        at += 4 + length;
    }
    return offset;
}
/** The entries of a ZIP archive (jar, war, ear) held in memory, from its central directory. */
function listZipEntries(zip) {
    const directory = readDirectory(zip);
    const entries = [];
    let at = directory.offset;
    const end = Math.min(zip.length, directory.offset + directory.size);
    for (let index = 0; index < directory.count; index++) {
        if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
            throw new ZipFormatError(`its central directory is cut short at entry ${index + 1} of ${directory.count}`);
        }
        const flags = zip.readUInt16LE(at + 8);
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        const nameEnd = at + 46 + nameLength;
        if (nameEnd + extraLength + commentLength > end)
            throw new ZipFormatError(`central directory entry ${index + 1} runs past its end`);
        const entry = {
            name: zip.toString('utf8', at + 46, nameEnd),
            method: zip.readUInt16LE(at + 10),
            compressedSize: zip.readUInt32LE(at + 20),
            size: zip.readUInt32LE(at + 24),
            encrypted: (flags & 0x1) !== 0,
            localHeaderOffset: 0,
        };
        entry.localHeaderOffset = applyZip64Extra(zip, nameEnd, nameEnd + extraLength, entry, zip.readUInt32LE(at + 42)) + directory.base;
        entries.push(entry);
        at = nameEnd + extraLength + commentLength;
    }
    return entries;
}
/**
 * The bytes of one entry: stored entries are returned without a copy, deflated ones are inflated
 * to at most `maxInflatedBytes`, so a small entry cannot inflate into a bomb.
 */
function readZipEntry(zip, entry, maxInflatedBytes) {
    if (entry.encrypted)
        throw new ZipFormatError(`${entry.name} is encrypted`);
    const header = entry.localHeaderOffset;
    if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_SIGNATURE) {
        throw new ZipFormatError(`the local header of ${entry.name} is missing`);
    }
    const dataStart = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > zip.length)
        throw new ZipFormatError(`${entry.name} runs past the end of the archive`);
    const data = zip.subarray(dataStart, dataEnd);
    if (entry.method === STORED)
        return data;
    if (entry.method !== DEFLATED)
        throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
    const overCap = `${entry.name} inflates past the ${maxInflatedBytes}-byte cap`;
    if (entry.size > maxInflatedBytes)
        throw new ZipFormatError(overCap);
    try {
        return external_node_zlib_default().inflateRawSync(data, { maxOutputLength: Math.max(1, maxInflatedBytes) });
    }
    catch (error) {
        throw new ZipFormatError(error.code === 'ERR_BUFFER_TOO_LARGE' ? overCap : `${entry.name} does not inflate`);
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/java.ts





const ARCHIVE = /\.(jar|war|ear|jpi|hpi)$/i;
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const MANIFEST = /^META-INF\/MANIFEST\.MF$/i;
// A file name such as commons-io-2.16.1.jar or spring-core-6.1.5-SNAPSHOT.jar.
const NAME_AND_VERSION = /^(.+?)-(\d[^-]*(?:-[A-Za-z0-9.]+)*)\.[a-z]+$/i;
// Archives are read from memory (a ZIP's directory is at its end), so each one is capped; deflated
// nested archives and metadata files have caps of their own, and the total inflated per image file is bounded.
const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
const MAX_NESTED_BYTES = 32 * 1024 * 1024;
const MAX_METADATA_BYTES = 1024 * 1024;
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
const MAX_DEPTH = 3;
/** The main section of a JAR manifest: `Key: value` lines, a line starting with one space continues the last. */
function parseManifest(text) {
    const fields = new Map();
    let lastKey;
    for (const line of text.split(/\r\n|\r|\n/)) {
        if (line === '')
            break;
        if (line.startsWith(' ')) {
            if (lastKey)
                fields.set(lastKey, `${fields.get(lastKey) ?? ''}${line.slice(1)}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        lastKey = line.slice(0, colon).trim().toLowerCase();
        fields.set(lastKey, line.slice(colon + 1).trim());
    }
    return fields;
}
/** A `.properties` file as Maven writes pom.properties: `key=value` lines and `#` comments. */
function parseProperties(text) {
    const fields = new Map();
    for (const raw of text.split(/\r\n|\r|\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('!'))
            continue;
        const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
        if (match)
            fields.set(match[1], match[2]);
    }
    return fields;
}
const LICENSE_URLS = {
    'apache.org/licenses/license-2.0': 'Apache-2.0',
    'opensource.org/licenses/mit': 'MIT',
    'opensource.org/licenses/mit-license': 'MIT',
    'opensource.org/licenses/apache-2.0': 'Apache-2.0',
    'eclipse.org/legal/epl-2.0': 'EPL-2.0',
    'eclipse.org/legal/epl-v20': 'EPL-2.0',
    'eclipse.org/legal/epl-v10': 'EPL-1.0',
};
/** OSGi's Bundle-License: an SPDX id or a licence URL, with optional `;link=` parameters. */
function bundleLicense(field) {
    if (!field || field.includes(','))
        return undefined;
    const value = (field.split(';')[0] ?? '').trim().replace(/^"|"$/g, '');
    const url = /^https?:\/\/(?:www\.)?(.+?)(?:\.txt|\.html|\.php)?\/?$/i.exec(value)?.[1]?.toLowerCase();
    if (url)
        return LICENSE_URLS[url];
    return toSpdxExpression(value);
}
/** Bundle-SymbolicName "com.google.gson" with artifact "gson" gives the group "com.google". */
function groupFromManifest(manifest, artifactId) {
    const vendorId = manifest.get('implementation-vendor-id');
    if (vendorId)
        return vendorId;
    const symbolic = (manifest.get('bundle-symbolicname') ?? manifest.get('automatic-module-name'))?.split(';')[0]?.trim();
    if (!symbolic)
        return undefined;
    const suffix = `.${artifactId.replace(/-/g, '.')}`;
    if (symbolic.endsWith(suffix) && symbolic.length > suffix.length)
        return symbolic.slice(0, -suffix.length);
    return undefined;
}
/**
 * The archive's own identity when it carries no pom.properties: the name from the file name, as
 * Syft takes it (a manifest title such as "Java Runtime Environment" is prose, not an artifact id),
 * the version from the manifest, then from the file name.
 */
function manifestArtifact(manifest, fileName, innerPath) {
    const fromName = NAME_AND_VERSION.exec(fileName);
    const artifactId = fromName?.[1] ?? fileName.replace(ARCHIVE, '');
    const version = manifest.get('implementation-version') ?? manifest.get('bundle-version') ?? fromName?.[2];
    if (!artifactId || !version)
        return undefined;
    return {
        groupId: groupFromManifest(manifest, artifactId),
        artifactId,
        version,
        license: bundleLicense(manifest.get('bundle-license')),
        innerPath,
    };
}
/** Stored entries cost no memory (they are views of the archive); inflated ones count against the budget. */
function readCapped(zip, entry, cap, budget) {
    const left = MAX_INFLATED_BYTES - budget.inflated;
    if (left <= 0)
        throw new Error(`${entry.name} was not read: the archive inflates past ${MAX_INFLATED_BYTES} bytes in all`);
    const bytes = readZipEntry(zip, entry, Math.min(cap, left));
    if (entry.method !== STORED)
        budget.inflated += bytes.length;
    return bytes;
}
function readArchive(zip, innerPath, fileName, depth, budget, record) {
    const where = innerPath === '' ? '' : `${innerPath}: `;
    const entries = listZipEntries(zip);
    const fromPoms = [];
    let manifest = new Map();
    const nested = [];
    for (const entry of entries) {
        try {
            if (POM_PROPERTIES.test(entry.name)) {
                const properties = parseProperties(readCapped(zip, entry, MAX_METADATA_BYTES, budget).toString('utf8'));
                const groupId = properties.get('groupId');
                const artifactId = properties.get('artifactId');
                const version = properties.get('version');
                if (artifactId && version)
                    fromPoms.push({ groupId, artifactId, version, innerPath });
            }
            else if (MANIFEST.test(entry.name)) {
                manifest = parseManifest(readCapped(zip, entry, MAX_METADATA_BYTES, budget).toString('utf8'));
            }
            else if (ARCHIVE.test(entry.name) && !entry.name.endsWith('/')) {
                nested.push(entry);
            }
        }
        catch (error) {
            record.problems.push(`${where}${describeError(error)}`);
        }
    }
    if (fromPoms.length === 1)
        fromPoms[0].license = bundleLicense(manifest.get('bundle-license'));
    const own = fromPoms.length > 0 ? fromPoms : [manifestArtifact(manifest, fileName, innerPath)].filter((a) => a !== undefined);
    record.artifacts.push(...own);
    if (nested.length > 0 && depth >= MAX_DEPTH) {
        record.problems.push(`${where}archives nested deeper than ${MAX_DEPTH} levels were not read`);
        return;
    }
    for (const entry of nested) {
        const nestedPath = innerPath === '' ? entry.name : `${innerPath}:${entry.name}`;
        try {
            const bytes = readCapped(zip, entry, MAX_NESTED_BYTES, budget);
            readArchive(bytes, nestedPath, posix_default().basename(entry.name), depth + 1, budget, record);
        }
        catch (error) {
            record.problems.push(`${nestedPath}: ${describeError(error)}`);
        }
    }
}
/** The Maven artifacts a Java archive holds: its own, the ones shaded into it and those of nested archives. */
function parseJavaArchive(zip, filePath) {
    const record = { artifacts: [], problems: [] };
    readArchive(zip, '', posix_default().basename(filePath), 1, { inflated: 0 }, record);
    return record;
}
function mavenPurl(artifact) {
    return formatPurl({ type: 'maven', namespace: artifact.groupId, name: artifact.artifactId, version: artifact.version });
}
const javaCataloger = {
    id: 'java',
    capture(file) {
        if (!ARCHIVE.test(file.path))
            return undefined;
        return { kind: 'whole', maxBytes: MAX_ARCHIVE_BYTES, parse: parseJavaArchive };
    },
    packages(found, context) {
        const packages = [];
        for (const { path: filePath, layerDigest, record } of found) {
            for (const problem of record.problems)
                context.warnings.push(`${filePath}: ${problem}`);
            for (const artifact of record.artifacts) {
                packages.push({
                    name: artifact.artifactId,
                    version: artifact.version,
                    type: 'java-archive',
                    purl: mavenPurl(artifact),
                    licenses: artifact.license,
                    layerDigest,
                    path: artifact.innerPath === '' ? filePath : `${filePath}:${artifact.innerPath}`,
                });
            }
        }
        return packages;
    },
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/npm.ts


// The package.json at the root of an installed package: node_modules/<name>/ or node_modules/@scope/<name>/.
const INSTALLED_PACKAGE_JSON = /(^|\/)node_modules\/(@[^/.][^/]*\/)?[^/.@][^/]*\/package\.json$/;
function licenseOf(manifest) {
    const { license, licenses } = manifest;
    if (typeof license === 'string')
        return toSpdxExpression(license);
    if (license && typeof license === 'object' && typeof license.type === 'string') {
        return toSpdxExpression(license.type);
    }
    if (Array.isArray(licenses)) {
        const ids = licenses.map((entry) => typeof entry?.type === 'string' ? toSpdxExpression(entry.type) : undefined);
        // The legacy `licenses` array lists alternatives the user may choose from.
        if (ids.every((id) => id !== undefined))
            return anyOf(ids);
    }
    return undefined;
}
function parseInstalledPackageJson(text) {
    const manifest = JSON.parse(text);
    if (!manifest || typeof manifest !== 'object')
        return undefined;
    const { name, version } = manifest;
    if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '')
        return undefined;
    return { name, version, license: licenseOf(manifest) };
}
const npmCataloger = {
    id: 'npm',
    capture(file) {
        if (!INSTALLED_PACKAGE_JSON.test(file.path))
            return undefined;
        return {
            kind: 'whole',
            maxBytes: 4 * 1024 * 1024,
            parse: (content) => parseInstalledPackageJson(content.toString('utf8')),
        };
    },
    packages(found) {
        return found.map(({ path, layerDigest, record }) => {
            const scoped = /^(@[^/]+)\/(.+)$/.exec(record.name);
            return {
                name: record.name,
                version: record.version,
                type: 'npm',
                purl: formatPurl({
                    type: 'npm',
                    namespace: scoped?.[1],
                    name: scoped ? scoped[2] : record.name,
                    version: record.version,
                }),
                licenses: record.license,
                layerDigest,
                path,
            };
        });
    },
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/python.ts


const METADATA = /\.dist-info\/METADATA$|\.egg-info\/PKG-INFO$|\.egg-info$/;
/** The header block of a core-metadata file (METADATA, PKG-INFO): email-style `Key: value` lines. */
function parsePythonMetadata(text) {
    const fields = new Map();
    let lastKey;
    for (const line of text.split(/\r?\n/)) {
        if (line === '')
            break;
        if (/^[ \t]/.test(line)) {
            if (lastKey)
                fields.set(lastKey, `${fields.get(lastKey) ?? ''}\n${line.trim()}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        lastKey = line.slice(0, colon).trim().toLowerCase();
        if (!fields.has(lastKey))
            fields.set(lastKey, line.slice(colon + 1).trim());
    }
    const name = fields.get('name');
    const version = fields.get('version');
    if (!name || !version)
        return undefined;
    const declared = fields.get('license-expression');
    const legacy = fields.get('license');
    const license = toSpdxExpression(declared) ??
        (legacy && !legacy.includes('\n') ? (toSpdxLicenseId(legacy) ?? toSpdxExpression(legacy)) : undefined);
    return { name, version, license };
}
/** PyPI names are case-insensitive with runs of "-", "_" and "." equivalent; the purl spec writes them lower-case with "-". */
function normalizePythonName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
const pythonCataloger = {
    id: 'python',
    capture(file) {
        if (!METADATA.test(file.path))
            return undefined;
        return { kind: 'whole', maxBytes: 4 * 1024 * 1024, parse: (content) => parsePythonMetadata(content.toString('utf8')) };
    },
    packages(found) {
        return found.map(({ path, layerDigest, record }) => ({
            name: record.name,
            version: record.version,
            type: 'python',
            purl: formatPurl({ type: 'pypi', name: normalizePythonName(record.name), version: record.version }),
            licenses: record.license,
            layerDigest,
            path,
        }));
    },
};

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/fzstd/esm/index.mjs
var esm = __webpack_require__(68339);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
;// CONCATENATED MODULE: ./src/sbom/layer-stream.ts






function compressionOf(layer) {
    const type = layer.mediaType;
    if (/[+.]gzip$/.test(type))
        return 'gzip';
    if (/[+.]zstd$/.test(type))
        return 'zstd';
    if (/(^|[.+/])tar$/.test(type))
        return 'none';
    throw new SbomError(`layer ${layer.digest} has media type "${type}", which is not a tar layer (gzip, zstd or uncompressed)`);
}
function formatBytes(bytes) {
    if (bytes >= 1024 ** 3)
        return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
    if (bytes >= 1024 ** 2)
        return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
    return `${bytes} bytes`;
}
class ByteLimit extends external_node_stream_.Transform {
    limit;
    describeOverflow;
    seen = 0;
    constructor(limit, describeOverflow) {
        super();
        this.limit = limit;
        this.describeOverflow = describeOverflow;
    }
    _transform(chunk, _encoding, callback) {
        this.seen += chunk.length;
        if (this.seen > this.limit) {
            callback(new SbomError(this.describeOverflow(this.limit)));
            return;
        }
        callback(null, chunk);
    }
}
class ZstdDataError extends Error {
}
class FzstdTransform extends external_node_stream_.Transform {
    decoder = new esm/* Decompress */.YM((data) => {
        this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
    _transform(chunk, _encoding, callback) {
        try {
            this.decoder.push(chunk);
            callback();
        }
        catch (error) {
            callback(new ZstdDataError(describeError(error)));
        }
    }
    _flush(callback) {
        try {
            this.decoder.push(new Uint8Array(0), true);
            callback();
        }
        catch (error) {
            callback(new ZstdDataError(describeError(error)));
        }
    }
}
// Node 24's zlib decodes zstd natively; Node 20 has no zstd, so fzstd (pure JS) stands in.
function zstdDecompressor() {
    const native = (external_node_zlib_default()).createZstdDecompress;
    return native ? native() : new FzstdTransform();
}
function decompressor(compression) {
    if (compression === 'gzip')
        return external_node_zlib_default().createGunzip();
    if (compression === 'zstd')
        return zstdDecompressor();
    return undefined;
}
function explainFailure(error, compression) {
    if (error instanceof SbomError)
        return error.message;
    const code = String(error.code ?? '');
    const message = describeError(error);
    const fromDecoder = error instanceof ZstdDataError || code.startsWith('Z_') || /zstd/i.test(code);
    if (fromDecoder && compression === 'gzip') {
        return code === 'Z_BUF_ERROR' ? 'the gzip data is truncated (unexpected end of file)' : `the gzip data is corrupt (${message})`;
    }
    if (fromDecoder && compression === 'zstd')
        return `the zstd data is corrupt or truncated (${message})`;
    if (message === 'Unexpected end of data')
        return 'the tar stream is truncated (unexpected end of data)';
    if (/tar header|checksum/i.test(message))
        return `the tar stream is corrupt (${message})`;
    return message;
}
function entryType(type) {
    if (type === 'file' || type === 'contiguous-file')
        return 'file';
    if (type === 'directory' || type === 'symlink' || type === 'link')
        return type;
    return 'other';
}
function drain(stream) {
    return new Promise((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('error', reject);
        stream.resume();
    });
}
/**
 * Streams one layer through decompression and tar parsing, handing each entry to `onEntry` in
 * archive order. Nothing is written to disk and only the entry being handled is in flight.
 */
async function readLayer(layer, source, limits, onEntry) {
    const compression = compressionOf(layer);
    const stated = layer.size > 0 && layer.size < limits.maxLayerBytes;
    const stages = [
        source instanceof external_node_stream_.Readable ? source : external_node_stream_.Readable.from(source),
        new ByteLimit(stated ? layer.size : limits.maxLayerBytes, (limit) => stated
            ? `layer ${layer.digest} sent more than the ${layer.size} bytes its descriptor states`
            : `layer ${layer.digest} is over the ${formatBytes(limit)} layer size limit`),
    ];
    const decoder = decompressor(compression);
    if (decoder)
        stages.push(decoder);
    stages.push(new ByteLimit(limits.maxUncompressedLayerBytes, (limit) => `layer ${layer.digest} unpacks to more than the ${formatBytes(limit)} uncompressed limit`));
    const extract = tar_stream.extract();
    let handlerError;
    extract.on('entry', (header, stream, next) => {
        const entry = {
            rawName: header.name,
            type: entryType(header.type),
            size: header.size ?? 0,
            mode: header.mode ?? 0,
            linkname: header.linkname ?? undefined,
            // tar-stream's entries are streamx streams; they support the async iteration and events used here.
            stream: stream,
        };
        onEntry(entry).then(() => next(), (error) => {
            handlerError = error;
            extract.destroy(error instanceof Error ? error : new Error(String(error)));
        });
    });
    stages.push(extract);
    try {
        await (0,external_node_stream_promises_.pipeline)(stages);
    }
    catch (error) {
        // An entry's stream fails with the archive's own error when the data ends inside that entry.
        const cause = handlerError ?? error;
        if (cause instanceof SbomError)
            throw cause;
        throw new SbomError(`layer ${layer.digest}: ${explainFailure(cause, compression)}`);
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/rpm-header.ts
class RpmHeaderError extends Error {
}
const RPM_TAG = {
    name: 1000,
    version: 1001,
    release: 1002,
    epoch: 1003,
    license: 1014,
    arch: 1022,
    sourceRpm: 1044,
};
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;
const ENTRY_BYTES = 16;
// rpm itself refuses headers with more entries or data than this (rpmlib's hdrchkTags/hdrchkData).
const MAX_ENTRIES = 0xffff;
const MAX_DATA_BYTES = 256 * 1024 * 1024;
function cString(store, at) {
    const end = store.indexOf(0, at);
    if (end < 0)
        throw new RpmHeaderError(`a string at offset ${at} of the header's data has no end`);
    return store.toString('utf8', at, end);
}
/**
 * The wanted tags of an rpm header as the rpm database stores it (no lead, no header magic):
 * entry count and data size, the 16-byte index entries (tag, type, offset, count), then the data.
 * Strings and the first string of an I18N string are returned as text, INT32 values as numbers.
 */
function parseRpmHeader(blob, wanted) {
    if (blob.length < 8)
        throw new RpmHeaderError('the header is shorter than its preamble');
    const entries = blob.readUInt32BE(0);
    const dataBytes = blob.readUInt32BE(4);
    if (entries > MAX_ENTRIES || dataBytes > MAX_DATA_BYTES)
        throw new RpmHeaderError('the header claims an impossible size');
    const storeAt = 8 + entries * ENTRY_BYTES;
    if (storeAt + dataBytes > blob.length)
        throw new RpmHeaderError('the header is cut short');
    const store = blob.subarray(storeAt, storeAt + dataBytes);
    const values = new Map();
    for (let index = 0; index < entries; index++) {
        const at = 8 + index * ENTRY_BYTES;
        const tag = blob.readUInt32BE(at);
        if (!wanted.includes(tag))
            continue;
        const type = blob.readUInt32BE(at + 4);
        const offset = blob.readInt32BE(at + 8);
        const count = blob.readUInt32BE(at + 12);
        if (offset < 0 || offset >= store.length || count === 0)
            throw new RpmHeaderError(`tag ${tag} points outside the header's data`);
        if (type === TYPE_STRING || type === TYPE_I18NSTRING || type === TYPE_STRING_ARRAY)
            values.set(tag, cString(store, offset));
        else if (type === TYPE_INT32 && offset + 4 <= store.length)
            values.set(tag, store.readUInt32BE(offset));
        else
            throw new RpmHeaderError(`tag ${tag} has type ${type}, which this reader does not expect`);
    }
    return values;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/sqlite-table.ts
class SqliteFormatError extends Error {
}
const MAGIC = 'SQLite format 3\0';
const sqlite_table_HEADER_BYTES = 100;
const TABLE_INTERIOR = 0x05;
const TABLE_LEAF = 0x0d;
const MAX_TREE_DEPTH = 64;
function openDatabase(bytes) {
    if (bytes.length < sqlite_table_HEADER_BYTES || bytes.toString('latin1', 0, 16) !== MAGIC) {
        throw new SqliteFormatError('it is not an SQLite database');
    }
    const rawPageSize = bytes.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
        throw new SqliteFormatError(`its page size ${rawPageSize} is invalid`);
    if (bytes.readUInt32BE(56) > 1)
        throw new SqliteFormatError('its text encoding is not UTF-8');
    return { bytes, pageSize, usableSize: pageSize - bytes[20], pageCount: Math.floor(bytes.length / pageSize) };
}
function pageOffset(db, page) {
    if (!Number.isInteger(page) || page < 1 || page > db.pageCount) {
        throw new SqliteFormatError(`it refers to page ${page}, outside its ${db.pageCount} pages`);
    }
    return (page - 1) * db.pageSize;
}
function readVarint(bytes, at) {
    let value = 0n;
    for (let i = 0; i < 9; i++) {
        if (at + i >= bytes.length)
            throw new SqliteFormatError('a varint runs past its page');
        const byte = bytes[at + i];
        if (i === 8)
            return { value: (value << 8n) | BigInt(byte), next: at + 9 };
        value = (value << 7n) | BigInt(byte & 0x7f);
        if ((byte & 0x80) === 0)
            return { value, next: at + i + 1 };
    }
    throw new SqliteFormatError('a varint is malformed');
}
/** A table leaf cell's payload, following its overflow chain when it does not fit on the page. */
function readPayload(db, at, size, visited) {
    const maxLocal = db.usableSize - 35;
    if (size <= maxLocal)
        return db.bytes.subarray(at, at + size);
    const minLocal = Math.floor(((db.usableSize - 12) * 32) / 255) - 23;
    const spill = minLocal + ((size - minLocal) % (db.usableSize - 4));
    const local = spill <= maxLocal ? spill : minLocal;
    const parts = [db.bytes.subarray(at, at + local)];
    let remaining = size - local;
    let page = db.bytes.readUInt32BE(at + local);
    while (remaining > 0) {
        if (visited.has(page))
            throw new SqliteFormatError(`its overflow chain loops at page ${page}`);
        visited.add(page);
        const offset = pageOffset(db, page);
        const take = Math.min(remaining, db.usableSize - 4);
        parts.push(db.bytes.subarray(offset + 4, offset + 4 + take));
        remaining -= take;
        page = db.bytes.readUInt32BE(offset);
    }
    return Buffer.concat(parts);
}
function decodeRecord(payload) {
    const header = readVarint(payload, 0);
    const headerEnd = Number(header.value);
    const types = [];
    for (let at = header.next; at < headerEnd;) {
        const type = readVarint(payload, at);
        types.push(Number(type.value));
        at = type.next;
    }
    const values = [];
    let at = headerEnd;
    for (const type of types) {
        if (type === 0)
            values.push(null);
        else if (type >= 1 && type <= 6) {
            const width = [1, 2, 3, 4, 6, 8][type - 1];
            if (at + width > payload.length)
                throw new SqliteFormatError('a record runs past its payload');
            values.push(width === 8 ? payload.readBigInt64BE(at) : payload.readIntBE(at, width));
            at += width;
        }
        else if (type === 7) {
            values.push(payload.readDoubleBE(at));
            at += 8;
        }
        else if (type === 8 || type === 9)
            values.push(type - 8);
        else if (type >= 12) {
            const length = Math.floor((type - 12) / 2);
            if (at + length > payload.length)
                throw new SqliteFormatError('a record runs past its payload');
            const bytes = payload.subarray(at, at + length);
            values.push(type % 2 === 0 ? bytes : bytes.toString('utf8'));
            at += length;
        }
        else
            throw new SqliteFormatError(`a record has the reserved serial type ${type}`);
    }
    return values;
}
/** Every row of the table b-tree rooted at `root`, in rowid order. */
function* walkTable(db, root, visited, depth = 0) {
    if (depth > MAX_TREE_DEPTH)
        throw new SqliteFormatError('its b-tree is deeper than any real database');
    if (visited.has(root))
        throw new SqliteFormatError(`its b-tree loops at page ${root}`);
    visited.add(root);
    const pageStart = pageOffset(db, root);
    const headerAt = root === 1 ? sqlite_table_HEADER_BYTES : pageStart;
    const type = db.bytes[headerAt];
    if (type !== TABLE_LEAF && type !== TABLE_INTERIOR)
        throw new SqliteFormatError(`page ${root} is not a table b-tree page`);
    const cellCount = db.bytes.readUInt16BE(headerAt + 3);
    const pointers = headerAt + (type === TABLE_LEAF ? 8 : 12);
    for (let index = 0; index < cellCount; index++) {
        const cell = pageStart + db.bytes.readUInt16BE(pointers + 2 * index);
        if (type === TABLE_INTERIOR) {
            yield* walkTable(db, db.bytes.readUInt32BE(cell), visited, depth + 1);
            continue;
        }
        const size = readVarint(db.bytes, cell);
        const rowid = readVarint(db.bytes, size.next);
        yield { rowid: rowid.value, values: decodeRecord(readPayload(db, rowid.next, Number(size.value), visited)) };
    }
    if (type === TABLE_INTERIOR)
        yield* walkTable(db, db.bytes.readUInt32BE(headerAt + 8), visited, depth + 1);
}
/**
 * The rows of one table of an SQLite database held in memory, read from the b-tree pages as the
 * file format documents them (https://www.sqlite.org/fileformat2.html). A write-ahead log is not
 * applied: only what was checkpointed into the main file is read.
 */
function* readSqliteTable(bytes, table) {
    const db = openDatabase(bytes);
    let root;
    for (const row of walkTable(db, 1, new Set())) {
        const [type, name, , rootPage] = row.values;
        if (type === 'table' && typeof name === 'string' && name.toLowerCase() === table.toLowerCase())
            root = Number(rootPage);
    }
    if (root === undefined)
        throw new SqliteFormatError(`it has no ${table} table`);
    yield* walkTable(db, root, new Set());
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/rpm.ts





const DATABASE_DIRS = ['/var/lib/rpm', '/usr/lib/sysimage/rpm'];
const SQLITE_DATABASES = DATABASE_DIRS.map((dir) => `${dir}/rpmdb.sqlite`);
const WRITE_AHEAD_LOGS = DATABASE_DIRS.map((dir) => `${dir}/rpmdb.sqlite-wal`);
// Older and other rpm builds keep the database in Berkeley DB (`Packages`) or rpm's own NDB (`Packages.db`).
const OTHER_DATABASES = new Map(DATABASE_DIRS.flatMap((dir) => [
    [`${dir}/Packages`, 'Berkeley DB'],
    [`${dir}/Packages.db`, 'NDB'],
]));
const MAX_DATABASE_BYTES = 128 * 1024 * 1024;
const WANTED_TAGS = Object.values(RPM_TAG);
/** The installed packages of an rpm database in SQLite format: one header blob per row of `Packages`. */
function parseRpmDatabase(bytes) {
    const entries = [];
    for (const row of readSqliteTable(bytes, 'Packages')) {
        const blob = row.values[1];
        if (!Buffer.isBuffer(blob))
            continue;
        const tags = parseRpmHeader(blob, WANTED_TAGS);
        const text = (tag) => {
            const value = tags.get(tag);
            return typeof value === 'string' && value !== '' ? value : undefined;
        };
        const name = text(RPM_TAG.name);
        const version = text(RPM_TAG.version);
        const release = text(RPM_TAG.release);
        if (!name || !version || !release)
            continue;
        const epoch = tags.get(RPM_TAG.epoch);
        entries.push({
            name,
            version,
            release,
            epoch: typeof epoch === 'number' ? epoch : undefined,
            arch: text(RPM_TAG.arch),
            license: text(RPM_TAG.license),
            sourceRpm: text(RPM_TAG.sourceRpm),
        });
    }
    return entries;
}
/** A file whose presence is all that matters: its bytes are skipped. */
async function drainToRecord(stream, record) {
    await drain(stream);
    return record;
}
const rpmCataloger = {
    id: 'rpm',
    capture(file) {
        if (SQLITE_DATABASES.includes(file.path)) {
            return { kind: 'whole', maxBytes: MAX_DATABASE_BYTES, parse: (content) => ({ kind: 'database', entries: parseRpmDatabase(content) }) };
        }
        if (WRITE_AHEAD_LOGS.includes(file.path) && file.size > 0) {
            return { kind: 'scan', scan: (stream) => drainToRecord(stream, { kind: 'write-ahead-log' }) };
        }
        const format = OTHER_DATABASES.get(file.path);
        if (format)
            return { kind: 'scan', scan: (stream) => drainToRecord(stream, { kind: 'unsupported', format }) };
        return undefined;
    },
    packages(found, context) {
        const packages = [];
        const hasSqlite = found.some(({ record }) => record.kind === 'database');
        for (const { path, layerDigest, record } of found) {
            if (record.kind === 'write-ahead-log') {
                context.warnings.push(`${path}: the rpm database has changes that were never checkpointed; packages they record are missing`);
            }
            else if (record.kind === 'unsupported') {
                // A Berkeley DB or NDB file next to an SQLite database is a leftover of a migration.
                if (!hasSqlite)
                    context.warnings.push(`${path}: rpm databases in ${record.format} format are not read; the image's rpm packages are missing`);
            }
            else {
                for (const entry of record.entries) {
                    const versionRelease = `${entry.version}-${entry.release}`;
                    packages.push({
                        name: entry.name,
                        version: entry.epoch !== undefined ? `${entry.epoch}:${versionRelease}` : versionRelease,
                        type: 'rpm',
                        purl: formatPurl({
                            type: 'rpm',
                            namespace: context.os?.id,
                            name: entry.name,
                            version: versionRelease,
                            qualifiers: [
                                ['arch', entry.arch],
                                ['epoch', entry.epoch?.toString()],
                                ['upstream', entry.sourceRpm],
                                ['distro', distroQualifier(context.os)],
                            ],
                        }),
                        licenses: toSpdxExpression(entry.license),
                        layerDigest,
                        path,
                    });
                }
            }
        }
        return packages;
    },
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/cargo-audit-data.ts


// cargo-auditable stores zlib-compressed JSON in the `.dep-v0` section, which is not loaded at run
// time (its flags are 0). A zlib stream starts with 0x78 (deflate, 32 KiB window) and one of four
// flag bytes that make the pair a multiple of 31.
const ZLIB_METHOD = 0x78;
const ZLIB_FLAGS = [0x01, 0x5e, 0x9c, 0xda];
const ZLIB_HEADERS = ZLIB_FLAGS.map((flags) => Buffer.from([ZLIB_METHOD, flags]));
// The first deflate block's type sits in bits 1-2 of the byte after the header; 3 is invalid.
const INVALID_BLOCK_TYPE = 0b110;
const JSON_START = '{"packages":';
// Enough compressed bytes to get past a dynamic Huffman table to the first literals.
const PROBE_BYTES = 512;
const MAX_COMPRESSED_BYTES = 1024 * 1024;
const MAX_JSON_BYTES = 16 * 1024 * 1024;
function startsLikeAuditData(bytes) {
    if (bytes.length < 3 || (bytes[2] & INVALID_BLOCK_TYPE) === INVALID_BLOCK_TYPE)
        return false;
    try {
        const head = external_node_zlib_default().inflateSync(bytes, { finishFlush: (external_node_zlib_default()).constants.Z_SYNC_FLUSH, maxOutputLength: 4096 });
        return head.toString('latin1', 0, JSON_START.length) === JSON_START;
    }
    catch {
        return false;
    }
}
/** The JSON once the zlib stream in `bytes` is complete; undefined while it is still cut short. */
function inflateComplete(bytes) {
    try {
        return external_node_zlib_default().inflateSync(bytes, { maxOutputLength: MAX_JSON_BYTES }).toString('utf8');
    }
    catch (error) {
        return error.code === 'Z_BUF_ERROR' ? undefined : error;
    }
}
function advance(candidate, atEnd) {
    if (!candidate.probed) {
        if (candidate.length < candidate.want && !atEnd)
            return true;
        if (!startsLikeAuditData(bytesOf(candidate)))
            return false;
        candidate.probed = true;
        candidate.want = MAX_COMPRESSED_BYTES;
    }
    if (candidate.json !== undefined || candidate.length === candidate.triedLength)
        return true;
    candidate.triedLength = candidate.length;
    const json = inflateComplete(bytesOf(candidate));
    if (json instanceof Error)
        return false;
    if (json !== undefined) {
        candidate.json = json;
        candidate.want = candidate.length;
    }
    return true;
}
/**
 * Reads an executable as it streams and returns the JSON cargo-auditable embedded, kept only when
 * its zlib stream starts a PROGBITS section, so compressed bytes elsewhere in the file do not count.
 * Only the ELF header, the section header table and candidate streams are held.
 */
async function scanCargoAuditData(stream) {
    let position = 0;
    const elf = new ElfSectionTableReader();
    let candidates = [];
    let lastByte = -1;
    for await (const raw of stream) {
        const chunk = raw;
        const chunkStart = position;
        position += chunk.length;
        elf.feed(chunk, chunkStart);
        if (elf.notElf)
            continue;
        for (const candidate of candidates)
            append(candidate, chunk, chunkStart);
        const searchFrom = Math.max(0, (elf.loadedBytesEnd() ?? 0) - chunkStart);
        const starts = [];
        if (searchFrom === 0 && lastByte === ZLIB_METHOD && ZLIB_FLAGS.includes(chunk[0]))
            starts.push(chunkStart - 1);
        for (const header of ZLIB_HEADERS) {
            for (let at = chunk.indexOf(header, searchFrom); at >= 0; at = chunk.indexOf(header, at + 1))
                starts.push(chunkStart + at);
        }
        for (const start of starts) {
            const candidate = { start, chunks: [], length: 0, want: PROBE_BYTES, probed: false, triedLength: 0 };
            if (start < chunkStart)
                append(candidate, Buffer.of(ZLIB_METHOD), start);
            append(candidate, chunk, chunkStart);
            candidates.push(candidate);
        }
        candidates = candidates.filter((candidate) => advance(candidate, false));
        lastByte = chunk.length > 0 ? chunk[chunk.length - 1] : lastByte;
    }
    candidates = candidates.filter((candidate) => advance(candidate, true));
    const sections = elf.progbitsSections();
    const section = sections && candidates.find((candidate) => sections.has(candidate.start));
    if (!section)
        return { notAudited: true };
    if (section.json === undefined)
        return { unsupported: 'its cargo-auditable data is cut short or over the size cap' };
    return { found: section.json };
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/rust.ts


const rust_MIN_ELF_BYTES = 64;
/**
 * cargo-auditable's `{"packages":[{name, version, source, kind, dependencies, root}]}`. Build
 * dependencies (kind "build") ran at compile time and are not in the binary, so they are left out.
 */
function parseCargoAuditData(json) {
    const data = JSON.parse(json);
    const list = data?.packages;
    if (!Array.isArray(list))
        throw new Error('its cargo-auditable data has no packages list');
    const crates = [];
    for (const entry of list) {
        const { name, version, kind } = entry ?? {};
        if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '')
            continue;
        if (kind !== undefined && kind !== 'runtime')
            continue;
        crates.push({ name, version });
    }
    return { crates };
}
const rustCataloger = {
    id: 'rust-binary',
    capture(file) {
        if ((file.mode & 0o111) === 0 || file.size < rust_MIN_ELF_BYTES)
            return undefined;
        return {
            kind: 'scan',
            async scan(stream) {
                const result = await scanCargoAuditData(stream);
                if ('found' in result)
                    return parseCargoAuditData(result.found);
                if ('unsupported' in result)
                    throw new Error(result.unsupported);
                return undefined;
            },
        };
    },
    packages(found) {
        return found.flatMap(({ path, layerDigest, record }) => record.crates.map((crate) => ({
            name: crate.name,
            version: crate.version,
            type: 'rust-crate',
            purl: formatPurl({ type: 'cargo', name: crate.name, version: crate.version }),
            layerDigest,
            path,
        })));
    },
};

;// CONCATENATED MODULE: ./src/sbom/image-identity.ts

/** `pkg:oci/app@sha256%3A…?repository_url=127.0.0.1:5000/lab/app`, the purl spec's form for an OCI image. */
function imagePurl(source) {
    const repository = source.name.toLowerCase();
    const name = repository.slice(repository.lastIndexOf('/') + 1);
    return formatPurl({
        type: 'oci',
        name,
        version: source.manifestDigest,
        qualifiers: [['repository_url', repository]],
    });
}
function platformText(source) {
    const platform = source.platform;
    if (!platform)
        return undefined;
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
function digestHex(digest) {
    const colon = digest.indexOf(':');
    return { algorithm: digest.slice(0, colon), hex: digest.slice(colon + 1) };
}

;// CONCATENATED MODULE: ./src/sbom/cyclonedx.ts

const HASH_ALGORITHMS = { sha256: 'SHA-256', sha512: 'SHA-512' };
function property(name, value) {
    return value ? [{ name: `image-passport:${name}`, value }] : [];
}
/** CycloneDX 1.6 JSON whose metadata.component is the image, a container identified by its digest. */
function toCycloneDxDocument(source, packages, os, options) {
    const digest = digestHex(source.manifestDigest);
    const hashAlgorithm = HASH_ALGORITHMS[digest.algorithm];
    const image = {
        'bom-ref': imagePurl(source),
        type: 'container',
        name: source.name,
        version: source.manifestDigest,
        ...(hashAlgorithm ? { hashes: [{ alg: hashAlgorithm, content: digest.hex }] } : {}),
        purl: imagePurl(source),
        properties: [
            ...property('oci:manifest-digest', source.manifestDigest),
            ...property('oci:index-digest', source.indexDigest),
            ...property('oci:platform', platformText(source)),
        ],
    };
    const osComponent = os && {
        'bom-ref': `os:${os.id}@${os.versionId ?? ''}`,
        type: 'operating-system',
        name: os.id,
        ...(os.versionId ? { version: os.versionId } : {}),
        ...(os.prettyName ? { description: os.prettyName } : {}),
    };
    const components = packages.map((pkg) => ({
        'bom-ref': pkg.purl,
        type: 'library',
        name: pkg.name,
        version: pkg.version,
        ...(pkg.licenses ? { licenses: [{ expression: pkg.licenses }] } : {}),
        purl: pkg.purl,
        properties: [
            ...property('package:type', pkg.type),
            ...property('location:layer-digest', pkg.layerDigest),
            ...property('location:path', pkg.path),
        ],
    }));
    return {
        $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: `urn:uuid:${options.uniqueId}`,
        version: 1,
        metadata: {
            timestamp: `${options.created.toISOString().slice(0, 19)}Z`,
            tools: {
                components: [
                    { type: 'application', name: options.toolName, ...(options.toolVersion ? { version: options.toolVersion } : {}) },
                ],
            },
            component: image,
        },
        components: [...(osComponent ? [osComponent] : []), ...components],
    };
}

;// CONCATENATED MODULE: ./src/sbom/fan-out.ts

function writable(branch) {
    return new Promise((resolve) => {
        const done = () => {
            branch.off('drain', done);
            branch.off('close', done);
            resolve();
        };
        branch.on('drain', done);
        branch.on('close', done);
    });
}
/** Copies the source into every branch, waiting for the slowest; the source error ends them all. */
async function pump(source, branches) {
    try {
        for await (const chunk of source) {
            const waits = [];
            for (const branch of branches) {
                if (!branch.destroyed && !branch.write(chunk))
                    waits.push(writable(branch));
            }
            await Promise.all(waits);
        }
        for (const branch of branches)
            branch.end();
    }
    catch (error) {
        for (const branch of branches)
            branch.destroy(error);
    }
}
/**
 * Feeds one stream to several consumers at once, at the pace of the slowest, without holding it.
 * A consumer that stops early is drained so the others go on; the promise settles once the source
 * has been read to its end. Consumers must not reject: they report failure in their result.
 */
async function fanOut(source, consumers) {
    if (consumers.length === 1)
        return [await consumers[0](source)];
    const branches = consumers.map(() => new external_node_stream_.PassThrough());
    const pumped = pump(source, branches);
    const results = await Promise.all(consumers.map(async (consume, index) => {
        const branch = branches[index];
        try {
            return await consume(branch);
        }
        finally {
            branch.resume();
        }
    }));
    await pumped;
    return results;
}

;// CONCATENATED MODULE: ./src/sbom/file-selector.ts
/**
 * Tar names are relative ("./usr/bin/x", "usr/bin/x"); a name with a `..` component could point
 * outside the image root in an extractor, so it is refused rather than resolved.
 */
function normalizeEntryPath(rawName) {
    const parts = rawName.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..'))
        return { unsafe: `tar entry "${rawName}" has a ".." component` };
    return { path: `/${parts.join('/')}` };
}
/**
 * Asks every interest whether it wants a file; all that do get it, in one pass over its bytes
 * (an executable may be a Go or a Rust binary, a jar may be executable).
 */
class FileSelector {
    interests;
    constructor(interests) {
        this.interests = interests;
    }
    select(file) {
        const selections = [];
        for (const interest of this.interests) {
            const capture = interest.capture(file);
            if (capture)
                selections.push({ interest, capture });
        }
        return selections;
    }
    wantsLink(path) {
        return this.interests.some((interest) => interest.wantsLink?.(path) === true);
    }
    wantsPath(path) {
        return this.select({ path, size: 0, mode: 0o755 }).length > 0;
    }
}

;// CONCATENATED MODULE: ./src/sbom/squash.ts

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/** `.wh.name` and `.wh..wh..opq` as defined by the OCI image layer spec. */
function whiteoutOf(filePath) {
    const base = posix_default().basename(filePath);
    if (!base.startsWith(WHITEOUT_PREFIX))
        return undefined;
    const dir = posix_default().dirname(filePath);
    if (base === OPAQUE_MARKER)
        return { kind: 'opaque', target: dir };
    return { kind: 'whiteout', target: posix_default().join(dir, base.slice(WHITEOUT_PREFIX.length)) };
}
function components(filePath) {
    return filePath.split('/').filter((part) => part !== '');
}
/**
 * The squashed view of the files kept so far: each layer's entries replace or delete what lower
 * layers left, and never what the same layer wrote, whatever the order of entries in the tar.
 */
class SquashedTree {
    root = { children: new Map() };
    layerIndex = -1;
    layerDigest = '';
    beginLayer(index, digest) {
        this.layerIndex = index;
        this.layerDigest = digest;
    }
    find(filePath, create) {
        let node = this.root;
        for (const part of components(filePath)) {
            let child = node.children.get(part);
            if (!child) {
                if (!create)
                    return undefined;
                child = { children: new Map() };
                node.children.set(part, child);
            }
            node = child;
        }
        return node;
    }
    isLower(stored) {
        return stored !== undefined && stored.layerIndex < this.layerIndex;
    }
    dropLowerBelow(node) {
        for (const [name, child] of node.children) {
            if (this.isLower(child.stored))
                delete child.stored;
            this.dropLowerBelow(child);
            if (!child.stored && child.children.size === 0)
                node.children.delete(name);
        }
    }
    /** Applies a whiteout entry of the current layer. */
    applyWhiteout(kind, target) {
        const node = this.find(target, false);
        if (!node)
            return;
        if (kind === 'whiteout' && this.isLower(node.stored))
            delete node.stored;
        this.dropLowerBelow(node);
    }
    /**
     * Any entry of the current layer at `filePath` hides a lower one at the same path; a non-directory
     * also hides everything lower layers had beneath it.
     */
    shadow(filePath, isDirectory) {
        const node = this.find(filePath, false);
        if (!node)
            return;
        if (this.isLower(node.stored))
            delete node.stored;
        if (!isDirectory)
            this.dropLowerBelow(node);
    }
    put(filePath, kept) {
        const node = this.find(filePath, true);
        node.stored = { kept, layerIndex: this.layerIndex, layerDigest: this.layerDigest };
    }
    /** A file of the current layer, for tar hard links, which point earlier in the same archive. */
    getFromCurrentLayer(filePath) {
        const stored = this.find(filePath, false)?.stored;
        if (!stored || stored.layerIndex !== this.layerIndex || stored.kept.kind !== 'file')
            return undefined;
        return stored.kept;
    }
    storedAt(filePath) {
        return this.find(filePath, false)?.stored;
    }
    /**
     * Resolves recorded symlinks in every component of `filePath`. Relative targets resolve inside the
     * image; absolute targets and targets that climb above the root are refused with a reason.
     */
    resolve(filePath) {
        let parts = components(filePath);
        for (let hops = 0; hops < 40; hops++) {
            let changed = false;
            for (let i = 1; i <= parts.length; i++) {
                const prefix = `/${parts.slice(0, i).join('/')}`;
                const stored = this.storedAt(prefix);
                if (stored?.kept.kind !== 'link')
                    continue;
                const target = stored.kept.target;
                if (target.startsWith('/'))
                    return { refused: `${prefix} is a symlink to the absolute path ${target}` };
                const joined = posix_default().normalize(posix_default().join(posix_default().dirname(prefix), target));
                if (!joined.startsWith('/') || components(posix_default().dirname(prefix)).length < countUps(target)) {
                    return { refused: `${prefix} is a symlink that leaves the image root (${target})` };
                }
                parts = [...components(joined), ...parts.slice(i)];
                changed = true;
                break;
            }
            if (!changed)
                return { path: `/${parts.join('/')}` };
        }
        return { refused: `${filePath} has a symlink loop` };
    }
    lookup(filePath) {
        const resolved = this.resolve(filePath);
        if ('refused' in resolved)
            return resolved;
        const stored = this.storedAt(resolved.path);
        if (stored?.kept.kind !== 'file')
            return undefined;
        return { path: resolved.path, layerDigest: stored.layerDigest, file: stored.kept };
    }
    /** Every kept file, sorted by path so that output does not depend on tar order. */
    files() {
        const out = [];
        const walk = (node, prefix) => {
            if (node.stored?.kept.kind === 'file') {
                out.push({ path: prefix || '/', layerDigest: node.stored.layerDigest, file: node.stored.kept });
            }
            for (const name of [...node.children.keys()].sort())
                walk(node.children.get(name), `${prefix}/${name}`);
        };
        walk(this.root, '');
        return out;
    }
}
function countUps(target) {
    let depth = 0;
    let maxUp = 0;
    for (const part of components(target)) {
        if (part === '..')
            depth--;
        else if (part !== '.')
            depth++;
        maxUp = Math.max(maxUp, -depth);
    }
    return maxUp;
}

;// CONCATENATED MODULE: ./src/sbom/scan-image.ts





async function readAll(stream) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
/** Reads the file to its end, then reduces it; a file that does not parse is a warning, not a failure. */
async function runCapture(capture, stream, file) {
    try {
        if (capture.kind === 'whole') {
            const content = await readAll(stream);
            return { record: capture.parse(content, file.path) };
        }
        return { record: await capture.scan(stream, file) };
    }
    catch (error) {
        return { problem: describeError(error) };
    }
}
/**
 * Streams every layer of the image bottom-up into a squashed tree of the files the interests keep.
 * Each layer is opened only when the previous one is done, so at most one layer is in flight.
 */
async function scanImage(source, interests, limits) {
    const tree = new SquashedTree();
    const warnings = [];
    const selector = new FileSelector(interests);
    for (const [index, layer] of source.layers.entries()) {
        if (layer.size > limits.maxLayerBytes) {
            throw new SbomError(`layer ${layer.digest} is ${layer.size} bytes, over the ${limits.maxLayerBytes}-byte layer size limit`);
        }
        tree.beginLayer(index, layer.digest);
        let stream;
        try {
            stream = await source.openLayer(layer);
        }
        catch (error) {
            throw new SbomError(`layer ${layer.digest} of ${source.name} could not be opened: ${describeError(error)}`);
        }
        const warn = (message) => {
            warnings.push(`layer ${layer.digest}: ${message}`);
        };
        await readLayer(layer, stream, limits, async (entry) => {
            const normalized = normalizeEntryPath(entry.rawName);
            if ('unsafe' in normalized) {
                warn(`skipped ${normalized.unsafe}`);
                return drain(entry.stream);
            }
            const filePath = normalized.path;
            const whiteout = whiteoutOf(filePath);
            if (whiteout) {
                tree.applyWhiteout(whiteout.kind, whiteout.target);
                return drain(entry.stream);
            }
            tree.shadow(filePath, entry.type === 'directory');
            if (entry.type === 'symlink') {
                if (selector.wantsLink(filePath))
                    tree.put(filePath, { kind: 'link', target: entry.linkname ?? '' });
                else if (selector.wantsPath(filePath))
                    warn(`skipped ${filePath}: it is a symlink to ${entry.linkname ?? ''}`);
                return drain(entry.stream);
            }
            if (entry.type === 'link') {
                const target = normalizeEntryPath(entry.linkname ?? '');
                if ('path' in target && selector.wantsPath(filePath)) {
                    const linked = tree.getFromCurrentLayer(target.path);
                    if (linked)
                        tree.put(filePath, linked);
                }
                else if ('unsafe' in target) {
                    warn(`skipped hard link ${filePath}: ${target.unsafe}`);
                }
                return drain(entry.stream);
            }
            if (entry.type !== 'file')
                return drain(entry.stream);
            const file = { path: filePath, size: entry.size, mode: entry.mode };
            const selections = selector.select(file).filter(({ capture, interest }) => {
                if (capture.kind !== 'whole' || entry.size <= capture.maxBytes)
                    return true;
                warn(`skipped ${filePath}: ${entry.size} bytes is over the ${capture.maxBytes}-byte cap for ${interest.id} files`);
                return false;
            });
            if (selections.length === 0)
                return drain(entry.stream);
            const outcomes = await fanOut(entry.stream, selections.map(({ capture }) => (stream) => runCapture(capture, stream, file)));
            const records = new Map();
            for (const [index, outcome] of outcomes.entries()) {
                if ('problem' in outcome)
                    warn(`skipped ${filePath}: ${outcome.problem}`);
                else if (outcome.record !== undefined)
                    records.set(selections[index].interest.id, outcome.record);
            }
            if (records.size > 0)
                tree.put(filePath, { kind: 'file', records });
        });
    }
    return { tree, warnings };
}

;// CONCATENATED MODULE: ./src/sbom/document-options.ts
/** "image-passport-0.1.0", the creator form SPDX asks for. */
function toolLabel(options) {
    return options.toolVersion ? `${options.toolName}-${options.toolVersion}` : options.toolName;
}

;// CONCATENATED MODULE: ./src/sbom/spdx.ts



const NOASSERTION = 'NOASSERTION';
function spdxId(prefix, ...parts) {
    const readable = parts[0]?.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60) ?? '';
    const hash = (0,external_node_crypto_.createHash)('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
    return `SPDXRef-${prefix}-${readable}-${hash}`;
}
function spdxTimestamp(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}
const CHECKSUM_ALGORITHMS = { sha256: 'SHA256', sha512: 'SHA512' };
/** SPDX 2.3 JSON whose root package is the image itself, identified by its platform manifest digest. */
function toSpdxDocument(source, packages, os, options) {
    const rootId = spdxId('DocumentRoot-Image', source.name, source.manifestDigest);
    const digest = digestHex(source.manifestDigest);
    const created = spdxTimestamp(options.created);
    const platform = platformText(source);
    const annotations = [
        ...(source.indexDigest ? [`oci-index-digest=${source.indexDigest}`] : []),
        ...(platform ? [`oci-platform=${platform}`] : []),
    ].map((comment) => ({ annotationDate: created, annotationType: 'OTHER', annotator: `Tool: ${toolLabel(options)}`, comment }));
    const root = {
        name: source.name,
        SPDXID: rootId,
        versionInfo: source.manifestDigest,
        supplier: NOASSERTION,
        downloadLocation: NOASSERTION,
        filesAnalyzed: false,
        checksums: CHECKSUM_ALGORITHMS[digest.algorithm]
            ? [{ algorithm: CHECKSUM_ALGORITHMS[digest.algorithm], checksumValue: digest.hex }]
            : [],
        licenseConcluded: NOASSERTION,
        licenseDeclared: NOASSERTION,
        copyrightText: NOASSERTION,
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: imagePurl(source) }],
        primaryPackagePurpose: 'CONTAINER',
        ...(annotations.length > 0 ? { annotations } : {}),
    };
    const osPackage = os && {
        name: os.id,
        SPDXID: spdxId('OperatingSystem', os.id, os.versionId ?? ''),
        ...(os.versionId ? { versionInfo: os.versionId } : {}),
        supplier: NOASSERTION,
        downloadLocation: NOASSERTION,
        filesAnalyzed: false,
        licenseConcluded: NOASSERTION,
        licenseDeclared: NOASSERTION,
        copyrightText: NOASSERTION,
        ...(os.prettyName ? { description: os.prettyName } : {}),
        primaryPackagePurpose: 'OPERATING_SYSTEM',
    };
    const contained = packages.map((pkg) => ({
        name: pkg.name,
        SPDXID: spdxId(`Package-${pkg.type}`, pkg.name, pkg.purl, pkg.path),
        versionInfo: pkg.version,
        supplier: NOASSERTION,
        downloadLocation: NOASSERTION,
        filesAnalyzed: false,
        sourceInfo: `acquired package info from ${pkg.path} in layer ${pkg.layerDigest}`,
        licenseConcluded: NOASSERTION,
        licenseDeclared: pkg.licenses ?? NOASSERTION,
        copyrightText: NOASSERTION,
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }],
        primaryPackagePurpose: 'LIBRARY',
    }));
    const children = [...(osPackage ? [osPackage] : []), ...contained];
    const safeName = source.name.replace(/[^A-Za-z0-9.-]+/g, '-');
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `${source.name}@${source.manifestDigest}`,
        documentNamespace: `https://spdx.org/spdxdocs/${options.toolName}/${safeName}-${options.uniqueId}`,
        creationInfo: { creators: [`Tool: ${toolLabel(options)}`], created },
        packages: [root, ...children],
        relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: rootId, relationshipType: 'DESCRIBES' },
            ...children.map((child) => ({ spdxElementId: rootId, relatedSpdxElement: child.SPDXID, relationshipType: 'CONTAINS' })),
        ],
    };
}

;// CONCATENATED MODULE: ./src/sbom/generate.ts














const DEFAULT_LIMITS = {
    maxLayerBytes: 4 * 1024 ** 3,
    maxUncompressedLayerBytes: 16 * 1024 ** 3,
};
const CATALOGERS = [
    dpkgCataloger,
    apkCataloger,
    rpmCataloger,
    pythonCataloger,
    npmCataloger,
    javaCataloger,
    goBinaryCataloger,
    rustCataloger,
];
const INTERESTS = [osReleaseInterest, ...CATALOGERS];
/**
 * The SBOM of one platform image, read from its layers in one streaming pass. Fails with an
 * SbomError naming the layer when a layer is corrupt, truncated or over a limit.
 */
async function generateSbom(source, options) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const { tree, warnings } = await scanImage(source, INTERESTS, limits);
    const { packages, os } = catalog(tree, CATALOGERS, warnings);
    const documentOptions = {
        created: options.created ?? new Date(),
        uniqueId: (0,external_node_crypto_.randomUUID)(),
        toolName: 'image-passport',
        toolVersion: options.toolVersion,
    };
    const document = options.format === 'spdx-json'
        ? toSpdxDocument(source, packages, os, documentOptions)
        : toCycloneDxDocument(source, packages, os, documentOptions);
    return { document, packages, warnings };
}

;// CONCATENATED MODULE: ./src/sbom/predicate-types.ts
const SBOM_FORMATS = (/* unused pure expression or super */ null && (['spdx-json', 'cyclonedx-json']));
// The predicate types actions/attest writes for SBOM attestations.
const SPDX_PREDICATE_TYPE = 'https://spdx.dev/Document/v2.3';
const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';
function predicateTypeFor(format) {
    return format === 'spdx-json' ? SPDX_PREDICATE_TYPE : CYCLONEDX_PREDICATE_TYPE;
}

;// CONCATENATED MODULE: ./src/sign/sbom-statements.ts





/** A layer is streamed, never held; this only caps what one layer may be. */
const MAX_LAYER_BYTES = 8 * 1024 * 1024 * 1024;
function parseSbomChoice(value) {
    if (value === 'generate' || value === '')
        return 'generate';
    if (value === 'none')
        return 'none';
    return { path: value };
}
/**
 * `generate` reads each platform image from the registry (an index gets one SBOM a platform);
 * a path attests the user's own SBOM for the pushed digest.
 */
async function sbomsFor(target, choice, format, registry) {
    if (choice === 'none')
        return [];
    if (typeof choice === 'object') {
        const document = await readSbomFile(choice.path);
        const detected = detectSbomFormat(document, choice.path);
        return [{ subjectDigests: [target.digest], predicateType: predicateTypeFor(detected), document, warnings: [] }];
    }
    const platformSubjects = target.subjects.filter((subject) => subject.manifest !== undefined);
    const sboms = [];
    for (const subject of platformSubjects) {
        const source = imageSource(target, subject, registry);
        const generated = await generateSbom(source, { format });
        sboms.push({
            subjectDigests: [subject.digest],
            predicateType: predicateTypeFor(format),
            document: generated.document,
            packageCount: generated.packages.length,
            warnings: generated.warnings,
        });
    }
    return sboms;
}
async function readSbomFile(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new usage_error/* UsageError */.e(`sbom ${path}: cannot read the file (${error.code ?? String(error)}); give a path to an SPDX or CycloneDX JSON file, generate or none`);
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new usage_error/* UsageError */.e(`sbom ${path}: not JSON; give an SPDX 2.3 or CycloneDX JSON document`);
    }
}
function imageSource(target, subject, registry) {
    const name = target.names[0];
    const ref = { registry: name.registry, repository: name.repository, digest: subject.digest };
    const manifest = subject.manifest;
    return {
        name: `${name.registry}/${name.repository}`,
        manifestDigest: subject.digest,
        ...(subject.digest !== target.digest ? { indexDigest: target.digest } : {}),
        ...(subject.platform ? { platform: subject.platform } : {}),
        layers: manifest.layers.map(({ digest, mediaType, size }) => ({ digest, mediaType, size })),
        openLayer: (layer) => registry.openBlob(ref, layer.digest, { maxBytes: Math.min(layer.size, MAX_LAYER_BYTES) }),
    };
}


/***/ }),

/***/ 56872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ resolveSignTarget)
/* harmony export */ });
/* harmony import */ var _usage_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18287);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32060);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62148);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28630);




/**
 * Turns the `image` and `digest` inputs into the subject: a digest, never a tag. Each name is
 * checked to hold that digest before anything is signed.
 */
async function resolveSignTarget(images, digest, registry) {
    if (images.length === 0)
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e('no image given: pass image (e.g. ghcr.io/acme/app) and digest');
    const names = images.map((image) => (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(image));
    const digests = new Set(names.map((name) => name.digest).filter((found) => found !== undefined));
    if (digest !== undefined) {
        if (!/^sha256:[0-9a-f]{64}$/.test(digest))
            throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`digest "${digest}" is not a sha256 digest (sha256: and 64 hex digits)`);
        digests.add(digest);
    }
    if (digests.size === 0) {
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${images[0]} names no digest: a tag can move, so sign only attests a digest — pass the build step's digest output (digest: \${{ steps.build.outputs.digest }}) or image as name@sha256:…`);
    }
    if (digests.size > 1)
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`the images and digest name different digests (${[...digests].join(', ')}): sign one digest per step`);
    const [subjectDigest] = [...digests];
    let top;
    for (const name of names) {
        const pinned = { registry: name.registry, repository: name.repository, digest: subjectDigest };
        try {
            const { descriptor, manifest } = await registry.getManifest(pinned, subjectDigest);
            top ??= { manifest, mediaType: descriptor.mediaType, size: descriptor.size };
        }
        catch (error) {
            if (error instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && error.status === 404) {
                throw new Error(`${subjectDigest} not found in ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatImageReference */ .my)({ registry: name.registry, repository: name.repository })}: the usual cause is a digest from another registry or a build with load: true that was never pushed`);
            }
            throw error;
        }
    }
    const { manifest, mediaType, size } = top;
    const subjects = [{ digest: subjectDigest, mediaType, size, ...((0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndex */ .nw)(manifest) ? {} : { manifest }) }];
    if ((0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .isIndex */ .nw)(manifest)) {
        const ref = { ...names[0], tag: undefined, digest: subjectDigest };
        for (const entry of manifest.manifests) {
            // BuildKit stores its own attestations as index entries of platform unknown/unknown.
            if (entry.platform?.architecture === 'unknown')
                continue;
            const platformManifest = await registry.getManifest(ref, entry.digest);
            subjects.push({ digest: entry.digest, mediaType: entry.mediaType, size: entry.size, platform: entry.platform, manifest: platformManifest.manifest });
        }
    }
    return { names: names.map((name) => ({ registry: name.registry, repository: name.repository })), digest: subjectDigest, subjects };
}


/***/ })

};

//# sourceMappingURL=119.index.js.map