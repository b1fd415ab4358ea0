export const id = 893;
export const ids = [893];
export const modules = {

/***/ 65893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sbomCommand: () => (/* binding */ sbomCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3835);
/* harmony import */ var _sign_sbom_statements_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14526);
/* harmony import */ var _sign_subjects_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56872);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62148);
/* harmony import */ var _usage_error_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18287);







const help = `usage: image-passport sbom <image> [--platform linux/amd64] [--format spdx-json|cyclonedx-json] [-o file]

Reads the image from its registry (a tag is resolved to its digest) and writes its SBOM.`;
async function sbomCommand(args) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args,
        allowPositionals: true,
        options: {
            platform: { type: 'string' },
            format: { type: 'string', default: 'spdx-json' },
            output: { type: 'string', short: 'o' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        console.log(help);
        return 0;
    }
    if (positionals.length !== 1)
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`sbom takes one image, got ${positionals.length}\n${help}`);
    if (values.format !== 'spdx-json' && values.format !== 'cyclonedx-json')
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`--format "${values.format}" is not known: use spdx-json or cyclonedx-json`);
    const registry = (0,_oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createRegistryClient */ .H)();
    const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .parseImageReference */ .o_)(positionals[0]);
    const { descriptor } = await registry.getManifest(ref, (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .referenceTarget */ .Z9)(ref));
    const target = await (0,_sign_subjects_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveSignTarget */ .R)([positionals[0]], descriptor.digest, registry);
    if (values.platform) {
        const [os, architecture, variant] = values.platform.split('/');
        const platforms = target.subjects.filter((subject) => subject.manifest !== undefined);
        const chosen = platforms.filter((subject) => !subject.platform || (subject.platform.os === os && subject.platform.architecture === architecture && (!variant || subject.platform.variant === variant)));
        if (chosen.length === 0)
            throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${positionals[0]} has no platform ${values.platform}`);
        target.subjects = chosen;
    }
    const [sbom] = await (0,_sign_sbom_statements_js__WEBPACK_IMPORTED_MODULE_3__/* .sbomsFor */ .i)(target, 'generate', values.format, registry);
    for (const warning of sbom.warnings)
        console.error(`warning: ${warning}`);
    const text = JSON.stringify(sbom.document, null, 2) + '\n';
    if (values.output)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(values.output, text);
    else
        process.stdout.write(text);
    return 0;
}


/***/ })

};

//# sourceMappingURL=893.index.js.map