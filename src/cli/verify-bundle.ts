import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadTrustMaterial, parseBundle, verifyArtifactBundle, VerificationFailure } from '../verify/index.js';
import { UsageError } from '../usage-error.js';

const help = `usage: image-passport verify-bundle --bundle F (--artifact FILE | --digest sha256:…)
         --certificate-identity I --certificate-oidc-issuer O [--trusted-root R] [--key PEM]

exit 0: the bundle verifies for that artifact and identity; 1: it does not; 2: usage error`;

export async function verifyBundleCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
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
  if (!values.bundle) throw new UsageError(`--bundle is required\n${help}`);
  if (!values.artifact === !values.digest) throw new UsageError(`give exactly one of --artifact and --digest\n${help}`);
  if (!values.key && (!values['certificate-identity'] || !values['certificate-oidc-issuer'])) {
    throw new UsageError(`--certificate-identity and --certificate-oidc-issuer are required (or --key for a key-signed bundle)\n${help}`);
  }
  const trust = loadTrustMaterial(values['trusted-root'] ?? process.env.IMAGE_PASSPORT_TRUSTED_ROOT ?? 'public-good');
  const bundleText = await readFile(values.bundle, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${values.bundle}: cannot read the bundle (${error.code ?? String(error)})`);
  });
  try {
    verifyArtifactBundle({
      bundle: parseBundle(bundleText, values.bundle),
      ...(values.artifact ? { artifact: await readFile(values.artifact) } : {}),
      ...(values.digest ? { digest: values.digest } : {}),
      ...(values['certificate-identity'] ? { identity: values['certificate-identity'] } : {}),
      ...(values['certificate-oidc-issuer'] ? { issuer: values['certificate-oidc-issuer'] } : {}),
      ...(values.key ? { key: await readFile(values.key, 'utf8') } : {}),
      trust,
    });
  } catch (error) {
    if (!(error instanceof VerificationFailure)) throw error;
    console.error(`image-passport: ${values.bundle}: ${error.message}`);
    return 1;
  }
  console.error(`verified ${values.bundle}`);
  return 0;
}
