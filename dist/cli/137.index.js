export const id = 137;
export const ids = [137];
export const modules = {

/***/ 71137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyCommand: () => (/* binding */ verifyCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _gate_gate_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98512);
/* harmony import */ var _gate_run_gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59050);
/* harmony import */ var _report_denial_message_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(56693);
/* harmony import */ var _report_json_report_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4225);
/* harmony import */ var _engine_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58856);
/* harmony import */ var _policy_flags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62156);
/* harmony import */ var _usage_error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18287);








const help = `usage: image-passport verify <image> (--policy <file> | --signer-repository R [--signer-workflow W]
         [--allowed-refs A,B] [--require provenance,sbom] [--allowed-registries X,Y])
         [--trusted-root <file>] [--bundles <file>...] [--json]

Verifies one image as the gate would. exit 0: pass; 1: denied; 2: usage or configuration error`;
async function verifyCommand(args) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args,
        allowPositionals: true,
        options: { ..._policy_flags_js__WEBPACK_IMPORTED_MODULE_4__/* .policyFlagOptions */ .t, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
        console.log(help);
        return 0;
    }
    if (positionals.length !== 1)
        throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`verify takes one image, got ${positionals.length}\n${help}`);
    const image = positionals[0];
    const settings = (0,_policy_flags_js__WEBPACK_IMPORTED_MODULE_4__/* .settingsFromFlags */ .x)(values, [image]);
    const policy = await (0,_gate_gate_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .policyForSettings */ .l)(settings);
    const [result] = await (0,_gate_run_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeImages */ .M)([[image, []]], { ...(await (0,_engine_context_js__WEBPACK_IMPORTED_MODULE_3__/* .engineContext */ .i)(settings)), policy });
    const gate = { result: result.result, mode: policy.mode, policyDescription: [], images: [result] };
    if (values.json)
        console.log(JSON.stringify((0,_report_json_report_js__WEBPACK_IMPORTED_MODULE_6__/* .toJsonReport */ .O)(gate)));
    else if (result.result === 'pass')
        console.error(`pass  ${image} → ${result.digest}`);
    else
        for (const line of (0,_report_denial_message_js__WEBPACK_IMPORTED_MODULE_7__/* .renderDenials */ .Rn)(gate))
            console.error(`deny  ${line}`);
    return result.result === 'pass' || policy.mode === 'audit' ? 0 : 1;
}


/***/ })

};

//# sourceMappingURL=137.index.js.map