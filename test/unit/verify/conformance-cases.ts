import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROD_ROOT, vectorPath } from './vectors.js';

// sigstore-conformance test/client.py: the identity and issuer every case uses unless it ships its own files.
export const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
export const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

const casesDir = vectorPath('conformance/bundle-verify');

/** Every case directory of the offline bundle-verify suite. */
export const conformanceCases = readdirSync(casesDir).filter((name) => statSync(path.join(casesDir, name)).isDirectory());

/** What sigstore-conformance's client hands the verifier for one case: files, and the signer it expects. */
export interface CaseInputs {
  bundleFile: string;
  artifactFile: string;
  artifactDigest: string;
  trustedRootFile: string;
  signer: { keyFile: string } | { identity: string; issuer: string };
}

export function caseInputs(name: string): CaseInputs {
  const file = (entry: string): string | undefined => {
    const full = path.join(casesDir, name, entry);
    return existsSync(full) ? full : undefined;
  };
  const artifactFile = file('artifact') ?? path.join(casesDir, 'a.txt');
  const keyFile = file('key.pub');
  const identityFile = file('identity');
  const issuerFile = file('issuer');
  return {
    bundleFile: path.join(casesDir, name, 'bundle.sigstore.json'),
    artifactFile,
    artifactDigest: `sha256:${createHash('sha256').update(readFileSync(artifactFile)).digest('hex')}`,
    trustedRootFile: file('trusted_root.json') ?? vectorPath(PROD_ROOT),
    signer:
      keyFile !== undefined
        ? { keyFile }
        : {
            identity: identityFile === undefined ? DEFAULT_IDENTITY : readFileSync(identityFile, 'utf8').trim(),
            issuer: issuerFile === undefined ? DEFAULT_ISSUER : readFileSync(issuerFile, 'utf8').trim(),
          },
  };
}
