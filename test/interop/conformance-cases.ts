import { caseInputs } from '../unit/verify/conformance-cases.js';

export { conformanceCases } from '../unit/verify/conformance-cases.js';

/** The `verify-bundle` arguments sigstore-conformance's client would pass for one case. */
export function verifyBundleArgs(name: string, input: 'artifact' | 'digest'): string[] {
  const inputs = caseInputs(name);
  const subject = input === 'artifact' ? ['--artifact', inputs.artifactFile] : ['--digest', inputs.artifactDigest];
  const signer = 'keyFile' in inputs.signer
    ? ['--key', inputs.signer.keyFile]
    : ['--certificate-identity', inputs.signer.identity, '--certificate-oidc-issuer', inputs.signer.issuer];
  return ['verify-bundle', '--bundle', inputs.bundleFile, ...subject, ...signer, '--trusted-root', inputs.trustedRootFile];
}
