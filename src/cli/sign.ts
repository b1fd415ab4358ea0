import { parseArgs } from 'node:util';
import { createRegistryClient } from '../oci/client.js';
import { runSign } from '../sign/run-sign.js';
import { signOptionsFor } from '../sign/sign-settings.js';
import { signOutputs } from '../sign/sign-outputs.js';
import { withStdoutOnStderr } from './stdout-guard.js';

const help = `usage: image-passport sign --image <name@sha256:…> [--image <other name>]… [--digest sha256:…]
         [--sbom generate|<path>|none] [--sbom-format spdx-json|cyclonedx-json]
         [--fulcio-url U] [--rekor-url U] [--tsa-url U] [--identity-token <jwt>] [--trusted-root <file>]
         [--no-push-to-registry] [--no-github-attestations] [--out <dir>] [--json]

exit 0: signed, stored and verified; 1: failure; 2: usage error`;

export async function signCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
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
  const options = await signOptionsFor(
    {
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
    },
    createRegistryClient(),
  );
  const result = values.json ? await withStdoutOnStderr(() => runSign(options)) : await runSign(options);
  const outputs = signOutputs(result);
  if (values.json) {
    console.log(JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([key, value]) => [key, value.startsWith('[') ? JSON.parse(value) : value]))));
  } else {
    console.error(`signed ${result.target.digest}: ${result.attestations.length} attestation(s)`);
    for (const attestation of result.attestations) console.error(`  ${attestation.predicateType}  ${attestation.bundlePath}`);
    for (const note of result.notes) console.error(`note: ${note}`);
  }
  return 0;
}
