import { chooseSigningEndpoints, readRepositoryVisibility } from '../attest/endpoints.js';
import { decodeTokenClaims, getIdentityToken } from '../attest/oidc.js';
import { buildProvenance, provenanceIssuer } from '../attest/provenance.js';
import { AttestationSigner } from '../attest/sign.js';
import { UsageError } from '../usage-error.js';
import { GitHubClient } from '../github/client.js';
import type { RegistryClient } from '../oci/client.js';
import { loadTrustMaterial } from '../verify/trust-root.js';
import { parseSbomChoice } from './sbom-statements.js';
import type { SbomFormat } from './sbom-statements.js';
import type { SignOptions } from './run-sign.js';

/** What the action's inputs and the CLI's flags both come down to. */
export interface SignSettings {
  images: string[];
  digest?: string;
  sbom: string;
  sbomFormat: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  identityToken?: string;
  trustedRoot?: string;
  pushToRegistry: boolean;
  githubAttestations: boolean;
  githubToken?: string;
  workDir: string;
}

/** Builds the engine's options: endpoints by visibility, one signer, the read-back root, GitHub. */
export async function signOptionsFor(settings: SignSettings, registry: RegistryClient, env: NodeJS.ProcessEnv = process.env): Promise<SignOptions> {
  if (settings.sbomFormat !== 'spdx-json' && settings.sbomFormat !== 'cyclonedx-json') {
    throw new UsageError(`sbom-format "${settings.sbomFormat}" is not known: use spdx-json or cyclonedx-json`);
  }
  const endpoints = chooseSigningEndpoints({
    visibility: await readRepositoryVisibility(env),
    serverURL: env.GITHUB_SERVER_URL,
    fulcioURL: settings.fulcioUrl,
    rekorURL: settings.rekorUrl,
    tsaURL: settings.tsaUrl,
  });
  let token: Promise<string> | undefined;
  const identityToken = (): Promise<string> => (token ??= getIdentityToken({ explicit: settings.identityToken, env }));
  const signer = new AttestationSigner({ endpoints, identityToken });
  const trust = settings.trustedRoot
    ? loadTrustMaterial(settings.trustedRoot)
    : endpoints.instance === 'public-good'
      ? loadTrustMaterial('public-good')
      : undefined;
  const repository = env.GITHUB_REPOSITORY;
  const github =
    settings.githubAttestations && repository
      ? {
          client: GitHubClient.fromEnv(settingsToken(settings), env),
          repository,
          serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        }
      : undefined;
  if (settings.githubAttestations && !repository && !settings.identityToken) {
    throw new UsageError('github-attestations needs GITHUB_REPOSITORY (set in GitHub Actions); pass --no-github-attestations outside Actions');
  }
  return {
    images: settings.images,
    ...(settings.digest ? { digest: settings.digest } : {}),
    sbom: parseSbomChoice(settings.sbom),
    sbomFormat: settings.sbomFormat as SbomFormat,
    registry,
    signer,
    provenance: async () => {
      const claims = decodeTokenClaims(await identityToken());
      return (await buildProvenance({ issuer: provenanceIssuer(undefined, claims, env.GITHUB_SERVER_URL) })).predicate;
    },
    trust,
    pushToRegistry: settings.pushToRegistry,
    ...(github ? { github } : {}),
    workDir: settings.workDir,
  };
}

function settingsToken(settings: SignSettings): string {
  if (!settings.githubToken) throw new UsageError('github-attestations needs a GitHub token (github-token input or GITHUB_TOKEN) with attestations: write');
  return settings.githubToken;
}
