export const id = 54;
export const ids = [54];
export const modules = {

/***/ 64054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UD: () => (/* reexport */ failure/* VerificationFailure */.U),
  ak: () => (/* reexport */ trust_root/* loadTrustMaterial */.a),
  QN: () => (/* reexport */ parseBundle),
  QO: () => (/* reexport */ verifyArtifactBundle),
  C7: () => (/* reexport */ verifyAttestationBundle),
  OB: () => (/* reexport */ verifyBundleSignature)
});

// UNUSED EXPORTS: TrustRootError, parseStatement, signerIdentityFromCertificate, trustFromJson

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./src/verify/failure.ts
var failure = __webpack_require__(17167);
;// CONCATENATED MODULE: ./src/verify/bundle.ts


const VALIDATORS = {
    [dist.BUNDLE_V01_MEDIA_TYPE]: dist.assertBundleV01,
    [dist.BUNDLE_V02_MEDIA_TYPE]: dist.assertBundleV02,
    [dist.BUNDLE_V03_LEGACY_MEDIA_TYPE]: dist.assertBundleLatest,
    [dist.BUNDLE_V03_MEDIA_TYPE]: dist.assertBundleLatest,
};
/**
 * Parses a Sigstore bundle (v0.1 to v0.3) from JSON text or an already parsed object, once,
 * so that verification only ever sees a structurally complete bundle.
 * `source` names the bundle in messages (a file, a referrer digest, an API URL).
 */
function parseBundle(input, source = 'bundle') {
    const json = typeof input === 'string' || input instanceof Uint8Array ? parseJson(input, source) : input;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `${source}: a Sigstore bundle is a JSON object`);
    }
    const record = json;
    const mediaType = record.mediaType;
    const validate = typeof mediaType === 'string' ? VALIDATORS[mediaType] : undefined;
    if (validate === undefined) {
        throw new failure/* VerificationFailure */.U('BUNDLE_UNSUPPORTED', `${source}: unsupported bundle media type ${JSON.stringify(mediaType)}; supported: ${Object.keys(VALIDATORS).join(', ')}`);
    }
    if (typeof record.verificationMaterial !== 'object' || record.verificationMaterial === null) {
        throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `${source}: the bundle has no verificationMaterial (certificate or public key)`);
    }
    let bundle;
    try {
        bundle = (0,dist.bundleFromJSON)(json);
        validate(bundle);
    }
    catch (error) {
        const detail = error instanceof dist.ValidationError && error.fields ? `missing or empty ${error.fields.join(', ')}` : error.message;
        throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `${source}: invalid ${mediaType} bundle: ${detail}`);
    }
    checkVerificationMaterial(bundle, source);
    return bundle;
}
function parseJson(input, source) {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `${source}: not JSON (${error.message})`);
    }
}
// Checks sigstore-js leaves to the verifier, where a gap surfaces as a TypeError instead of a reason.
function checkVerificationMaterial(bundle, source) {
    const material = bundle.verificationMaterial;
    if (material.content.$case === 'publicKey' && material.content.publicKey.hint === '') {
        throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `${source}: verificationMaterial has neither a certificate nor a public key hint`);
    }
    material.tlogEntries.forEach((entry, index) => {
        if (entry.inclusionProof !== undefined && entry.inclusionProof.checkpoint === undefined) {
            throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `${source}: tlog entry ${index} has an inclusion proof without a checkpoint`);
        }
        if (entry.logIndex.startsWith('-')) {
            throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `${source}: tlog entry ${index} has a negative log index (${entry.logIndex})`);
        }
    });
}

// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
;// CONCATENATED MODULE: ./src/verify/certificate-identity.ts


