import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSLSAProvenancePredicate } from '@actions/attest';
import { getIDToken } from '@actions/core';
import { bundleFromJSON, bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } from '@sigstore/sign';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { addFaults, clearFaults, configureGitHub, faultReport, getLab, githubRequests, mintIdToken, newIdentity, registryToken, updateIdentity } from '../lab/context.js';
import type { RegistryInfo } from '../lab/context.js';

const lab = getLab();
const registries = [lab.registry, ...(lab.registryV3 ? [lab.registryV3] : [])];
const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function statement(digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `${lab.registry.host}/lab/app`, digest: { sha256: digest.replace('sha256:', '') } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' } },
    }),
  );
}

async function signThroughLab(payload: Buffer): Promise<SerializedBundle> {
  const signer = new FulcioSigner({ fulcioBaseURL: lab.sigstore.fulcioURL, identityProvider: { getToken: () => mintIdToken() } });
  const builder = new DSSEBundleBuilder({
    signer,
    witnesses: [new RekorWitness({ rekorBaseURL: lab.sigstore.rekorURL }), new TSAWitness({ tsaBaseURL: lab.sigstore.tsaURL })],
  });
  return bundleToJSON(await builder.create({ data: payload, type: 'application/vnd.in-toto+json' }));
}

function labVerifier(): Verifier {
  const root = TrustedRoot.fromJSON(JSON.parse(readFileSync(lab.sigstore.trustedRootPath, 'utf8')));
  return new Verifier(toTrustMaterial(root), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 2 });
}

async function uploadBlob(registry: RegistryInfo, repository: string, bytes: Buffer, token: string | null): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers });
  const startBody = await start.text();
  if (start.status !== 202) return { status: start.status, body: startBody };
  const location = new URL(start.headers.get('location') ?? '', registry.url);
  location.searchParams.set('digest', sha256(bytes));
  const put = await fetch(location, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: bytes });
  return { status: put.status, body: await put.text() };
}

