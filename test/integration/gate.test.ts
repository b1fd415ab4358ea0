import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleReferrerArtifact } from '../../src/attest/bundle-media.js';
import { attachReferrer } from '../../src/oci/referrers.js';
import { parseImageReference } from '../../src/oci/reference.js';
import { getLab, githubRequests, workflowEnv } from '../lab/context.js';
import { runActionStep } from './action-step.js';
import type { Claims } from '../lab/context.js';
import { runCli, signAs } from './cli-run.js';
import { gateFile, manifestFor, registryOnlyEnv, releasePolicy } from './gate-run.js';
import type { GateReport } from './gate-run.js';
import { freshImage, labClient, uniqueRepository } from './fresh-image.js';
import type { FreshImage } from './fresh-image.js';

const vectors = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'vectors');

async function signed(prefix: string, claims: Claims, sbom: 'generate' | 'none' = 'none'): Promise<FreshImage> {
  const image = await freshImage(getLab().images.debian, uniqueRepository(prefix));
  await signAs(image, claims, { sbom });
  return image;
}

async function attachBundle(image: FreshImage, bundle: Record<string, unknown>): Promise<void> {
  const ref = parseImageReference(image.digestReference);
  const manifest = await labClient().getManifest(ref, image.digest);
  await attachReferrer(labClient(), ref, manifest.descriptor, bundleReferrerArtifact(bundle as never));
}

async function storedBundles(image: FreshImage): Promise<Record<string, unknown>[]> {
  const { listReferrers } = await import('../../src/oci/referrers.js');
  const client = labClient();
  const ref = parseImageReference(image.digestReference);
  const entries = await listReferrers(client, ref, image.digest);
  return Promise.all(
    entries.map(async (entry) => {
      const { manifest } = await client.getManifest(ref, entry.digest);
      const layer = (manifest as { layers: { digest: string }[] }).layers[0]!;
      return JSON.parse((await client.getBlob(ref, layer.digest, { maxBytes: 1 << 24 })).toString('utf8')) as Record<string, unknown>;
    }),
  );
}