const FULCIO_ARC = '1.3.6.1.4.1.57264.1.';
const SAN_OTHERNAME_OID = `${FULCIO_ARC}7`;
// Extensions .1 to .6 hold the raw string bytes; .8 onwards hold a DER UTF8String.
const RAW_EXTENSIONS = {
    2: 'githubWorkflowTrigger',
    3: 'githubWorkflowSha',
    4: 'githubWorkflowName',
    5: 'githubWorkflowRepository',
    6: 'githubWorkflowRef',
};
const DER_EXTENSIONS = {
    8: 'issuer',
    9: 'buildSignerUri',
    10: 'buildSignerDigest',
    11: 'runnerEnvironment',
    12: 'sourceRepositoryUri',
    13: 'sourceRepositoryDigest',
    14: 'sourceRepositoryRef',
    15: 'sourceRepositoryIdentifier',
    16: 'sourceRepositoryOwnerUri',
    17: 'sourceRepositoryOwnerIdentifier',
    18: 'buildConfigUri',
    19: 'buildConfigDigest',
    20: 'buildTrigger',
    21: 'runInvocationUri',
    22: 'sourceRepositoryVisibilityAtSigning',
};
const UTF8_STRING_TAG = 0x0c;
/** Decodes the signer identity from a leaf certificate (DER bytes or a parsed certificate). */
function signerIdentityFromCertificate(certificate) {
    const cert = certificate instanceof core_dist.X509Certificate ? certificate : parseCertificate(certificate);
    const identity = { certificate: { notBefore: cert.notBefore, notAfter: cert.notAfter }, ...subjectAlternativeName(cert) };
    for (const [arc, field] of Object.entries(RAW_EXTENSIONS)) {
        const value = cert.extension(FULCIO_ARC + arc)?.value;
        if (value !== undefined)
            identity[field] = decodeUtf8(value, FULCIO_ARC + arc);
    }
    for (const [arc, field] of Object.entries(DER_EXTENSIONS)) {
        const value = cert.extension(FULCIO_ARC + arc)?.value;
        if (value !== undefined)
            identity[field] = decodeDerUtf8String(value, FULCIO_ARC + arc);
    }
    if (identity.issuer === undefined) {
        const legacy = cert.extension(`${FULCIO_ARC}1`)?.value;
        if (legacy !== undefined)
            identity.issuer = decodeUtf8(legacy, `${FULCIO_ARC}1`);
    }
    return identity;
}
function parseCertificate(der) {
    try {
        return core_dist.X509Certificate.parse(Buffer.from(der));
    }
    catch (error) {
        throw new failure/* VerificationFailure */.U('CERTIFICATE_MALFORMED', `the signing certificate is not valid DER (${error.message})`);
    }
}
function subjectAlternativeName(cert) {
    const san = cert.extSubjectAltName;
    if (san === undefined)
        return {};
    if (san.uri !== undefined)
        return { subjectAlternativeName: san.uri, subjectAlternativeNameType: 'uri' };
    if (san.rfc822Name !== undefined)
        return { subjectAlternativeName: san.rfc822Name, subjectAlternativeNameType: 'email' };
    const other = san.otherName(SAN_OTHERNAME_OID);
    if (other !== undefined)
        return { subjectAlternativeName: other, subjectAlternativeNameType: 'otherName' };
    return {};
}
/** The content of a DER UTF8String that must fill `bytes` exactly. */
function decodeDerUtf8String(bytes, oid) {
    const malformed = (why) => new failure/* VerificationFailure */.U('CERTIFICATE_MALFORMED', `certificate extension ${oid} is not a DER UTF8String (${why})`);
    if (bytes.length < 2 || bytes[0] !== UTF8_STRING_TAG)
        throw malformed(`tag 0x${(bytes[0] ?? 0).toString(16)}`);
    const first = bytes[1];
    let length;
    let offset;
    if (first < 0x80) {
        length = first;
        offset = 2;
    }
    else {
        const lengthBytes = first & 0x7f;
        if (lengthBytes === 0 || lengthBytes > 4 || bytes.length < 2 + lengthBytes)
            throw malformed('bad length');
        length = 0;
        for (let i = 0; i < lengthBytes; i++)
            length = length * 256 + bytes[2 + i];
        offset = 2 + lengthBytes;
        if (length < 0x80 || bytes[2] === 0)
            throw malformed('length not in shortest form');
    }
    if (offset + length !== bytes.length)
        throw malformed('length does not match the extension value');
    return decodeUtf8(bytes.subarray(offset), oid);
}
function decodeUtf8(bytes, oid) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new failure/* VerificationFailure */.U('CERTIFICATE_MALFORMED', `certificate extension ${oid} is not valid UTF-8`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
;// CONCATENATED MODULE: ./src/verify/distinguished-name.ts

const ATTRIBUTE_NAMES = {
    '2.5.4.3': 'CN',
    '2.5.4.6': 'C',
    '2.5.4.7': 'L',
    '2.5.4.8': 'ST',
    '2.5.4.10': 'O',
    '2.5.4.11': 'OU',
};
/**
 * Renders an X.501 Name as `CN=…, O=…` for messages; unknown attributes show their OID.
 * Takes the Name's content octets, which is what @sigstore/core's `issuer` and `subject` return.
 */
function distinguishedName(content) {
    try {
        const name = core_dist.ASN1Obj.parseBuffer(Buffer.concat([Buffer.from([0x30]), derLength(content.length), content]));
        const parts = name.subs.flatMap((set) => set.subs.map((attribute) => {
            const oid = attribute.subs[0].toOID();
            return `${ATTRIBUTE_NAMES[oid] ?? oid}=${attribute.subs[1].value.toString('utf8')}`;
        }));
        return parts.length === 0 ? 'an empty name' : `"${parts.join(', ')}"`;
    }
    catch {
        return 'an unreadable name';
    }
}
function derLength(length) {
    if (length < 0x80)
        return Buffer.from([length]);
    const bytes = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256))
        bytes.unshift(rest % 256);
    return Buffer.from([0x80 | bytes.length, ...bytes]);
}

