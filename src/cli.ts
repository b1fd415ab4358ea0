import { ManifestError } from './k8s/manifest-error.js';
import { PolicyError } from './policy/policy-error.js';
import { UsageError } from './usage-error.js';
import { TrustRootError } from './verify/failure.js';

type Command = (args: string[]) => Promise<number>;

// Each command is loaded when it is called: `gate` then never parses the signing and SBOM code.
const commands: Record<string, () => Promise<Command>> = {
  sign: async () => (await import('./cli/sign.js')).signCommand,
  gate: async () => (await import('./cli/gate.js')).gateCommand,
  sbom: async () => (await import('./cli/sbom.js')).sbomCommand,
  verify: async () => (await import('./cli/verify.js')).verifyCommand,
  policy: async () => (await import('./cli/policy.js')).policyCommand,
  'verify-bundle': async () => (await import('./cli/verify-bundle.js')).verifyBundleCommand,
};

const usage = `usage: image-passport <command> [options]

commands:
  sign           attest an image digest with an SBOM and SLSA provenance, keyless-signed
  gate           verify every image in Kubernetes manifests against a policy
  sbom           write the SBOM of an image read from its registry
  verify         verify one image against a policy
  policy         check a policy file and print it in plain words (policy schema: its JSON Schema)
  verify-bundle  verify one Sigstore bundle against an artifact or digest and an identity

Run 'image-passport <command> --help' for its options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(usage);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    console.log(process.env.npm_package_version ?? '0.1.0');
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`image-passport: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usageError =
      [UsageError, ManifestError, PolicyError, TrustRootError].some((kind) => error instanceof kind) ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    console.error(`image-passport: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = usageError ? 2 : 1;
  },
);