describe('the gate, against images signed in the lab', () => {
  const images: Record<string, FreshImage> = {};

  beforeAll(async () => {
    const lab = getLab();
    const cases: [string, Claims, ('generate' | 'none')?][] = [
      ['good', {}, 'generate'],
      ['other-repo', { repository: 'evil/app' }],
      ['prefix-repo', { repository: 'acme/app-evil' }],
      ['other-workflow', { workflow_file: 'test.yml' }],
      ['feature-ref', { ref: 'refs/heads/feature' }],
      ['self-hosted', { runner_environment: 'self-hosted' }],
      ['pull-request', { event_name: 'pull_request' }],
      ['no-sbom', {}],
      ['moved-tag', {}],
    ];
    images.multi = await freshImage(lab.images.multi, uniqueRepository('multi'));
    await signAs(images.multi, {}, { sbom: 'generate' });
    await Promise.all(cases.map(async ([name, claims, sbom]) => (images[name] = await signed(name, claims, sbom))));
    images.unsigned = await freshImage(lab.images.unsigned, uniqueRepository('unsigned'));

    const goodBundles = await storedBundles(images.good!);
    images['foreign-sbom'] = await freshImage(lab.images.app, uniqueRepository('foreign-sbom'));
    await signAs(images['foreign-sbom'], {});
    const sbomBundle = goodBundles.find((bundle) => JSON.stringify(bundle).length > 20_000)!;
    await attachBundle(images['foreign-sbom'], sbomBundle);

    images.tampered = await freshImage(lab.images.debian, uniqueRepository('tampered'));
    const provenance = goodBundles.find((bundle) => bundle !== sbomBundle)!;
    const envelope = provenance.dsseEnvelope as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { predicate: { buildDefinition: { externalParameters: unknown } } };
    statement.predicate.buildDefinition.externalParameters = { workflow: { ref: 'refs/heads/evil', repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml' } };
    await attachBundle(images.tampered, { ...provenance, dsseEnvelope: { ...envelope, payload: Buffer.from(JSON.stringify(statement)).toString('base64') } });

    images['public-good'] = await freshImage(lab.images.debian, uniqueRepository('public-good'));
    await attachBundle(images['public-good'], JSON.parse(await readFile(path.join(vectors, 'cli-cli', 'sigstore-js-2.1.0-bundle.json'), 'utf8')) as Record<string, unknown>);

    // Signed, then the tag is moved to another (unsigned) image.
    const moved = images['moved-tag']!;
    const unsigned = await freshImage(lab.images.app, moved.repository, '1.0');
    expect(unsigned.digest).not.toBe(moved.digest);
  }, 300_000);

  it('passes an image signed by the release workflow on main, and pins its digest', async () => {
    const good = images.good!;
    const file = await manifestFor({ app: good.reference });
    const out = await mkdtemp(path.join(tmpdir(), 'out-'));
    const result = await runCli(['gate', '--manifests', file, ...releasePolicy('provenance,sbom'), '--out', out, '--json'], registryOnlyEnv());
    const report = JSON.parse(result.stdout) as GateReport;

    expect(report.images[0]!.reasons).toEqual([]);
    expect(report.result).toBe('pass');
    expect(result.exitCode).toBe(0);
    expect(report.images[0]!.digest).toBe(good.digest);
    const pinned = await readFile(path.join(out, 'pinned', path.basename(file)), 'utf8');
    const original = await readFile(file, 'utf8');
    expect(pinned).toBe(original.replace(good.reference, `${good.reference}@${good.digest}`));
  });

  it.each([
    ['unsigned', 'unsigned', /no attestation|unsigned|not signed/i],
    ['other-repo', 'signer-repository', /evil\/app/],
    ['prefix-repo', 'signer-repository', /acme\/app-evil/],
    ['other-workflow', 'signer-workflow', /test\.yml/],
    ['feature-ref', 'signer-ref', /refs\/heads\/feature/],
    ['self-hosted', 'signer-runner', /self-hosted/],
    ['pull-request', 'signer-trigger', /pull_request/],
    ['moved-tag', 'unsigned', /no attestation|unsigned|not signed/i],
  ])('denies %s with reason %s', async (name, code, detail) => {
    const image = images[name]!;
    const file = await manifestFor({ app: image.reference });
    const { exitCode, report } = await gateFile(file, releasePolicy());

    expect(exitCode).toBe(1);
    expect(report.result).toBe('fail');
    const [denied] = report.images;
    expect(denied!.locations).toEqual([{ file, line: 11 }]);
    expect(denied!.reasons.map((reason) => reason.code)).toContain(code);
    expect(denied!.reasons.map((reason) => `${reason.message} ${reason.fix}`).join(' ')).toMatch(detail);
  });

  it('denies provenance without the SBOM the policy requires', async () => {
    const { exitCode, report } = await gateFile(await manifestFor({ app: images['no-sbom']!.reference }), releasePolicy('provenance,sbom'));

    expect(exitCode).toBe(1);
    expect(report.images[0]!.reasons.map((reason) => reason.code)).toEqual(['missing-evidence']);
    expect(report.images[0]!.reasons[0]!.message).toMatch(/sbom/i);
  });

  it('denies an SBOM whose subject is another digest', async () => {
    const { exitCode, report } = await gateFile(await manifestFor({ app: images['foreign-sbom']!.reference }), releasePolicy('provenance,sbom'));

    expect(exitCode).toBe(1);
    expect(report.images[0]!.reasons.map((reason) => reason.code)).toContain('subject-mismatch');
  });

  it('denies a payload changed after signing', async () => {
    const { exitCode, report } = await gateFile(await manifestFor({ app: images.tampered!.reference }), releasePolicy());

    expect(exitCode).toBe(1);
    expect(report.images[0]!.reasons.map((reason) => reason.message).join(' ')).toMatch(/SIGNATURE_INVALID|signature/i);
  });

  it('denies a bundle from a CA the trusted root does not hold', async () => {
    const { exitCode, report } = await gateFile(await manifestFor({ app: images['public-good']!.reference }), releasePolicy());

    expect(exitCode).toBe(1);
    expect(report.images[0]!.reasons.map((reason) => reason.message).join(' ')).toMatch(/CERTIFICATE_UNTRUSTED|sigstore-intermediate/);
  });

  it('denies an image from a registry the policy does not allow', async () => {
    const lab = getLab();
    const elsewhere = `${lab.faultProxy.host}/${images.good!.repository}:1.0`;
    const { exitCode, report } = await gateFile(await manifestFor({ app: elsewhere }), releasePolicy());

    expect(exitCode).toBe(1);
    expect(report.images[0]!.reasons.map((reason) => reason.code)).toEqual(['no-matching-rule']);
  });

  it('fails the run for one unsigned initContainer beside signed containers, naming its line', async () => {
    const file = await manifestFor({ app: images.good!.reference }, { setup: images.unsigned!.reference });
    const { exitCode, report } = await gateFile(file, releasePolicy());

    expect(exitCode).toBe(1);
    const results = Object.fromEntries(report.images.map((image) => [image.ref, image]));
    expect(results[images.good!.reference]!.result).toBe('pass');
    expect(results[images.unsigned!.reference]!.result).toBe('fail');
    expect(results[images.unsigned!.reference]!.locations).toEqual([{ file, line: 11 }]);
  });

  it('reports in audit mode and exits 0', async () => {
    const { exitCode, report } = await gateFile(await manifestFor({ app: images.unsigned!.reference }), [...releasePolicy(), '--mode', 'audit']);

    expect(exitCode).toBe(0);
    expect(report.images[0]!.result).toBe('fail');
  });

  it('fails closed with one line when the registry is unreachable', async () => {
    const { exitCode, report } = await gateFile(await manifestFor({ app: `127.0.0.1:9/lab/app:1.0` }), [...releasePolicy().slice(0, -2)]);

    expect(exitCode).toBe(1);
    expect(report.images[0]!.reasons[0]!.code).toBe('image-unresolved');
    expect(report.images[0]!.reasons[0]!.message).toMatch(/127\.0\.0\.1:9/);
    expect(report.images[0]!.reasons[0]!.message).not.toContain('\n');
  });

  it('exits 2 with one line for malformed YAML', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bad-'));
    const file = path.join(dir, 'bad.yaml');
    await writeFile(file, 'kind: Pod\nspec:\n  containers:\n    - image: [unclosed\n');
    const result = await runCli(['gate', '--manifests', file, ...releasePolicy()], registryOnlyEnv());

    expect(result.exitCode).toBe(2);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('image-passport:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`${file}:\\d+:\\d+: .* — fix the YAML`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('applies a policy file: first matching rule wins, and an index needs its SBOM on each platform', async () => {
    const lab = getLab();
    const dir = await mkdtemp(path.join(tmpdir(), 'policy-'));
    const policy = (pin: string) => `version: 1
trust: [${lab.sigstore.trustedRootPath}]
rules:
  - images: ${lab.registry.host}/test/multi-*
    signer: { issuer: "${lab.github.oidcIssuer}", repository: acme/app${pin} }
    require: [provenance, sbom]
    platforms: each
  - images: ${lab.registry.host}/test/**
    signer: { issuer: "${lab.github.oidcIssuer}", workflow: acme/app/.github/workflows/release.yml, refs: [refs/heads/main] }
`;
    await writeFile(path.join(dir, 'policy.yaml'), policy(''));
    await writeFile(path.join(dir, 'pinned-id.yaml'), policy(', repository-id: "111"'));
    const file = await manifestFor({ app: images.good!.reference, multi: images.multi!.reference });

    const passed = await gateFile(file, ['--policy', path.join(dir, 'policy.yaml')]);
    const pinned = await gateFile(file, ['--policy', path.join(dir, 'pinned-id.yaml')]);

    expect(passed.report.images.flatMap((image) => image.reasons)).toEqual([]);
    expect(passed.exitCode).toBe(0);
    const byRef = Object.fromEntries(pinned.report.images.map((image) => [image.ref, image]));
    expect(byRef[images.good!.reference]!.result).toBe('pass');
    expect(byRef[images.multi!.reference]!.reasons.map((reason) => reason.code)).toContain('signer-repository-id');
  });

  it('finds the evidence in GitHub’s attestations API when the registry holds none', async () => {
    const lab = getLab();
    const image = await freshImage(lab.images.app, uniqueRepository('github-only'));
    const out = await mkdtemp(path.join(tmpdir(), 'signed-'));
    const signedToGitHub = await runCli(
      ['sign', '--image', image.digestReference, '--sbom', 'none', '--fulcio-url', lab.sigstore.fulcioURL, '--rekor-url', lab.sigstore.rekorURL, '--tsa-url', lab.sigstore.tsaURL, '--no-push-to-registry', '--out', out],
      await workflowEnv(),
    );
    expect(signedToGitHub.exitCode, signedToGitHub.stderr).toBe(0);

    const file = await manifestFor({ app: image.reference });
    const before = (await githubRequests()).at(-1)?.seq ?? 0;
    const result = await runCli(['gate', '--manifests', file, ...releasePolicy(), '--json'], { ...lab.env });
    const asked = await githubRequests({ since: before });
    const report = JSON.parse(result.stdout) as GateReport & { images: { evidence: { source: string }[] }[] };

    expect(report.images[0]!.reasons).toEqual([]);
    expect(report.images[0]!.evidence.map((evidence) => evidence.source)).toContain('github-api');
    expect(result.exitCode).toBe(0);
    expect(asked.map((request) => `${request.method} ${request.path}`)).toContain('POST /orgs/acme/attestations/bulk-list');
  });

  it('as a workflow step under Node 24: passes, outputs the pinned manifests and posts a check run on the PR head', async () => {
    const good = images.good!;
    const file = await manifestFor({ app: good.reference });
    const eventPath = path.join(path.dirname(file), 'event.json');
    const headSha = 'f'.repeat(40);
    await writeFile(eventPath, JSON.stringify({ pull_request: { number: 7, head: { sha: headSha } } }));
    const before = (await githubRequests()).at(-1)?.seq ?? 0;

    const step = await runActionStep('gate', gateInputs(file, { 'pr-check': 'true', require: 'provenance,sbom' }), {
      ...(await workflowEnv()),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
    });

    expect(step.exitCode, step.stdout).toBe(0);
    expect(step.outputs.result).toBe('pass');
    const pinned = await readFile(path.join(step.outputs['pinned-manifests']!, path.basename(file)), 'utf8');
    expect(pinned).toContain(`${good.reference}@${good.digest}`);
    expect(JSON.parse(step.outputs['verified-images']!)).toEqual([{ ref: good.reference, digest: good.digest }]);
    expect(JSON.parse(await readFile(step.outputs.report!, 'utf8')).result).toBe('pass');
    expect(step.summary).toContain(good.digest);
    const checks = (await githubRequests({ since: before, pathPrefix: '/repos/acme/app/check-runs' })).filter((request) => request.method === 'POST');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.status).toBe(201);
    expect((checks[0]!.body as { head_sha: string; conclusion: string }).head_sha).toBe(headSha);
    expect((checks[0]!.body as { conclusion: string }).conclusion).toBe('success');
  });

  it('as a workflow step: fails, with an error annotation on the unsigned initContainer line and no pinned manifests', async () => {
    const file = await manifestFor({ app: images.good!.reference }, { setup: images.unsigned!.reference });

    const { GITHUB_TOKEN: _token, ...env } = await workflowEnv();
    const step = await runActionStep('gate', { ...gateInputs(file), 'github-token': '' }, env);

    expect(step.exitCode).toBe(1);
    expect(step.outputs.result).toBe('fail');
    expect(step.outputs['pinned-manifests']).toBeUndefined();
    const errors = step.annotations.filter((annotation) => annotation.level === 'error' && annotation.properties.file);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties).toMatchObject({ file, line: '11' });
    expect(errors[0]!.properties.title).toContain(images.unsigned!.reference);
    expect(step.summary).toContain(images.unsigned!.reference);
  });
});