;// CONCATENATED MODULE: ./src/verify/prehashed-signature.ts


const CURVES = {
    'P-256': {
        p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
        a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
        n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
        gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
        gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    },
    'P-384': {
        p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
        a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
        n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
        gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
        gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    },
};
// DER DigestInfo prefixes (RFC 8017 section 9.2) for the hashes a hashedrekord can name.
const DIGEST_INFO_PREFIX = {
    sha256: '3031300d060960864801650304020105000420',
    sha384: '3041300d060960864801650304020205000430',
    sha512: '3051300d060960864801650304020305000440',
};
/** Verifies `signature` over an already computed `digest` made with `algorithm`. */
function verifyPrehashedSignature(key, algorithm, digest, signature) {
    if (key.asymmetricKeyType === 'ec')
        return verifyEcdsa(key, digest, signature);
    if (key.asymmetricKeyType === 'rsa')
        return verifyRsaPkcs1(key, algorithm, digest, signature);
    return false;
}
function verifyEcdsa(key, digest, signature) {
    const jwk = key.export({ format: 'jwk' });
    const curve = jwk.crv === undefined ? undefined : CURVES[jwk.crv];
    if (curve === undefined || jwk.x === undefined || jwk.y === undefined)
        return false;
    let r;
    let s;
    try {
        const sequence = core_dist.ASN1Obj.parseBuffer(Buffer.from(signature));
        if (sequence.subs.length !== 2)
            return false;
        r = sequence.subs[0].toInteger();
        s = sequence.subs[1].toInteger();
    }
    catch {
        return false;
    }
    const { n } = curve;
    if (r <= 0n || r >= n || s <= 0n || s >= n)
        return false;
    const e = digestToInteger(digest, n);
    const w = modInverse(s, n);
    const q = { x: fromBase64Url(jwk.x), y: fromBase64Url(jwk.y) };
    const sum = add(curve, multiply(curve, { x: curve.gx, y: curve.gy }, (e * w) % n), multiply(curve, q, (r * w) % n));
    return sum !== null && sum.x % n === r;
}
function verifyRsaPkcs1(key, algorithm, digest, signature) {
    const prefix = DIGEST_INFO_PREFIX[algorithm];
    if (prefix === undefined)
        return false;
    try {
        const recovered = (0,external_node_crypto_.publicDecrypt)({ key, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, signature);
        return recovered.equals(Buffer.concat([Buffer.from(prefix, 'hex'), digest]));
    }
    catch {
        return false;
    }
}
function digestToInteger(digest, n) {
    const value = BigInt(`0x${Buffer.from(digest).toString('hex') || '0'}`);
    const excess = digest.length * 8 - n.toString(2).length;
    return excess > 0 ? value >> BigInt(excess) : value;
}
function fromBase64Url(text) {
    return BigInt(`0x${Buffer.from(text, 'base64url').toString('hex')}`);
}
function mod(value, m) {
    const result = value % m;
    return result < 0n ? result + m : result;
}
function modInverse(value, m) {
    let [oldR, r] = [mod(value, m), m];
    let [oldS, s] = [1n, 0n];
    while (r !== 0n) {
        const quotient = oldR / r;
        [oldR, r] = [r, oldR - quotient * r];
        [oldS, s] = [s, oldS - quotient * s];
    }
    return mod(oldS, m);
}
function add(curve, left, right) {
    if (left === null)
        return right;
    if (right === null)
        return left;
    const { p } = curve;
    let slope;
    if (left.x === right.x) {
        if (mod(left.y + right.y, p) === 0n)
            return null;
        slope = mod((3n * left.x * left.x + curve.a) * modInverse(2n * left.y, p), p);
    }
    else {
        slope = mod((right.y - left.y) * modInverse(right.x - left.x, p), p);
    }
    const x = mod(slope * slope - left.x - right.x, p);
    return { x, y: mod(slope * (left.x - x) - left.y, p) };
}
function multiply(curve, point, scalar) {
    let result = null;
    let addend = point;
    for (let k = scalar; k > 0n; k >>= 1n) {
        if (k & 1n)
            result = add(curve, result, addend);
        addend = add(curve, addend, addend);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/verify/sigstore-verification.ts








const MESSAGE_HASHES = {
    [protobuf_specs_dist.HashAlgorithm.SHA2_256]: 'sha256',
    [protobuf_specs_dist.HashAlgorithm.SHA2_384]: 'sha384',
    [protobuf_specs_dist.HashAlgorithm.SHA2_512]: 'sha512',
};
/**
 * Runs sigstore-js verification (certificate chain, SCTs, transparency log, timestamps, signature)
 * with thresholds taken from the root, and turns every failure into a VerificationFailure.
 */
function verifyBundleSignature(bundle, trust, content = {}) {
    const leaf = leafCertificate(bundle);
    const root = selectRoot(trust, leaf);
    const material = content.key === undefined ? root.material : withManagedKey(root.material, content.key);
    const entity = adaptEntity(bundle, signedEntity(bundle, content.artifact), content);
    checkSignature(bundle, entity, material, leaf);
    const tsaCount = entity.timestamps.filter((timestamp) => timestamp.$case === 'timestamp-authority').length;
    if (root.thresholds.requireTsaTimestamp && tsaCount === 0) {
        throw new failure/* VerificationFailure */.U('TIMESTAMP_MISSING', `the bundle has no RFC 3161 timestamp, which ${trust.source} requires (it has no transparency log)`);
    }
    const verifier = new verify_dist/* Verifier */.BL(material, {
        tlogThreshold: root.thresholds.tlog,
        ctlogThreshold: root.thresholds.ctlog,
        timestampThreshold: root.thresholds.timestamp,
    });
    try {
        verifier.verify(entity);
    }
    catch (error) {
        throw toFailure(error, trust.source);
    }
    return {
        signer: leaf === undefined ? { kind: 'public-key', hint: publicKeyHint(bundle) } : { kind: 'certificate', identity: signerIdentityFromCertificate(leaf) },
        timestamps: verifiedTimestamps(entity),
    };
}
function leafCertificate(bundle) {
    const material = bundle.verificationMaterial.content;
    const der = material.$case === 'certificate'
        ? material.certificate.rawBytes
        : material.$case === 'x509CertificateChain'
            ? material.x509CertificateChain.certificates[0]?.rawBytes
            : undefined;
    if (der === undefined)
        return undefined;
    try {
        return core_dist.X509Certificate.parse(Buffer.from(der));
    }
    catch (error) {
        throw new failure/* VerificationFailure */.U('CERTIFICATE_MALFORMED', `the bundle's signing certificate is not valid DER (${error.message})`);
    }
}
function publicKeyHint(bundle) {
    const material = bundle.verificationMaterial.content;
    return material.$case === 'publicKey' ? material.publicKey.hint : '';
}
// With several roots (gh attestation trusted-root prints public-good and GitHub's), use the one whose CA issued the leaf.
// A leaf from a CA the trust lacks fails here, by name, before sigstore-js reports a lesser symptom (an unknown TSA).
function selectRoot(trust, leaf) {
    if (leaf === undefined)
        return trust.roots[0];
    const issuer = leaf.issuer;
    const match = trust.roots.find((root) => root.caSubjects.some((subject) => subject.equals(issuer)));
    if (match === undefined) {
        throw new failure/* VerificationFailure */.U('CERTIFICATE_UNTRUSTED', `the signing certificate was issued by ${distinguishedName(issuer)}, which is not a certificate authority in ${trust.source}; pass the trusted root of the instance that issued it`);
    }
    return match;
}
function withManagedKey(material, key) {
    return { ...material, publicKey: () => ({ publicKey: key, validFor: () => true }) };
}
function signedEntity(bundle, artifact) {
    try {
        return (0,verify_dist/* toSignedEntity */.DC)(bundle, artifact === undefined ? undefined : Buffer.from(artifact));
    }
    catch (error) {
        throw new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `the bundle cannot be read for verification (${error.message})`);
    }
}
function adaptEntity(bundle, entity, content) {
    if (bundle.content.$case === 'dsseEnvelope') {
        const envelope = bundle.content.dsseEnvelope;
        // Rekor v2 logs a DSSE envelope as a hashedrekord over its PAE; sigstore-js 3.1 compares the payload hash.
        if (bundle.verificationMaterial.tlogEntries.length > 0 && bundle.verificationMaterial.tlogEntries.every((entry) => entry.kindVersion?.kind === 'hashedrekord')) {
            const paeDigest = (0,external_node_crypto_.createHash)('sha256').update(core_dist.dsse.preAuthEncoding(envelope.payloadType, envelope.payload)).digest();
            const signature = entity.signature;
            return { ...entity, signature: { ...delegate(signature), compareDigest: (digest) => paeDigest.equals(digest) } };
        }
        return entity;
    }
    const message = bundle.content.messageSignature;
    const algorithm = message.messageDigest ? MESSAGE_HASHES[message.messageDigest.algorithm] : undefined;
    if (algorithm === undefined) {
        throw new failure/* VerificationFailure */.U('BUNDLE_UNSUPPORTED', 'the message signature names no supported digest algorithm (sha256, sha384, sha512)');
    }
    const bundleDigest = Buffer.from(message.messageDigest.digest);
    if (content.artifact !== undefined) {
        const actual = (0,external_node_crypto_.createHash)(algorithm).update(content.artifact).digest();
        if (!actual.equals(bundleDigest)) {
            throw new failure/* VerificationFailure */.U('ARTIFACT_MISMATCH', `the artifact's ${algorithm} is ${actual.toString('hex')}; the bundle signs ${bundleDigest.toString('hex')}`);
        }
        return entity;
    }
    if (content.digest === undefined) {
        throw new failure/* VerificationFailure */.U('INPUT_INVALID', 'a message-signature bundle is verified against an artifact or its digest; neither was given');
    }
    if (content.digest.algorithm !== algorithm || content.digest.hex !== bundleDigest.toString('hex')) {
        throw new failure/* VerificationFailure */.U('ARTIFACT_MISMATCH', `the given digest ${content.digest.algorithm}:${content.digest.hex} is not the one the bundle signs (${algorithm}:${bundleDigest.toString('hex')})`);
    }
    const signature = entity.signature;
    return {
        ...entity,
        signature: { ...delegate(signature), verifySignature: (key) => verifyPrehashedSignature(key, algorithm, bundleDigest, signature.signature) },
    };
}
function delegate(signature) {
    return {
        signature: signature.signature,
        compareSignature: (other) => signature.compareSignature(other),
        compareDigest: (digest) => signature.compareDigest(digest),
        verifySignature: (key) => signature.verifySignature(key),
    };
}
// Checked before the log so that a payload changed after signing reads as a bad signature, not a log mismatch.
function checkSignature(bundle, entity, material, leaf) {
    let key;
    if (leaf !== undefined) {
        key = (0,external_node_crypto_.createPublicKey)({ key: leaf.publicKey, format: 'der', type: 'spki' });
    }
    else {
        try {
            key = material.publicKey(publicKeyHint(bundle)).publicKey;
        }
        catch {
            throw new failure/* VerificationFailure */.U('KEY_UNTRUSTED', `the bundle is signed with a managed key (hint ${JSON.stringify(publicKeyHint(bundle))}) and no key was given to verify it`);
        }
    }
    let valid;
    try {
        valid = entity.signature.verifySignature(key);
    }
    catch (error) {
        throw new failure/* VerificationFailure */.U('SIGNATURE_INVALID', `the signature cannot be checked (${error.message})`);
    }
    if (!valid) {
        const signed = bundle.content.$case === 'dsseEnvelope' ? 'the DSSE payload (changed after signing?)' : 'the artifact';
        throw new failure/* VerificationFailure */.U('SIGNATURE_INVALID', `the signature does not verify over ${signed} with the ${leaf === undefined ? 'given key' : "signing certificate's key"}`);
    }
}
function toFailure(error, source) {
    if (error instanceof failure/* VerificationFailure */.U)
        return error;
    if (error instanceof verify_dist/* VerificationError */.mk || error instanceof verify_dist/* PolicyError */.pn) {
        const code = mapCode(error.code, error.message);
        return new failure/* VerificationFailure */.U(code, `${describe(code, source)}: ${error.message} (sigstore-js ${error.code})`);
    }
    return new failure/* VerificationFailure */.U('BUNDLE_MALFORMED', `the bundle could not be verified (${error.message ?? String(error)})`);
}
function mapCode(code, message) {
    if (code === 'SIGNATURE_ERROR')
        return 'SIGNATURE_INVALID';
    if (code === 'CERTIFICATE_ERROR')
        return 'CERTIFICATE_UNTRUSTED';
    if (code === 'PUBLIC_KEY_ERROR')
        return 'KEY_UNTRUSTED';
    if (code === 'TIMESTAMP_ERROR')
        return /^expected \d+ timestamps/.test(message) ? 'TIMESTAMP_MISSING' : 'TIMESTAMP_INVALID';
    if (code === 'TLOG_ERROR' || code === 'TLOG_MISSING_INCLUSION_ERROR')
        return 'TLOG_MISSING';
    if (code.startsWith('TLOG_'))
        return 'TLOG_INVALID';
    return 'SIGNATURE_INVALID';
}
function describe(code, source) {
    switch (code) {
        case 'CERTIFICATE_UNTRUSTED':
            return `the signing certificate is not trusted by ${source}`;
        case 'KEY_UNTRUSTED':
            return 'the signing key is not trusted';
        case 'TIMESTAMP_MISSING':
            return `the bundle lacks a timestamp ${source} trusts`;
        case 'TIMESTAMP_INVALID':
            return `a timestamp does not verify against ${source}`;
        case 'TLOG_MISSING':
            return `the bundle lacks the transparency log proof ${source} requires`;
        case 'TLOG_INVALID':
            return `the transparency log entry does not verify against ${source}`;
        default:
            return 'the signature does not verify';
    }
}
function verifiedTimestamps(entity) {
    // Only an entry with an inclusion promise (SET) vouches for its integrated time.
    return entity.timestamps.flatMap((timestamp) => {
        if (timestamp.$case === 'timestamp-authority')
            return [{ kind: 'tsa', time: timestamp.timestamp.signingTime }];
        const entry = timestamp.tlogEntry;
        return entry.inclusionPromise === undefined ? [] : [{ kind: 'tlog', time: new Date(Number(entry.integratedTime) * 1000), logIndex: entry.logIndex }];
    });
}

;// CONCATENATED MODULE: ./src/verify/statement.ts

const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];
/** Decodes a DSSE payload as an in-toto Statement (v0.1 or v1). */
function parseStatement(payloadType, payload) {
    if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', `the DSSE payload type is ${JSON.stringify(payloadType)}, not an in-toto statement (${IN_TOTO_PAYLOAD_TYPE})`);
    }
    let json;
    try {
        json = JSON.parse(Buffer.from(payload).toString('utf8'));
    }
    catch (error) {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', `the in-toto payload is not JSON (${error.message})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', 'the in-toto payload is not a JSON object');
    }
    const record = json;
    const type = record._type;
    if (typeof type !== 'string' || !STATEMENT_TYPES.includes(type)) {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', `unknown in-toto statement _type ${JSON.stringify(type)}; expected ${STATEMENT_TYPES.join(' or ')}`);
    }
    if (typeof record.predicateType !== 'string' || record.predicateType === '') {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', 'the in-toto statement has no predicateType');
    }
    if (!Array.isArray(record.subject) || record.subject.length === 0) {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', 'the in-toto statement has no subject');
    }
    const subject = record.subject.map((entry, index) => toSubject(entry, index));
    return { type, subject, predicateType: record.predicateType, predicate: record.predicate };
}
function toSubject(entry, index) {
    const record = (typeof entry === 'object' && entry !== null ? entry : {});
    const digest = record.digest;
    if (typeof digest !== 'object' || digest === null || Array.isArray(digest)) {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', `in-toto subject ${index} has no digest`);
    }
    const digests = {};
    for (const [algorithm, value] of Object.entries(digest)) {
        if (typeof value !== 'string')
            throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', `in-toto subject ${index} digest ${algorithm} is not a string`);
        digests[algorithm.toLowerCase()] = value.toLowerCase();
    }
    return typeof record.name === 'string' ? { name: record.name, digest: digests } : { digest: digests };
}
/** Whether any subject carries `algorithm:hex`. */
function hasSubjectDigest(statement, algorithm, hex) {
    return statement.subject.some((subject) => subject.digest[algorithm] === hex);
}

