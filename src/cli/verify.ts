import { parseArgs } from 'node:util';
import { policyForSettings } from '../gate/gate-settings.js';
import { judgeImages } from '../gate/run-gate.js';
import { renderDenials } from '../report/denial-message.js';
import { toJsonReport } from '../report/json-report.js';
import { engineContext } from './engine-context.js';
import { policyFlagOptions, settingsFromFlags } from './policy-flags.js';
import { UsageError } from '../usage-error.js';

const help = `usage: image-passport verify <image> (--policy <file> | --signer-repository R [--signer-workflow W]
         [--allowed-refs A,B] [--require provenance,sbom] [--allowed-registries X,Y])
         [--trusted-root <file>] [--bundles <file>...] [--json]

Verifies one image as the gate would. exit 0: pass; 1: denied; 2: usage or configuration error`;

export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...policyFlagOptions, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`verify takes one image, got ${positionals.length}\n${help}`);
  const image = positionals[0]!;
  const settings = settingsFromFlags(values, [image]);
  const policy = await policyForSettings(settings);
  const [result] = await judgeImages([[image, []]], { ...(await engineContext(settings)), policy });
  const gate = { result: result!.result, mode: policy.mode, policyDescription: [], images: [result!] };
  if (values.json) console.log(JSON.stringify(toJsonReport(gate)));
  else if (result!.result === 'pass') console.error(`pass  ${image} → ${result!.digest}`);
  else for (const line of renderDenials(gate)) console.error(`deny  ${line}`);
  return result!.result === 'pass' || policy.mode === 'audit' ? 0 : 1;
}
