import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SLSA_PROVENANCE_V1, SPDX_DOCUMENT_V2_3 } from '../../src/attest/predicate-types.js';
import { listReferrers } from '../../src/oci/referrers.js';
import { parseImageReference } from '../../src/oci/reference.js';
import { loadTrustMaterial, parseBundle, verifyAttestationBundle } from '../../src/verify/index.js';
import { getLab, githubRequests, workflowEnv } from '../lab/context.js';
import { runActionStep } from './action-step.js';
import { freshImage, labClient, uniqueRepository } from './fresh-image.js';

const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

function signInputs(image: string, digest: string, extra: Record<string, string> = {}): Record<string, string> {
  const lab = getLab();
  return {
    image,
    digest,
    sbom: 'generate',
    'sbom-format': 'spdx-json',
    'push-to-registry': 'true',
    'github-attestations': 'true',
    'fulcio-url': lab.sigstore.fulcioURL,
    'rekor-url': lab.sigstore.rekorURL,
    'tsa-url': lab.sigstore.tsaURL,
    'github-token': lab.github.token,
    ...extra,
  };
}

async function bundlesOf(image: string, digest: string): Promise<{ predicateType: string; bundle: unknown }[]> {
  const client = labClient();
  const ref = parseImageReference(`${image}@${digest}`);
  const referrers = await listReferrers(client, ref, digest);
  return Promise.all(
    referrers
      .filter((entry) => entry.artifactType === BUNDLE_TYPE)
      .map(async (entry) => {
        const { manifest } = await client.getManifest(ref, entry.digest);
        const layer = 'layers' in manifest ? manifest.layers[0]! : undefined;
        const bytes = await client.getBlob(ref, layer!.digest, { maxBytes: 1 << 24 });
        return { predicateType: entry.annotations?.['dev.sigstore.bundle.predicateType'] ?? '', bundle: JSON.parse(bytes.toString('utf8')) as unknown };
      }),
  );
}

describe('the sign action, run by the runner under Node 24', () => {
  it('attests the Debian image by digest with provenance and an SBOM of every dpkg package, stored as referrers and on GitHub', async () => {
    const lab = getLab();
    const image = await freshImage(lab.images.debian, uniqueRepository('sign-debian'));
    const name = `${lab.registry.host}/${image.repository}`;
    const before = (await githubRequests()).at(-1)?.seq ?? 0;

    const step = await runActionStep('sign', signInputs(name, image.digest), await workflowEnv());

    expect(step.stderr + step.stdout).not.toMatch(/::error::/);
    expect(step.exitCode).toBe(0);
    expect(step.outputs.digest).toBe(image.digest);
    const bundlePaths = JSON.parse(step.outputs['bundle-paths']!) as string[];
    expect(bundlePaths).toHaveLength(2);
    expect(JSON.parse(step.outputs['referrer-digests']!)).toHaveLength(2);
    expect(JSON.parse(step.outputs['attestation-ids']!)).toHaveLength(2);

    const trust = loadTrustMaterial(lab.sigstore.trustedRootPath);
    const stored = await bundlesOf(name, image.digest);
    expect(stored.map((entry) => entry.predicateType).sort()).toEqual([SLSA_PROVENANCE_V1, SPDX_DOCUMENT_V2_3].sort());
    for (const { bundle } of stored) {
      const verified = verifyAttestationBundle(parseBundle(bundle), trust, { expectedDigest: image.digest });
      expect(verified.signer.subjectAlternativeName).toBe('https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main');
      expect(verified.signer.sourceRepositoryUri).toBe('https://github.com/acme/app');
      expect(verified.statement.subject.map((subject) => `sha256:${subject.digest.sha256}`)).toEqual([image.digest]);
    }

    const sbom = JSON.parse(await readFile(step.outputs['sbom-path']!, 'utf8')) as { packages: { name: string; versionInfo?: string }[] };
    const listed = new Set(sbom.packages.map((pkg) => `${pkg.name}@${pkg.versionInfo}`));
    const missing = lab.contents.dpkg.filter((pkg) => !listed.has(`${pkg.name}@${pkg.version}`));
    expect(missing).toEqual([]);

    const posted = (await githubRequests({ since: before, pathPrefix: '/repos/acme/app/attestations' })).filter((request) => request.method === 'POST');
    expect(posted.filter((request) => request.status === 201)).toHaveLength(2);

    expect(step.summary).toContain(image.digest);
    expect(step.summary).toContain('gh attestation verify oci://');
    expect(step.summary).toContain('cosign verify-attestation');
  });

  it('attests a two-platform index: the index and each platform get provenance, each platform its own SBOM', async () => {
    const lab = getLab();
    const image = await freshImage(lab.images.multi, uniqueRepository('sign-multi'));
    const name = `${lab.registry.host}/${image.repository}`;

    const step = await runActionStep('sign', signInputs(name, image.digest), await workflowEnv());

    expect(step.exitCode, step.stdout).toBe(0);
    expect(image.platformDigests).toHaveLength(2);
    const onIndex = await bundlesOf(name, image.digest);
    expect(onIndex.map((entry) => entry.predicateType)).toEqual([SLSA_PROVENANCE_V1]);
    for (const platformDigest of image.platformDigests) {
      const onPlatform = await bundlesOf(name, platformDigest);
      expect(onPlatform.map((entry) => entry.predicateType).sort()).toEqual([SLSA_PROVENANCE_V1, SPDX_DOCUMENT_V2_3].sort());
    }
  });

  it('keeps the first run’s referrers when the same digest is signed again', async () => {
    const lab = getLab();
    const image = await freshImage(lab.images.debian, uniqueRepository('sign-twice'));
    const name = `${lab.registry.host}/${image.repository}`;
    const inputs = signInputs(name, image.digest, { sbom: 'none', 'github-attestations': 'false' });

    const first = await runActionStep('sign', inputs, await workflowEnv());
    const second = await runActionStep('sign', inputs, await workflowEnv());

    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    const referrers = await listReferrers(labClient(), parseImageReference(`${name}@${image.digest}`), image.digest);
    const firstDigests = JSON.parse(first.outputs['referrer-digests']!) as string[];
    const secondDigests = JSON.parse(second.outputs['referrer-digests']!) as string[];
    expect(referrers.map((entry) => entry.digest)).toEqual(expect.arrayContaining([...firstDigests, ...secondDigests]));
  });

  it('refuses a tag without a digest, saying to pass the build step’s digest output', async () => {
    const lab = getLab();
    const step = await runActionStep('sign', signInputs(lab.images.debian.reference, ''), await workflowEnv());

    expect(step.exitCode).toBe(1);
    expect(step.stdout).toMatch(/::error::image-passport sign: .*names no digest.*digest output/);
  });

  it('names the registry and the usual cause when the digest is not in it', async () => {
    const lab = getLab();
    const absent = `sha256:${'0'.repeat(64)}`;
    const step = await runActionStep('sign', signInputs(`${lab.registry.host}/lab/debian`, absent), await workflowEnv());

    expect(step.exitCode).toBe(1);
    expect(step.stdout).toContain(`::error::image-passport sign: ${absent} not found in ${lab.registry.host}/lab/debian`);
  });

  it('fails in one line when the job lacks id-token: write', async () => {
    const lab = getLab();
    const env = await workflowEnv();
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const step = await runActionStep('sign', signInputs(`${lab.registry.host}/lab/debian`, lab.images.debian.digest), env);

    expect(step.exitCode).toBe(1);
    expect(step.stdout).toMatch(/::error::image-passport sign: .*id-token: write/);
  });
});

