import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROD_ROOT, vectorPath } from '../unit/verify/vectors.js';

// sigstore-conformance test/client.py: the identity and issuer every case uses unless it ships its own files.
// The same two values test/unit/verify/conformance.test.ts uses; it keeps them private to the test file.
const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

const casesDir = vectorPath('conformance/bundle-verify');

export const conformanceCases = readdirSync(casesDir).filter((name) => statSync(path.join(casesDir, name)).isDirectory());

function caseFile(name: string, file: string): string | undefined {
  const full = path.join(casesDir, name, file);
  return existsSync(full) ? full : undefined;
}

/** The `verify-bundle` arguments sigstore-conformance's client would pass for one case. */
export function verifyBundleArgs(name: string, input: 'artifact' | 'digest'): string[] {
  const artifact = caseFile(name, 'artifact') ?? path.join(casesDir, 'a.txt');
  const key = caseFile(name, 'key.pub');
  const identity = caseFile(name, 'identity');
  const issuer = caseFile(name, 'issuer');
  const subject = input === 'artifact' ? ['--artifact', artifact] : ['--digest', `sha256:${createHash('sha256').update(readFileSync(artifact)).digest('hex')}`];
  const signer =
    key !== undefined
      ? ['--key', key]
      : [
          '--certificate-identity',
          identity === undefined ? DEFAULT_IDENTITY : readFileSync(identity, 'utf8').trim(),
          '--certificate-oidc-issuer',
          issuer === undefined ? DEFAULT_ISSUER : readFileSync(issuer, 'utf8').trim(),
        ];
  return [
    'verify-bundle',
    '--bundle',
    path.join(casesDir, name, 'bundle.sigstore.json'),
    ...subject,
    ...signer,
    '--trusted-root',
    caseFile(name, 'trusted_root.json') ?? vectorPath(PROD_ROOT),
  ];
}
