import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProvenance, provenanceIssuer } from '../../../src/attest/provenance.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('provenance issuer', () => {
  it('prefers the explicit issuer', () => {
    expect(provenanceIssuer('https://issuer.example/', { iss: 'https://token.actions.githubusercontent.com' }, 'https://github.com')).toBe('https://issuer.example');
  });

  it('follows the signing token’s iss, which covers enterprise-specific issuers and a lab', () => {
    expect(provenanceIssuer(undefined, { iss: 'https://token.actions.githubusercontent.com/acme' }, 'https://github.com')).toBe('https://token.actions.githubusercontent.com/acme');
    expect(provenanceIssuer(undefined, { iss: 'http://127.0.0.1:4100' }, 'https://github.com')).toBe('http://127.0.0.1:4100');
  });

  it('leaves github.com and GHE.com to @actions/attest’s default', () => {
    expect(provenanceIssuer(undefined, undefined, 'https://github.com')).toBeUndefined();
    expect(provenanceIssuer(undefined, {}, 'https://acme.ghe.com')).toBeUndefined();
  });

  it('uses GHES’s token service path', () => {
    expect(provenanceIssuer(undefined, undefined, 'https://ghes.acme.internal/')).toBe('https://ghes.acme.internal/_services/token');
  });
});

describe('provenance outside Actions', () => {
  it('names the missing id-token permission instead of calling GitHub', async () => {
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', '');
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', '');
    await expect(buildProvenance()).rejects.toThrow('no OIDC token: the job needs `permissions: id-token: write`');
  });

  it('says the Actions environment is missing without GITHUB_SERVER_URL', async () => {
    vi.stubEnv('GITHUB_SERVER_URL', '');
    await expect(buildProvenance()).rejects.toThrow('SLSA provenance needs the GitHub Actions environment: GITHUB_SERVER_URL is not set');
  });
});
