import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSLSAProvenancePredicate } from '@actions/attest';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleFacts } from '../../src/attest/bundle-facts.js';
import { chooseSigningEndpoints } from '../../src/attest/endpoints.js';
import { AttestError } from '../../src/attest/errors.js';
import { decodeTokenClaims, getIdentityToken } from '../../src/attest/oidc.js';
import { SLSA_PROVENANCE_V1, SPDX_DOCUMENT_V2_3 } from '../../src/attest/predicate-types.js';
import { buildProvenance, provenanceIssuer } from '../../src/attest/provenance.js';
import { AttestationSigner, type SignedAttestation } from '../../src/attest/sign.js';
import { buildStatement, subjectFor, type Statement } from '../../src/attest/statement.js';
import { GitHubClient } from '../../src/github/client.js';
import { GitHubApiError } from '../../src/github/errors.js';
import { configureGitHub, getLab, newIdentity, mintIdToken, type Claims, type Identity } from '../lab/context.js';

const lab = getLab();
/** A repository of its own, so attestations stored here never mix with other test files' in the stand-in. */
const REPOSITORY = `acme/attest-${randomBytes(4).toString('hex')}`;
const digest = () => `sha256:${randomBytes(32).toString('hex')}`;

function labVerifier(): Verifier {
  const root = TrustedRoot.fromJSON(JSON.parse(readFileSync(lab.sigstore.trustedRootPath, 'utf8')));
  // Rekor's integrated time and the TSA's timestamp both count, so both witnesses must be present and valid.
  return new Verifier(toTrustMaterial(root), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 2 });
}

const labEndpoints = () => chooseSigningEndpoints({ fulcioURL: lab.sigstore.fulcioURL, rekorURL: lab.sigstore.rekorURL, tsaURL: lab.sigstore.tsaURL });

function statementOf(signed: SignedAttestation): Statement {
  return JSON.parse(Buffer.from(signed.bundle.dsseEnvelope!.payload, 'base64').toString('utf8')) as Statement;
}

