export const id = 94;
export const ids = [94];
export const modules = {

/***/ 13094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policyCommand: () => (/* binding */ policyCommand)
});

// EXTERNAL MODULE: ./src/policy/describe.ts
var describe = __webpack_require__(18621);
// EXTERNAL MODULE: ./src/policy/policy-file.ts
var policy_file = __webpack_require__(5301);
;// CONCATENATED MODULE: ./src/policy/schema.json
const schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"image-passport gate policy","description":"Who must have signed the images a deployment uses, and which attestations they need. See docs/policy.md.","type":"object","additionalProperties":false,"required":["version","rules"],"properties":{"version":{"const":1,"description":"Policy format version; only 1 exists."},"mode":{"enum":["enforce","audit"],"default":"enforce","description":"enforce: a denied image fails the run. audit: report only."},"trust":{"$ref":"#/definitions/trust","description":"Trusted roots for verifying bundles. Default: public-good and github."},"rules":{"type":"array","minItems":1,"description":"Rules in order; the first whose images pattern matches applies. An image no rule matches is denied.","items":{"$ref":"#/definitions/rule"}}},"definitions":{"stringOrList":{"oneOf":[{"type":"string","minLength":1},{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}]},"trust":{"oneOf":[{"$ref":"#/definitions/trustItem"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/trustItem"}}]},"trustItem":{"type":"string","minLength":1,"description":"public-good (Sigstore\'s public instance), github (GitHub\'s instance for private repositories) or the path of a trusted_root.json."},"id":{"oneOf":[{"type":"integer","minimum":1},{"type":"string","pattern":"^[1-9][0-9]*$"}]},"triggerList":{"$ref":"#/definitions/stringOrList"},"rule":{"type":"object","additionalProperties":false,"required":["images","signer"],"properties":{"images":{"description":"registry/repository patterns: * matches one path segment, ** any. No tag or digest.","oneOf":[{"$ref":"#/definitions/imagePattern"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/imagePattern"}}]},"signer":{"$ref":"#/definitions/signer"},"require":{"description":"Attestations that must exist for the digest, each signed by a signer that passes: provenance, sbom, signature, or predicate type URIs. Default: provenance.","oneOf":[{"$ref":"#/definitions/requirement"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/requirement"}}],"examples":["provenance",["provenance","sbom"]]},"platforms":{"enum":["index","each","any"],"default":"index","description":"For a multi-platform index: evidence on the index itself, on each platform manifest, or on any of them."},"trust":{"$ref":"#/definitions/trust","description":"Trusted roots for this rule, instead of the top-level ones."}}},"signer":{"type":"object","additionalProperties":false,"description":"Who signed, from the Fulcio certificate. At least one of workflow, repository, owner, repository-id, owner-id.","anyOf":[{"required":["workflow"]},{"required":["repository"]},{"required":["owner"]},{"required":["repository-id"]},{"required":["owner-id"]}],"properties":{"issuer":{"type":"string","pattern":"^https://","default":"https://token.actions.githubusercontent.com","description":"OIDC issuer; GHE.com tenants use https://token.actions.<tenant>.ghe.com."},"workflow":{"type":"string","pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/\\\\.github/workflows/[^@]+\\\\.ya?ml(@.+)?$","description":"owner/repo/.github/workflows/file.yml, optionally @ref: the workflow that signed (Build Signer URI), reusable workflows included."},"repository":{"type":"string","pattern":"^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+|https://[^/]+/[^/]+/[^/]+)$","description":"owner/repo the workflow ran for (Source Repository URI)."},"owner":{"type":"string","pattern":"^[A-Za-z0-9_.-]+$","description":"Owner of the repository the workflow ran for."},"refs":{"description":"Allowed source refs: exact (refs/heads/main), glob (refs/tags/v*) or semver:<range> on tags. Default: any ref.","oneOf":[{"$ref":"#/definitions/refPattern"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/refPattern"}}]},"commit":{"type":"string","pattern":"^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$","description":"The exact commit (Source Repository Digest)."},"runner":{"enum":["github-hosted","self-hosted","any"],"default":"github-hosted"},"triggers":{"description":"Allowed events (a list means: only these), or {allow: [...]} / {deny: [...]}; deny adds to the default deny of pull_request*.","oneOf":[{"$ref":"#/definitions/stringOrList"},{"type":"object","additionalProperties":false,"properties":{"allow":{"$ref":"#/definitions/triggerList"},"deny":{"$ref":"#/definitions/triggerList"}}}]},"repository-id":{"$ref":"#/definitions/id","description":"Numeric repository id (certificate extension 1.3.6.1.4.1.57264.1.15)."},"owner-id":{"$ref":"#/definitions/id","description":"Numeric owner id (certificate extension 1.3.6.1.4.1.57264.1.17)."}}},"requirement":{"type":"string","anyOf":[{"enum":["provenance","sbom","signature"]},{"pattern":"^[A-Za-z][A-Za-z0-9+.-]*://\\\\S+$"}]},"imagePattern":{"type":"string","pattern":"^(?!.*[:@][^/]*$)\\\\S+$"},"refPattern":{"type":"string","pattern":"^(refs/|semver:)"}}}');
// EXTERNAL MODULE: ./src/usage-error.ts
var usage_error = __webpack_require__(18287);
;// CONCATENATED MODULE: ./src/cli/policy.ts




const help = `usage: image-passport policy check <file>   check a policy file and print it in plain words
       image-passport policy schema         print the policy file's JSON Schema`;
async function policyCommand(args) {
    const [action, file] = args;
    if (action === 'schema') {
        console.log(JSON.stringify(schema_namespaceObject, null, 2));
        return 0;
    }
    if (action === 'check' && file) {
        for (const line of (0,describe/* describePolicy */.w)(await (0,policy_file/* loadPolicyFile */.n)(file)))
            console.log(line);
        return 0;
    }
    if (action === '--help' || action === '-h') {
        console.log(help);
        return 0;
    }
    throw new usage_error/* UsageError */.e(`policy needs "check <file>" or "schema"\n${help}`);
}


/***/ })

};

//# sourceMappingURL=94.index.js.map