describe('the root action', () => {
  it('runs the gate for command: gate, and refuses a command it does not know', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'root-action-'));
    const file = path.join(dir, 'app.yaml');
    await writeFile(file, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: ${getLab().images.unsigned.reference}\n`);
    const env = registryOnlyEnv();

    const gated = await runActionStep('root', { ...gateInputs(file), 'github-token': '', command: 'gate' }, env);
    const unknown = await runActionStep('root', { command: 'deploy' }, env);

    expect(gated.exitCode).toBe(1);
    expect(gated.outputs.result).toBe('fail');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toContain('::error::image-passport: input "command" must be "sign" or "gate", not "deploy"');
  });
});

function gateInputs(file: string, extra: Record<string, string> = {}): Record<string, string> {
  const lab = getLab();
  return {
    manifests: file,
    'signer-repository': 'acme/app',
    'signer-workflow': 'acme/app/.github/workflows/release.yml',
    'allowed-refs': 'refs/heads/main',
    require: 'provenance',
    'signer-issuer': lab.github.oidcIssuer,
    'allowed-registries': lab.registry.host,
    'github-token': lab.github.token,
    'pr-check': 'false',
    ...extra,
  };
}

describe('the gate on manifests without images', () => {
  it('refuses to pass when no image is found, naming the files (exit 2)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'no-images-'));
    const file = path.join(dir, 'config.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: debug\n');
    const result = await runCli(['gate', '--manifests', file, ...releasePolicy()], registryOnlyEnv());

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`no image found in ${file}`);
  });
});