// EXTERNAL MODULE: ./src/verify/trust-root.ts
var trust_root = __webpack_require__(11552);
;// CONCATENATED MODULE: ./src/verify/digest.ts

const HEX_LENGTHS = { sha256: 64, sha384: 96, sha512: 128 };
/** Parses `sha256:<hex>` (or sha384/sha512); anything else is a caller's mistake, said so. */
function parseDigest(text) {
    const match = /^([a-z0-9]+):([0-9a-fA-F]+)$/.exec(text);
    const algorithm = match?.[1];
    const hex = match?.[2]?.toLowerCase();
    if (algorithm === undefined || hex === undefined || HEX_LENGTHS[algorithm] !== hex.length) {
        throw new failure/* VerificationFailure */.U('INPUT_INVALID', `digest ${JSON.stringify(text)} is not of the form sha256:<64 hex digits>`);
    }
    return { algorithm, hex };
}

;// CONCATENATED MODULE: ./src/verify/verify-artifact.ts





/**
 * Verifies a bundle over one artifact the way `cosign verify-blob` / sigstore-conformance's
 * `verify-bundle` do: message signatures over the artifact, DSSE statements naming it as a subject.
 */
function verifyArtifactBundle(request) {
    const { bundle } = request;
    if ((request.artifact === undefined) === (request.digest === undefined)) {
        throw new failure/* VerificationFailure */.U('INPUT_INVALID', 'give exactly one of an artifact or a sha256:<hex> digest');
    }
    const digest = request.digest === undefined ? undefined : parseDigest(request.digest);
    const key = request.key === undefined ? undefined : toKey(request.key);
    if (key === undefined && (request.identity === undefined || request.issuer === undefined)) {
        throw new failure/* VerificationFailure */.U('INPUT_INVALID', 'keyless verification needs both the certificate identity and the OIDC issuer');
    }
    const verified = verifyBundleSignature(bundle, request.trust, { artifact: request.artifact, digest, key });
    if (key === undefined)
        checkIdentity(verified, request.identity, request.issuer);
    else if (verified.signer.kind !== 'public-key') {
        throw new failure/* VerificationFailure */.U('KEY_UNTRUSTED', 'a key was given, but the bundle is signed with a certificate, not that key');
    }
    if (bundle.content.$case === 'dsseEnvelope') {
        const subject = digest ?? sha256Of(request.artifact);
        const envelope = bundle.content.dsseEnvelope;
        if (!hasSubjectDigest(parseStatement(envelope.payloadType, envelope.payload), subject.algorithm, subject.hex)) {
            throw new failure/* VerificationFailure */.U('SUBJECT_MISMATCH', `no subject of the attestation has ${subject.algorithm}:${subject.hex}`);
        }
    }
    return verified.signer;
}
function toKey(key) {
    if (typeof key !== 'string')
        return key;
    try {
        return (0,external_node_crypto_.createPublicKey)(key);
    }
    catch (error) {
        throw new failure/* VerificationFailure */.U('INPUT_INVALID', `the given key is not a PEM public key (${error.message})`);
    }
}
function checkIdentity(verified, identity, issuer) {
    if (verified.signer.kind !== 'certificate') {
        throw new failure/* VerificationFailure */.U('KEY_UNTRUSTED', 'the bundle is signed with a managed key; verify it with that key instead of an identity');
    }
    const signer = verified.signer.identity;
    if (signer.subjectAlternativeName !== identity) {
        throw new failure/* VerificationFailure */.U('IDENTITY_MISMATCH', `the certificate identity is ${JSON.stringify(signer.subjectAlternativeName)}, expected ${JSON.stringify(identity)}`);
    }
    if (signer.issuer !== issuer) {
        throw new failure/* VerificationFailure */.U('IDENTITY_MISMATCH', `the certificate's OIDC issuer is ${JSON.stringify(signer.issuer)}, expected ${JSON.stringify(issuer)}`);
    }
}
function sha256Of(artifact) {
    return { algorithm: 'sha256', hex: (0,external_node_crypto_.createHash)('sha256').update(artifact).digest('hex') };
}

