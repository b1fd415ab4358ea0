import { parseArgs } from 'node:util';
import { policyForSettings } from '../gate/gate-settings.js';
import { describePolicy } from '../policy/describe.js';
import { runGate } from '../gate/run-gate.js';
import { writeGateOutputs } from '../gate/write-outputs.js';
import { renderDenials } from '../report/denial-message.js';
import { toJsonReport } from '../report/json-report.js';
import { engineContext } from './engine-context.js';
import { policyFlagOptions, settingsFromFlags } from './policy-flags.js';
import { readStdin } from '../k8s/read-stdin.js';

const help = `usage: image-passport gate --manifests <path|glob|->... (--policy <file> | --signer-repository R
         [--signer-workflow W] [--allowed-refs A,B] [--require provenance,sbom] [--allowed-registries X,Y])
         [--signer-issuer URL] [--trusted-root <file>] [--bundles <file>...] [--out <dir>] [--mode audit] [--json]

exit 0: every image passes; 1: any image denied; 2: usage or configuration error`;

export async function gateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...policyFlagOptions,
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
  const settings = settingsFromFlags(values, values.manifests ?? []);
  const policy = await policyForSettings(settings);
  if (!values.json) for (const line of describePolicy(policy)) console.error(line);
  const run = await runGate({
    ...(await engineContext(settings)),
    manifests: settings.manifests,
    cwd: process.cwd(),
    stdin: readStdin,
    policy,
  });
  if (values.out) await writeGateOutputs(values.out, run);
  if (values.json) {
    console.log(JSON.stringify(toJsonReport(run.result)));
  } else {
    for (const image of run.result.images) {
      if (image.result === 'pass') console.error(`pass  ${image.ref} → ${image.digest}`);
    }
    for (const line of renderDenials(run.result)) console.error(`deny  ${line}`);
  }
  return run.result.result === 'pass' ? 0 : 1;
}
