export const id = 106;
export const ids = [106];
export const modules = {

/***/ 97106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateCommand: () => (/* binding */ gateCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/gate/gate-settings.ts + 1 modules
var gate_settings = __webpack_require__(98512);
// EXTERNAL MODULE: ./src/policy/describe.ts
var describe = __webpack_require__(18621);
// EXTERNAL MODULE: ./src/gate/run-gate.ts + 14 modules
var run_gate = __webpack_require__(59050);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/report/json-report.ts
var json_report = __webpack_require__(4225);
;// CONCATENATED MODULE: ./src/gate/write-outputs.ts



/**
 * Writes the JSON report, and the pinned manifests under their input names when the run passed or
 * is an audit: a failed enforce run leaves nothing that could be applied by mistake.
 */
async function writeGateOutputs(outDir, run) {
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const reportPath = external_node_path_default().join(outDir, 'report.json');
    await (0,promises_.writeFile)(reportPath, JSON.stringify((0,json_report/* toJsonReport */.O)(run.result), null, 2) + '\n');
    const applicable = run.result.result === 'pass';
    if (!applicable)
        return { reportPath };
    const pinnedDir = external_node_path_default().join(outDir, 'pinned');
    for (const file of run.pinned) {
        const target = external_node_path_default().join(pinnedDir, pinnedName(file.path));
        await (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true });
        await (0,promises_.writeFile)(target, file.text);
    }
    return { pinnedDir, reportPath };
}
/** Keeps the user's relative layout; stdin and paths outside the working tree get a flat name. */
function pinnedName(input) {
    if (input === '-')
        return 'stdin.yaml';
    const normalised = external_node_path_default().normalize(input);
    if (external_node_path_default().isAbsolute(normalised) || normalised.startsWith('..'))
        return external_node_path_default().basename(normalised);
    return normalised;
}

// EXTERNAL MODULE: ./src/report/denial-message.ts
var denial_message = __webpack_require__(56693);
// EXTERNAL MODULE: ./src/cli/engine-context.ts + 1 modules
var engine_context = __webpack_require__(58856);
// EXTERNAL MODULE: ./src/cli/policy-flags.ts
var policy_flags = __webpack_require__(62156);
;// CONCATENATED MODULE: ./src/k8s/read-stdin.ts
/** The whole of standard input, for `-` among the manifests. */
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
}

;// CONCATENATED MODULE: ./src/cli/gate.ts










const help = `usage: image-passport gate --manifests <path|glob|->... (--policy <file> | --signer-repository R
         [--signer-workflow W] [--allowed-refs A,B] [--require provenance,sbom] [--allowed-registries X,Y])
         [--signer-issuer URL] [--trusted-root <file>] [--bundles <file>...] [--out <dir>] [--mode audit] [--json]

exit 0: every image passes; 1: any image denied; 2: usage or configuration error`;
async function gateCommand(args) {
    const { values } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            ...policy_flags/* policyFlagOptions */.t,
            manifests: { type: 'string', multiple: true },
            out: { type: 'string' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (values.help) {
        console.log(help);
        return 0;
    }
    const settings = (0,policy_flags/* settingsFromFlags */.x)(values, values.manifests ?? []);
    const policy = await (0,gate_settings/* policyForSettings */.l)(settings);
    if (!values.json)
        for (const line of (0,describe/* describePolicy */.w)(policy))
            console.error(line);
    const run = await (0,run_gate/* runGate */.R)({
        ...(await (0,engine_context/* engineContext */.i)(settings)),
        manifests: settings.manifests,
        cwd: process.cwd(),
        stdin: readStdin,
        policy,
    });
    if (values.out)
        await writeGateOutputs(values.out, run);
    if (values.json) {
        console.log(JSON.stringify((0,json_report/* toJsonReport */.O)(run.result)));
    }
    else {
        for (const image of run.result.images) {
            if (image.result === 'pass')
                console.error(`pass  ${image.ref} → ${image.digest}`);
        }
        for (const line of (0,denial_message/* renderDenials */.Rn)(run.result))
            console.error(`deny  ${line}`);
    }
    return run.result.result === 'pass' ? 0 : 1;
}


/***/ })

};

//# sourceMappingURL=106.index.js.map