;// CONCATENATED MODULE: ./src/verify/verify-attestation.ts




/**
 * Verifies a keyless (Fulcio certificate) DSSE attestation bundle and returns who signed it and
 * what it says. Identity policy is the caller's; this proves only that the signature is sound.
 */
function verifyAttestationBundle(bundle, trust, options = {}) {
    const expected = options.expectedDigest === undefined ? undefined : parseDigest(options.expectedDigest);
    if (bundle.content.$case !== 'dsseEnvelope') {
        throw new failure/* VerificationFailure */.U('STATEMENT_INVALID', 'the bundle holds a message signature, not a DSSE attestation');
    }
    const verified = verifyBundleSignature(bundle, trust);
    if (verified.signer.kind !== 'certificate') {
        throw new failure/* VerificationFailure */.U('CERTIFICATE_UNTRUSTED', 'the attestation is signed with a managed key, not a Fulcio certificate, so it names no signer');
    }
    const envelope = bundle.content.dsseEnvelope;
    const statement = parseStatement(envelope.payloadType, envelope.payload);
    if (expected !== undefined && !hasSubjectDigest(statement, expected.algorithm, expected.hex)) {
        const found = statement.subject.map((subject) => Object.entries(subject.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`).join(',')).join('; ');
        throw new failure/* VerificationFailure */.U('SUBJECT_MISMATCH', `the attestation is about ${found}, not ${expected.algorithm}:${expected.hex}`);
    }
    return { signer: verified.signer.identity, statement, bundleMediaType: bundle.mediaType, timestamps: verified.timestamps };
}

;// CONCATENATED MODULE: ./src/verify/index.ts










/***/ }),

/***/ 11552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ loadTrustMaterial)
/* harmony export */ });
/* unused harmony export trustFromJson */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8032);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54187);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17167);


// Imported, not read from disk, so the bundled action carries the root inside it.



const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';
/**
 * `public-good` is the root shipped inside `@sigstore/tuf` (read offline, nothing downloaded);
 * a path is a `trusted_root.json`, or the JSON Lines `gh attestation trusted-root` prints.
 */
function loadTrustMaterial(spec) {
    if (spec === 'public-good')
        return trustFromJson(publicGoodRootJson(), 'public-good (@sigstore/tuf seed)');
    if (spec === 'github') {
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T("no GitHub trusted root ships with image-passport: write one with 'gh attestation trusted-root > github-trusted-root.jsonl' and pass that file as the trust (or --trusted-root)");
    }
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(spec, 'utf8');
    }
    catch (error) {
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${spec}: cannot read the trusted root (${error.code ?? String(error)})`);
    }
    return trustFromJson(parseRootText(spec, text), spec);
}
/** Builds trust from trusted-root JSON already in memory (one root, or several from JSON Lines). */
function trustFromJson(json, source) {
    const documents = Array.isArray(json) ? json : [json];
    if (documents.length === 0)
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${source}: holds no trusted root`);
    const roots = documents.map((document, index) => toTrustRoot(document, documents.length > 1 ? `${source} root ${index + 1}` : source));
    return { source, roots, description: `${source}: ${roots.map((root) => root.summary).join('; ')}` };
}
function publicGoodRootJson() {
    const encoded = _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_2__[PUBLIC_GOOD_TUF]?.targets?.['trusted_root.json'];
    if (encoded === undefined)
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`@sigstore/tuf seeds.json has no trusted_root.json for ${PUBLIC_GOOD_TUF}`);
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}
function parseRootText(file, text) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${file}: the trusted root file is empty`);
    try {
        return JSON.parse(trimmed);
    }
    catch (error) {
        const lines = trimmed.split('\n').map((line) => line.trim()).filter((line) => line !== '');
        if (lines.length < 2)
            throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${file}: not JSON (${error.message}); pass a trusted_root.json`);
        return lines.map((line, index) => {
            try {
                return JSON.parse(line);
            }
            catch (lineError) {
                throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${file}:${index + 1}: not JSON (${lineError.message}); pass a trusted_root.json`);
            }
        });
    }
}
const ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(\+json;version=0\.\d+|\.v0\.\d+\+json)$/;
function toTrustRoot(document, source) {
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${source}: a trusted root is a JSON object`);
    }
    const mediaType = document.mediaType;
    if (typeof mediaType !== 'string' || !ROOT_MEDIA_TYPE.test(mediaType)) {
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${source}: not a Sigstore trusted root (mediaType ${JSON.stringify(mediaType)})`);
    }
    let root;
    let material;
    try {
        root = _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__.TrustedRoot.fromJSON(document);
        requireValidityStarts(root);
        material = (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_3__/* .toTrustMaterial */ .jO)(root);
    }
    catch (error) {
        if (error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T)
            throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${source}: ${error.message}`);
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${source}: invalid trusted root (${error.message})`);
    }
    const thresholds = {
        tlog: root.tlogs.length > 0 ? 1 : 0,
        ctlog: root.ctlogs.length > 0 ? 1 : 0,
        timestamp: 1,
        requireTsaTimestamp: root.tlogs.length === 0,
    };
    if (root.certificateAuthorities.length === 0 && root.tlogs.length === 0) {
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${source}: the trusted root has neither certificate authorities nor transparency logs`);
    }
    if (thresholds.requireTsaTimestamp && root.timestampAuthorities.length === 0) {
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${source}: the trusted root has no transparency log and no timestamp authority, so no signature time can be trusted`);
    }
    const caSubjects = material.certificateAuthorities.flatMap((ca) => ca.certChain.map((cert) => cert.subject));
    return { material, thresholds, caSubjects, summary: summarize(root, thresholds) };
}
// A missing start would make toTrustMaterial trust a key from the beginning of time.
function requireValidityStarts(root) {
    const logs = [...root.tlogs.map((log) => ['transparency log', log]), ...root.ctlogs.map((log) => ['CT log', log])];
    for (const [kind, log] of logs) {
        if (log.publicKey?.validFor?.start === undefined) {
            throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${kind} ${log.baseUrl || '(no baseUrl)'} has no publicKey.validFor.start`);
        }
    }
    const authorities = [
        ...root.certificateAuthorities.map((ca) => ['certificate authority', ca]),
        ...root.timestampAuthorities.map((ca) => ['timestamp authority', ca]),
    ];
    for (const [kind, ca] of authorities) {
        if (ca.validFor?.start === undefined)
            throw new _failure_js__WEBPACK_IMPORTED_MODULE_4__/* .TrustRootError */ .T(`${kind} ${ca.uri || '(no uri)'} has no validFor.start`);
    }
}
function summarize(root, thresholds) {
    const cas = root.certificateAuthorities.map((ca) => ca.uri || ca.subject?.commonName || 'unnamed').filter(unique);
    const proof = thresholds.requireTsaTimestamp
        ? 'requires a TSA timestamp'
        : `requires ${thresholds.tlog} transparency log entry, ${thresholds.ctlog} SCT and ${thresholds.timestamp} trusted timestamp`;
    return `CAs ${cas.join(', ') || 'none'}; ${root.tlogs.length} tlog(s), ${root.ctlogs.length} CT log(s), ${root.timestampAuthorities.length} TSA(s); ${proof}`;
}
function unique(value, index, all) {
    return all.indexOf(value) === index;
}


/***/ })

};

//# sourceMappingURL=54.index.js.map