function stubWorkflowEnv(identity: Identity): void {
  for (const [name, value] of Object.entries({ ...lab.env, ...identity })) vi.stubEnv(name, value);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('signing a run’s attestations through the lab Sigstore', () => {
  let identity: Identity;
  let claims: Claims;
  let subjectDigest: string;
  let provenance: SignedAttestation;
  let sbom: SignedAttestation;
  let expectedProvenance: { type: string; params: object };

  beforeAll(async () => {
    identity = await newIdentity({ repository: REPOSITORY });
    const token = await getIdentityToken({ env: { ...identity } });
    claims = decodeTokenClaims(token);
    stubWorkflowEnv(identity);
    const predicate = await buildProvenance({ issuer: provenanceIssuer(undefined, claims, lab.github.serverUrl) });
    expectedProvenance = await buildSLSAProvenancePredicate(lab.github.oidcIssuer);
    vi.unstubAllEnvs();

    subjectDigest = digest();
    const subject = subjectFor(`${lab.registry.host}/lab/app`, subjectDigest);
    const signer = new AttestationSigner({ endpoints: labEndpoints(), identityToken: async () => token });
    [provenance, sbom] = await Promise.all([
      signer.sign(buildStatement([subject], predicate.predicateType, predicate.predicate)),
      signer.sign(buildStatement([subject], SPDX_DOCUMENT_V2_3, { spdxVersion: 'SPDX-2.3', name: 'lab/app', packages: [] })),
    ]);
  });

  it('gives bundles v0.3 that verify against the lab trusted root', () => {
    const verifier = labVerifier();
    for (const signed of [provenance, sbom]) {
      expect(signed.bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(() => verifier.verify(toSignedEntity(bundleFromJSON(signed.bundle)))).not.toThrow();
    }
  });

  it('signs both under one certificate whose SAN is https://github.com/<job_workflow_ref>', () => {
    const facts = [provenance, sbom].map((signed) => bundleFacts(signed.bundle));
    expect(facts[0]!.certificate).toBeDefined();
    expect(facts[1]!.certificate).toBe(facts[0]!.certificate);
    expect(facts[0]!.subjectAltName).toBe(`https://github.com/${String(claims.job_workflow_ref)}`);
    expect(String(claims.job_workflow_ref)).toContain(`${REPOSITORY}/.github/workflows/`);
    const signer = labVerifier().verify(toSignedEntity(bundleFromJSON(sbom.bundle)));
    expect(signer.identity?.subjectAlternativeName).toBe(`https://github.com/${String(claims.job_workflow_ref)}`);
  });

  it('records each bundle in Rekor and timestamps it at the TSA', () => {
    for (const signed of [provenance, sbom]) {
      const facts = bundleFacts(signed.bundle);
      expect(facts.tlogEntries).toHaveLength(1);
      expect(signed.bundle.verificationMaterial.tlogEntries[0]!.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
      expect(facts.timestamps).toHaveLength(1);
      expect(Math.abs(facts.timestamps[0]!.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    }
  });

  it('binds the statements to the subject digest with the predicate types asked for', () => {
    expect(statementOf(provenance)).toMatchObject({ _type: 'https://in-toto.io/Statement/v1', predicateType: SLSA_PROVENANCE_V1, subject: [{ digest: { sha256: subjectDigest.slice(7) } }] });
    expect(statementOf(sbom)).toMatchObject({ predicateType: SPDX_DOCUMENT_V2_3, subject: [{ digest: { sha256: subjectDigest.slice(7) } }] });
  });

  it('carries the provenance @actions/attest builds for the same claims', () => {
    expect(expectedProvenance.type).toBe(SLSA_PROVENANCE_V1);
    expect(statementOf(provenance).predicate).toEqual(expectedProvenance.params);
    expect(statementOf(provenance).predicate).toMatchObject({
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: { workflow: { ref: claims.ref, repository: `${lab.github.serverUrl}/${REPOSITORY}` } },
        resolvedDependencies: [{ uri: `git+${lab.github.serverUrl}/${REPOSITORY}@${String(claims.ref)}`, digest: { gitCommit: claims.sha } }],
      },
      runDetails: {
        builder: { id: `${lab.github.serverUrl}/${String(claims.job_workflow_ref)}` },
        metadata: { invocationId: `${lab.github.serverUrl}/${REPOSITORY}/actions/runs/${String(claims.run_id)}/attempts/${String(claims.run_attempt)}` },
      },
    });
  });

  it('stores both bundles with the GitHub stand-in and lists them back by digest', async () => {
    const github = new GitHubClient({ token: lab.github.token, baseUrl: lab.github.apiUrl });
    const [owner, repo] = REPOSITORY.split('/') as [string, string];
    const ids = [await github.createAttestation({ owner, repo }, provenance.bundle), await github.createAttestation({ owner, repo }, sbom.bundle)];
    expect(new Set(ids).size).toBe(2);
    const listed = await github.listAttestations({ owner, repo, digest: subjectDigest });
    expect(listed.map((a) => a.bundle)).toEqual([provenance.bundle, sbom.bundle]);
    const onlyProvenance = await github.listAttestations({ owner, repo, digest: subjectDigest, predicateType: 'provenance' });
    expect(onlyProvenance.map((a) => a.bundle)).toEqual([provenance.bundle]);
    const bulk = await github.bulkListAttestations(owner, [subjectDigest, digest()], { ownerType: 'org' });
    expect(bulk.get(subjectDigest)?.map((a) => a.bundle as SerializedBundle)).toEqual([provenance.bundle, sbom.bundle]);
  });
});

describe('failures through the lab', () => {
  const statement = () => buildStatement([subjectFor(`${lab.registry.host}/lab/app`, digest())], SLSA_PROVENANCE_V1, { buildDefinition: {} });

  it('says Fulcio is unreachable after 3 tries, in one line', async () => {
    const signer = new AttestationSigner({
      endpoints: chooseSigningEndpoints({ fulcioURL: 'http://127.0.0.1:1', rekorURL: lab.sigstore.rekorURL, tsaURL: lab.sigstore.tsaURL }),
      identityToken: () => mintIdToken(),
    });
    const error = (await signer.sign(statement()).catch((e: unknown) => e)) as AttestError;
    expect(error).toBeInstanceOf(AttestError);
    expect(error.code).toBe('fulcio-unreachable');
    expect(error.message).toMatch(/^Fulcio at http:\/\/127\.0\.0\.1:1 unreachable after 3 tries: .*ECONNREFUSED[^\n]*$/);
  });

  it('says Fulcio refused a token minted for another audience', async () => {
    const token = await mintIdToken({}, 'nobody');
    const signer = new AttestationSigner({ endpoints: labEndpoints(), identityToken: async () => token });
    const error = (await signer.sign(statement()).catch((e: unknown) => e)) as AttestError;
    expect(error.code).toBe('fulcio-refused');
    expect(error.message).toMatch(new RegExp(`^Fulcio at ${lab.sigstore.fulcioURL.replace(/[.]/g, '\\.')} refused the certificate request \\(401\\): identity token refused`));
  });

  it('says the job needs id-token: write when the Actions OIDC variables are missing', async () => {
    const signer = new AttestationSigner({ endpoints: labEndpoints(), identityToken: () => getIdentityToken({ env: { ...lab.env, ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' } }) });
    await expect(signer.sign(statement())).rejects.toThrow(new AttestError('oidc-missing', 'no OIDC token: the job needs `permissions: id-token: write`'));
  });

  it('says attestations are not available when the stand-in answers as a plan without them', async () => {
    const repository = `acme/private-${randomBytes(4).toString('hex')}`;
    await configureGitHub({ attestations: { [repository]: 'not-found' } });
    const token = await mintIdToken({ repository });
    const signed = await new AttestationSigner({ endpoints: labEndpoints(), identityToken: async () => token }).sign(statement());
    const [owner, repo] = repository.split('/') as [string, string];
    const error = (await new GitHubClient({ token: lab.github.token, baseUrl: lab.github.apiUrl }).createAttestation({ owner, repo }, signed.bundle).catch((e: unknown) => e)) as GitHubApiError;
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.kind).toBe('plan-unavailable');
    expect(error.message).toBe(`GitHub refused the attestation for ${repository} (404): attestations are not available for this repository's plan`);
  });
});
