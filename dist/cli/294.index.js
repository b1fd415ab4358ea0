export const id = 294;
export const ids = [294];
export const modules = {

/***/ 84294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyBundleCommand: () => (/* binding */ verifyBundleCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _verify_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64054);
/* harmony import */ var _usage_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18287);




const help = `usage: image-passport verify-bundle --bundle F (--artifact FILE | --digest sha256:…)
         --certificate-identity I --certificate-oidc-issuer O [--trusted-root R] [--key PEM]

exit 0: the bundle verifies for that artifact and identity; 1: it does not; 2: usage error`;
async function verifyBundleCommand(args) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args,
        options: {
            bundle: { type: 'string' },
            artifact: { type: 'string' },
            digest: { type: 'string' },
            'certificate-identity': { type: 'string' },
            'certificate-oidc-issuer': { type: 'string' },
            'trusted-root': { type: 'string' },
            key: { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        console.log(help);
        return 0;
    }
    if (!values.bundle)
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--bundle is required\n${help}`);
    if (!values.artifact === !values.digest)
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`give exactly one of --artifact and --digest\n${help}`);
    if (!values.key && (!values['certificate-identity'] || !values['certificate-oidc-issuer'])) {
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--certificate-identity and --certificate-oidc-issuer are required (or --key for a key-signed bundle)\n${help}`);
    }
    const trust = (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__/* .loadTrustMaterial */ .ak)(values['trusted-root'] ?? process.env.IMAGE_PASSPORT_TRUSTED_ROOT ?? 'public-good');
    const bundleText = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values.bundle, 'utf8').catch((error) => {
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${values.bundle}: cannot read the bundle (${error.code ?? String(error)})`);
    });
    try {
        (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyArtifactBundle */ .QO)({
            bundle: (0,_verify_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBundle */ .QN)(bundleText, values.bundle),
            ...(values.artifact ? { artifact: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values.artifact) } : {}),
            ...(values.digest ? { digest: values.digest } : {}),
            ...(values['certificate-identity'] ? { identity: values['certificate-identity'] } : {}),
            ...(values['certificate-oidc-issuer'] ? { issuer: values['certificate-oidc-issuer'] } : {}),
            ...(values.key ? { key: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values.key, 'utf8') } : {}),
            trust,
        });
    }
    catch (error) {
        if (!(error instanceof _verify_index_js__WEBPACK_IMPORTED_MODULE_2__/* .VerificationFailure */ .UD))
            throw error;
        console.error(`image-passport: ${values.bundle}: ${error.message}`);
        return 1;
    }
    console.error(`verified ${values.bundle}`);
    return 0;
}


/***/ })

};

//# sourceMappingURL=294.index.js.map