describe.each(registries.map((registry) => [registry.flavour, registry] as const))('lab registry %s', (_flavour, registry) => {
  it('challenges anonymous requests with a Bearer realm on localhost and its service', async () => {
    const response = await fetch(`${registry.url}/v2/`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer realm="${registry.realm}",service="${registry.service}"`);
    expect(new URL(registry.realm).hostname).toBe('localhost');
  });

  it('denies an anonymous push even with a token the token server hands out', async () => {
    const anonymous = await registryToken(registry, 'repository:lab-test/anonymous:pull,push', null);
    const response = await uploadBlob(registry, 'lab-test/anonymous', Buffer.from('anonymous'), anonymous);
    expect(response.status).toBe(401);
    expect((JSON.parse(response.body) as { errors: { code: string }[] }).errors[0]?.code).toBe('UNAUTHORIZED');
  });

  it('refuses wrong passwords at the token endpoint', async () => {
    await expect(registryToken(registry, 'repository:lab/app:pull', { username: lab.credentials.username, password: 'wrong' })).rejects.toThrow(/answered 401/);
  });

  it('lets the read-only user pull but not push', async () => {
    const token = await registryToken(registry, 'repository:lab-test/readonly:pull,push', lab.readOnlyCredentials);
    expect((await uploadBlob(registry, 'lab-test/readonly', Buffer.from('read-only'), token)).status).toBe(401);
    const pull = await registryToken(registry, 'repository:lab/app:pull', lab.readOnlyCredentials);
    const manifest = await fetch(`${registry.url}/v2/lab/app/manifests/1.0`, { headers: { authorization: `Bearer ${pull}`, accept: 'application/vnd.oci.image.manifest.v1+json' } });
    expect(manifest.status).toBe(200);
  });

  it('accepts a push with the lab user token and serves it back by digest', async () => {
    const token = await registryToken(registry, 'repository:lab-test/push:pull,push');
    const blob = Buffer.from(`lab push ${Date.now()}`);
    expect((await uploadBlob(registry, 'lab-test/push', blob, token)).status).toBe(201);
    const fetched = await fetch(`${registry.url}/v2/lab-test/push/blobs/${sha256(blob)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await fetched.arrayBuffer()).equals(blob)).toBe(true);
  });

  it('serves the lab images under the digests the lab recorded', async () => {
    const token = await registryToken(registry, 'repository:lab/multi:pull');
    const accept = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json';
    const index = await fetch(`${registry.url}/v2/lab/multi/manifests/1.0`, { headers: { authorization: `Bearer ${token}`, accept } });
    const bytes = Buffer.from(await index.arrayBuffer());
    expect(sha256(bytes)).toBe(registry.images.multi.digest);
    const platforms = (JSON.parse(bytes.toString('utf8')) as { manifests: { platform: { architecture: string } }[] }).manifests.map((m) => m.platform.architecture);
    expect(platforms).toEqual(['amd64', 'arm64']);
    const debianToken = await registryToken(registry, 'repository:lab/debian:pull');
    const debian = await fetch(`${registry.url}/v2/lab/debian/manifests/12`, { method: 'HEAD', headers: { authorization: `Bearer ${debianToken}`, accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
    expect(debian.headers.get('content-type')).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(debian.headers.get('docker-content-digest')).toBe(registry.images.debian.digest);
  });

  it('reports the referrers API as the registry really serves it', async () => {
    const token = await registryToken(registry, 'repository:lab/app:pull');
    const response = await fetch(`${registry.url}/v2/lab/app/referrers/${registry.images.app.digest}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.ok).toBe(registry.hasReferrersApi);
  });
});

describe('lab registry fault proxy', () => {
  const repository = 'lab-test/faults';
  const blob = Buffer.from('blob behind the fault proxy');
  const proxied = (pathname: string, token: string, init: RequestInit = {}) =>
    fetch(`${lab.faultProxy.url}/v2/${repository}/${pathname}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

  it('answers 429 with Retry-After as often as asked, then passes requests to the registry', async () => {
    const token = await registryToken(lab.registry, `repository:${repository}:pull,push`);
    expect((await uploadBlob(lab.registry, repository, blob, token)).status).toBe(201);
    await addFaults([{ repository, action: 'status', status: 429, retryAfter: '1', times: 2, pathStartsWith: 'blobs/' }]);
    const first = await proxied(`blobs/${sha256(blob)}`, token);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await proxied(`blobs/${sha256(blob)}`, token)).status).toBe(429);
    const third = await proxied(`blobs/${sha256(blob)}`, token);
    expect(Buffer.from(await third.arrayBuffer()).equals(blob)).toBe(true);
    const report = await faultReport(repository);
    expect(report.rules[0]).toMatchObject({ hits: 2, remaining: 0 });
    expect(report.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    await clearFaults(repository);
  });

  it('resets connections and corrupts bodies on request', async () => {
    const token = await registryToken(lab.registry, `repository:${repository}:pull,push`);
    expect((await uploadBlob(lab.registry, repository, blob, token)).status).toBe(201);
    await addFaults([
      { repository, action: 'reset', method: 'HEAD' },
      { repository, action: 'corrupt', method: 'GET' },
    ]);
    await expect(proxied(`blobs/${sha256(blob)}`, token, { method: 'HEAD' })).rejects.toThrow();
    const corrupted = Buffer.from(await (await proxied(`blobs/${sha256(blob)}`, token)).arrayBuffer());
    expect(corrupted.length).toBe(blob.length);
    expect(sha256(corrupted)).not.toBe(sha256(blob));
    await clearFaults(repository);
  });

  it('redirects blob downloads to storage on another host that refuses forwarded credentials', async () => {
    const token = await registryToken(lab.registry, `repository:${repository}:pull,push`);
    expect((await uploadBlob(lab.registry, repository, blob, token)).status).toBe(201);
    await addFaults([{ repository, action: 'redirect', times: 0 }]);
    const redirect = await proxied(`blobs/${sha256(blob)}`, token, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    const location = redirect.headers.get('location') ?? '';
    expect(new URL(location).host).toBe(new URL(lab.faultProxy.storageUrl).host);
    expect((await fetch(location, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400);
    expect(Buffer.from(await (await fetch(location)).arrayBuffer()).equals(blob)).toBe(true);
    expect((await faultReport(repository)).storageRequests.map((r) => r.authorization)).toEqual([true, false]);
    await clearFaults(repository);
  });
});

describe('lab images', () => {
  it('hold real npm, Python, Go and Debian packages and a whiteout', () => {
    const { contents, layers } = lab;
    expect(contents.dpkg.length).toBeGreaterThan(50);
    expect(contents.dpkg.map((p) => p.name)).toContain('base-files');
    expect(contents.npm).toContainEqual({ name: 'ms', version: '2.0.0', path: 'app/node_modules/debug/node_modules/ms' });
    expect(contents.python.map((p) => p.name).sort()).toEqual(['idna', 'six']);
    expect(contents.go.deps.map((d) => d.path)).toContain('github.com/google/uuid');
    expect(contents.whiteouts).toEqual(['etc/motd']);
    const npmLayer = readFileSync(layers.npm.path);
    expect(sha256(npmLayer)).toBe(layers.npm.digest);
    expect(lab.images.app.platforms[0]?.layers.map((l) => l.name)).toEqual(['debian', 'npm', 'python', 'go', 'whiteout']);
  });
});

describe('lab sigstore', () => {
  it('signs a DSSE payload over HTTP that verifies against the lab trusted root', async () => {
    const bundle = await signThroughLab(statement(lab.images.app.digest));
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const signer = labVerifier().verify(toSignedEntity(bundleFromJSON(bundle)), {
      subjectAlternativeName: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      extensions: { issuer: lab.github.oidcIssuer },
    });
    expect(signer.identity?.subjectAlternativeName).toBe('https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main');
  });

  it('rejects the same bundle with one payload byte changed', async () => {
    const bundle = await signThroughLab(statement(lab.images.app.digest));
    const envelope = bundle.dsseEnvelope as { payload: string };
    const payload = Buffer.from(envelope.payload, 'base64');
    const at = payload.length - 2;
    payload.writeUInt8(payload.readUInt8(at) ^ 0x01, at);
    const tampered = { ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: payload.toString('base64') } } as SerializedBundle;
    expect(() => labVerifier().verify(toSignedEntity(bundleFromJSON(tampered)))).toThrow();
  });

  it('keeps whole-second TSA times over many timestamps', async () => {
    const bundles = await Promise.all(Array.from({ length: 12 }, (_, i) => signThroughLab(statement(sha256(`tsa ${i}`)))));
    const verifier = labVerifier();
    for (const bundle of bundles) expect(() => verifier.verify(toSignedEntity(bundleFromJSON(bundle)))).not.toThrow();
  });

  it('refuses identity tokens the lab issuer did not sign', async () => {
    const token = await mintIdToken();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
    const signer = new FulcioSigner({ fulcioBaseURL: lab.sigstore.fulcioURL, identityProvider: { getToken: async () => forged } });
    await expect(signer.sign(Buffer.from('x'))).rejects.toThrow(/401|signature/);
  });
});

describe('lab GitHub OIDC issuer', () => {
  it('publishes discovery and JWKS that verify its Actions tokens', async () => {
    const discovery = (await (await fetch(`${lab.github.oidcIssuer}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe(lab.github.oidcIssuer);
    const identity = await newIdentity({ repository: 'acme/other', ref: 'refs/tags/v1.2.3' });
    expect(identity.ACTIONS_ID_TOKEN_REQUEST_URL).toMatch(/\?api-version=2\.0$/);
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = identity.ACTIONS_ID_TOKEN_REQUEST_URL;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = identity.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const token = await getIDToken('sigstore');
    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: discovery.issuer, audience: 'sigstore' });
    expect(protectedHeader.alg).toBe('RS256');
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({
      sub: 'repo:acme/other:ref:refs/tags/v1.2.3',
      repository: 'acme/other',
      repository_owner: 'acme',
      ref_type: 'tag',
      job_workflow_ref: 'acme/other/.github/workflows/release.yml@refs/tags/v1.2.3',
      runner_environment: 'github-hosted',
    });
    for (const claim of ['repository_id', 'repository_owner_id', 'repository_visibility', 'sha', 'workflow_ref', 'job_workflow_sha', 'event_name', 'run_id', 'run_attempt']) {
      expect(typeof payload[claim]).toBe('string');
    }
  });

  it('changes claims per identity without touching other identities', async () => {
    const first = await newIdentity();
    const second = await newIdentity();
    await updateIdentity(first, { event_name: 'workflow_dispatch' });
    const claimsOf = async (identity: typeof first) => {
      const response = await fetch(`${identity.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=x`, { headers: { authorization: `Bearer ${identity.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } });
      const { value } = (await response.json()) as { value: string };
      return JSON.parse(Buffer.from(value.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    };
    expect((await claimsOf(first)).event_name).toBe('workflow_dispatch');
    expect((await claimsOf(second)).event_name).toBe('push');
  });

  it('satisfies @actions/attest, which checks the token against the issuer discovery over HTTP', async () => {
    Object.assign(process.env, lab.env, await newIdentity({ run_attempt: '3' }));
    const predicate = (await buildSLSAProvenancePredicate(lab.github.oidcIssuer)) as { params: Record<string, unknown> };
    expect(predicate.params).toMatchObject({
      buildDefinition: { externalParameters: { workflow: { repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml', ref: 'refs/heads/main' } } },
      runDetails: {
        builder: { id: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main' },
        metadata: { invocationId: 'https://github.com/acme/app/actions/runs/7654321098/attempts/3' },
      },
    });
  });

  it('refuses an unknown request token', async () => {
    const response = await fetch(`${lab.github.defaultIdentity.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, { headers: { authorization: 'Bearer nope' } });
    expect(response.status).toBe(401);
  });
});

describe('lab GitHub REST stand-in', () => {
  const api = (pathname: string, init: { method?: string; body?: unknown; token?: string | null } = {}) =>
    fetch(`${lab.github.apiUrl}${pathname}`, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/vnd.github+json', 'content-type': 'application/json', ...(init.token === null ? {} : { authorization: `token ${init.token ?? lab.github.token}` }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('stores an attestation and lists it by repository, owner and in bulk', async () => {
    const digest = sha256(`attested ${Date.now()}`);
    const bundle = await signThroughLab(statement(digest));
    const created = await api('/repos/acme/app/attestations', { method: 'POST', body: { bundle } });
    expect(created.status).toBe(201);
    expect(typeof ((await created.json()) as { id: number }).id).toBe('number');

    const byRepo = (await (await api(`/repos/acme/app/attestations/${digest}`)).json()) as { attestations: { bundle: unknown; repository_id: number }[] };
    expect(byRepo.attestations).toEqual([{ bundle, repository_id: Number(lab.github.defaultClaims.repository_id) }]);
    const byOrg = (await (await api(`/orgs/acme/attestations/${digest}?predicate_type=provenance`)).json()) as { attestations: unknown[] };
    expect(byOrg.attestations).toHaveLength(1);
    const sbomOnly = (await (await api(`/users/acme/attestations/${digest}?predicate_type=sbom`)).json()) as { attestations: unknown[] };
    expect(sbomOnly.attestations).toHaveLength(0);
    const bulk = (await (await api('/orgs/acme/attestations/bulk-list', { method: 'POST', body: { subject_digests: [digest, sha256('none')] } })).json()) as {
      attestations_subject_digests: Record<string, unknown[]>;
    };
    expect(bulk.attestations_subject_digests[digest]).toHaveLength(1);
    expect(bulk.attestations_subject_digests[sha256('none')]).toEqual([]);
  });

  it('pages attestation lists with a Link header', async () => {
    const digest = sha256(`paged ${Date.now()}`);
    const bundle = await signThroughLab(statement(digest));
    for (let i = 0; i < 3; i++) expect((await api('/repos/acme/paged/attestations', { method: 'POST', body: { bundle } })).status).toBe(201);
    const first = await api(`/repos/acme/paged/attestations/${digest}?per_page=2`);
    expect(((await first.json()) as { attestations: unknown[] }).attestations).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1] ?? '';
    const second = await fetch(next, { headers: { authorization: `token ${lab.github.token}` } });
    expect(((await second.json()) as { attestations: unknown[] }).attestations).toHaveLength(1);
    expect(second.headers.get('link')).toBeNull();
  });

  it('answers 422 to requests that break the OpenAPI schema or carry an unverifiable bundle', async () => {
    expect((await api('/repos/acme/app/attestations', { method: 'POST', body: { notBundle: true } })).status).toBe(422);
    expect((await api('/orgs/acme/attestations/bulk-list', { method: 'POST', body: { subject_digests: [] } })).status).toBe(422);
    expect((await api('/repos/acme/app/statuses/abc', { method: 'POST', body: { state: 'green' } })).status).toBe(422);
    const bundle = await signThroughLab(statement(sha256('forged')));
    const envelope = bundle.dsseEnvelope as { payload: string };
    const forged = { ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: statement(sha256('other')).toString('base64'), payloadType: 'application/vnd.in-toto+json', signatures: (bundle.dsseEnvelope as { signatures: unknown }).signatures } };
    expect(envelope.payload).not.toBe(forged.dsseEnvelope.payload);
    const refused = await api('/repos/acme/app/attestations', { method: 'POST', body: { bundle: forged } });
    expect(refused.status).toBe(422);
  });

  it('answers 401 without the lab token', async () => {
    expect((await api('/repos/acme/app/attestations/sha256:00', { token: null })).status).toBe(401);
    expect((await api('/repos/acme/app/attestations/sha256:00', { token: 'ghs_wrong' })).status).toBe(401);
  });

  it('answers attestation uploads with 403 or 404 where the plan lacks the feature', async () => {
    await configureGitHub({ attestations: { 'acme/private-free': 'forbidden', 'acme/private-none': 'not-found' } });
    const bundle = await signThroughLab(statement(sha256('plan')));
    expect((await api('/repos/acme/private-free/attestations', { method: 'POST', body: { bundle } })).status).toBe(403);
    expect((await api('/repos/acme/private-none/attestations', { method: 'POST', body: { bundle } })).status).toBe(404);
  });

  it('creates check runs and commit statuses shaped like GitHub and records every request', async () => {
    const sha = 'b'.repeat(40);
    const run = await api('/repos/acme/checks/check-runs', {
      method: 'POST',
      body: { name: 'image-passport gate', head_sha: sha, status: 'completed', conclusion: 'failure', output: { title: 'Blocked', summary: '1 image blocked', annotations: [{ path: 'k8s/app.yaml', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'unsigned' }] } },
    });
    expect(run.status).toBe(201);
    expect((await run.json()) as object).toMatchObject({ head_sha: sha, conclusion: 'failure', status: 'completed', output: { annotations_count: 1 } });
    const status = await api(`/repos/acme/checks/statuses/${sha}`, { method: 'POST', body: { state: 'failure', context: 'image-passport', description: 'blocked' } });
    expect(status.status).toBe(201);
    const recorded = await githubRequests({ pathPrefix: '/repos/acme/checks' });
    expect(recorded.map((r) => [r.operationId, r.status])).toEqual([
      ['checks/create', 201],
      ['repos/create-commit-status', 201],
    ]);
    expect(recorded[0]?.body).toMatchObject({ name: 'image-passport gate' });
  });
});

describe('npm run lab', () => {
  it('prints a workflow environment that reaches every lab service and stops cleanly on SIGTERM', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'lab-cli-test-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/lab/cli.ts'], {
      cwd: lab.repoRoot,
      env: { ...process.env, IMAGE_PASSPORT_LAB_FILE: path.join(scratch, 'lab.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let env: Record<string, string> = {};
    try {
      await expect.poll(() => stderr, { timeout: 60_000, interval: 200 }).toMatch(/up in|could not start/);
      env = Object.fromEntries(
        stdout
          .trim()
          .split('\n')
          .map((line) => /^export ([A-Z0-9_]+)=(.*)$/.exec(line))
          .map((match) => [match?.[1] ?? '', (match?.[2] ?? '').replace(/^'(.*)'$/, '$1')]),
      ) as Record<string, string>;
      for (const key of ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'GITHUB_API_URL', 'GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'DOCKER_CONFIG', 'IMAGE_PASSPORT_TRUSTED_ROOT', 'IMAGE_PASSPORT_FULCIO_URL', 'LAB_IMAGE_APP']) {
        expect(env[key], key).toBeTruthy();
      }
      const idToken = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } });
      expect(idToken.status).toBe(200);

      const dockerConfig = JSON.parse(readFileSync(path.join(env.DOCKER_CONFIG ?? '', 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> };
      const auth = dockerConfig.auths[env.LAB_REGISTRY ?? '']?.auth ?? '';
      const challenge = (await fetch(`http://${env.LAB_REGISTRY}/v2/`)).headers.get('www-authenticate') ?? '';
      const realm = /realm="([^"]+)"/.exec(challenge)?.[1] ?? '';
      const service = /service="([^"]+)"/.exec(challenge)?.[1] ?? '';
      const tokenResponse = await fetch(`${realm}?service=${service}&scope=repository:lab/app:pull`, { headers: { authorization: `Basic ${auth}` } });
      const { token } = (await tokenResponse.json()) as { token: string };
      const manifest = await fetch(`http://${env.LAB_REGISTRY}/v2/lab/app/manifests/1.0`, { method: 'HEAD', headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.oci.image.manifest.v1+json' } });
      expect(manifest.headers.get('docker-content-digest')).toBe(env.LAB_IMAGE_APP_DIGEST);

      const status = await fetch(`${env.GITHUB_API_URL}/repos/${env.GITHUB_REPOSITORY}/statuses/${env.GITHUB_SHA}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${env.GITHUB_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'success', context: 'lab-cli-test' }),
      });
      expect(status.status).toBe(201);
      expect(TrustedRoot.fromJSON(JSON.parse(readFileSync(env.IMAGE_PASSPORT_TRUSTED_ROOT ?? '', 'utf8'))).tlogs).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await rm(scratch, { recursive: true, force: true });
    }
    expect(existsSync(env.DOCKER_CONFIG ?? '')).toBe(false);
    await expect(fetch(`http://${env.LAB_REGISTRY}/v2/`)).rejects.toThrow();
  });
});