describe('sign failures, each one line naming the cause', () => {
  it('registry auth refused', async () => {
    const lab = getLab();
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dockerConfig = await mkdtemp(path.join(tmpdir(), 'wrong-auth-'));
    const auth = Buffer.from(`${lab.credentials.username}:not-the-password`).toString('base64');
    await writeFile(path.join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [lab.registry.host]: { auth } } }));
    const env = await workflowEnv({}, { DOCKER_CONFIG: dockerConfig });

    const step = await runActionStep('sign', signInputs(`${lab.registry.host}/lab/debian`, lab.images.debian.digest), env);

    expect(step.exitCode).toBe(1);
    expect(step.stdout).toMatch(new RegExp(`::error::image-passport sign: .*${lab.registry.host.replace('.', '\\.')}/lab/debian.*401`));
    expect(step.stdout).not.toContain('not-the-password');
  });

  it('Fulcio unreachable after retries', async () => {
    const lab = getLab();
    const step = await runActionStep('sign', signInputs(`${lab.registry.host}/lab/debian`, lab.images.debian.digest, { 'fulcio-url': 'http://127.0.0.1:9', sbom: 'none' }), await workflowEnv());

    expect(step.exitCode).toBe(1);
    expect(step.stdout).toMatch(/::error::image-passport sign: Fulcio at http:\/\/127\.0\.0\.1:9 unreachable after \d tries/);
  });

  it('Rekor unreachable after retries', async () => {
    const lab = getLab();
    const image = await freshImage(lab.images.debian, uniqueRepository('sign-no-rekor'));
    const step = await runActionStep(
      'sign',
      signInputs(`${lab.registry.host}/${image.repository}`, image.digest, { 'rekor-url': 'http://127.0.0.1:9', sbom: 'none' }),
      await workflowEnv(),
    );

    expect(step.exitCode).toBe(1);
    expect(step.stdout).toMatch(/::error::image-passport sign: Rekor at http:\/\/127\.0\.0\.1:9 unreachable/);
    expect(await bundlesOf(`${lab.registry.host}/${image.repository}`, image.digest)).toEqual([]);
  });

  it('TSA unreachable after retries', async () => {
    const lab = getLab();
    const image = await freshImage(lab.images.debian, uniqueRepository('sign-no-tsa'));
    const step = await runActionStep(
      'sign',
      signInputs(`${lab.registry.host}/${image.repository}`, image.digest, { 'tsa-url': 'http://127.0.0.1:9', sbom: 'none' }),
      await workflowEnv(),
    );

    expect(step.exitCode).toBe(1);
    expect(step.stdout).toMatch(/::error::image-passport sign: TSA at http:\/\/127\.0\.0\.1:9\S* unreachable/);
    expect(await bundlesOf(`${lab.registry.host}/${image.repository}`, image.digest)).toEqual([]);
  });

  it('a plan without attestations warns when the registry copy is stored, and fails when it is the only copy', async () => {
    const lab = getLab();
    const { configureGitHub } = await import('../lab/context.js');
    await configureGitHub({ attestations: { 'acme/private-app': 'not-found' } });
    const image = await freshImage(lab.images.debian, uniqueRepository('sign-no-plan'));
    const name = `${lab.registry.host}/${image.repository}`;
    const env = await workflowEnv({ repository: 'acme/private-app' }, { GITHUB_REPOSITORY: 'acme/private-app' });

    const warned = await runActionStep('sign', signInputs(name, image.digest, { sbom: 'none' }), env);
    const failed = await runActionStep('sign', signInputs(name, image.digest, { sbom: 'none', 'push-to-registry': 'false' }), env);

    expect(warned.exitCode).toBe(0);
    expect(warned.stdout).toMatch(/::warning::.*acme\/private-app.*registry/);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(/::error::image-passport sign: .*acme\/private-app/);
  });
});
