import { buildSLSAProvenancePredicate } from '@actions/attest';
import { AttestError, oneLine } from './errors.js';
import { MISSING_ID_TOKEN_PERMISSION, type TokenClaims } from './oidc.js';
import { SLSA_PROVENANCE_V1 } from './predicate-types.js';

export interface ProvenancePredicate {
  predicateType: typeof SLSA_PROVENANCE_V1;
  predicate: Record<string, unknown>;
}

export interface ProvenanceOptions {
  /** The OIDC issuer whose JWKS checks the provenance token; see `provenanceIssuer`. */
  issuer?: string | undefined;
}

/**
 * The predicate is @actions/attest's own, so `gh attestation verify` policies written against
 * actions/attest-build-provenance keep matching field for field. It reads the Actions OIDC
 * environment and GITHUB_SERVER_URL from process.env itself.
 */
export async function buildProvenance(options: ProvenanceOptions = {}): Promise<ProvenancePredicate> {
  if (!process.env['GITHUB_SERVER_URL']) {
    throw new AttestError('provenance-failed', 'SLSA provenance needs the GitHub Actions environment: GITHUB_SERVER_URL is not set');
  }
  if (!process.env['ACTIONS_ID_TOKEN_REQUEST_URL'] || !process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
    throw new AttestError('oidc-missing', MISSING_ID_TOKEN_PERMISSION);
  }
  let built: { type: string; params: object };
  try {
    built = await buildSLSAProvenancePredicate(options.issuer);
  } catch (error) {
    const message = oneLine(error instanceof Error ? error.message : String(error));
    throw new AttestError('provenance-failed', `SLSA provenance could not be built: ${message}`);
  }
  if (built.type !== SLSA_PROVENANCE_V1) {
    throw new AttestError('provenance-failed', `@actions/attest produced predicate type ${built.type}, expected ${SLSA_PROVENANCE_V1}`);
  }
  return { predicateType: SLSA_PROVENANCE_V1, predicate: built.params as Record<string, unknown> };
}

/**
 * Where the provenance token's signature is checked: an explicit issuer first, then the `iss` of the
 * signing token (same runtime, so the same issuer, including enterprise-specific ones and a lab's),
 * then GHES's `/_services/token`. Undefined leaves @actions/attest's default for github.com and GHE.com.
 */
export function provenanceIssuer(explicit: string | undefined, identityClaims: TokenClaims | undefined, serverURL: string | undefined): string | undefined {
  if (explicit !== undefined && explicit !== '') return explicit.replace(/\/+$/, '');
  const iss = identityClaims?.['iss'];
  if (typeof iss === 'string' && /^https?:\/\//.test(iss)) return iss.replace(/\/+$/, '');
  if (serverURL === undefined || serverURL === '') return undefined;
  const host = new URL(serverURL).hostname;
  if (host === 'github.com' || host.endsWith('.ghe.com')) return undefined;
  return `${serverURL.replace(/\/+$/, '')}/_services/token`;
}
