import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosignTag } from '../../src/oci/cosign-tags.js';
import { getLab, mintIdToken } from '../lab/context.js';
import type { Claims } from '../lab/context.js';
import { freshImage, uniqueRepository } from '../integration/fresh-image.js';
import type { FreshImage } from '../integration/fresh-image.js';
import { gateImage, releasePolicy } from '../integration/gate-run.js';
import { copyToRegistry, runPeer } from './peers.js';

type Format = 'bundle' | 'legacy';

/**
 * cosign's keyless flags for the lab. The bundle format takes the lab's signing config; the legacy
 * format refuses one ("must provide --new-bundle-format … with --signing-config"), so it gets the URLs.
 */
function keyless(format: Format, token: string): string[] {
  const lab = getLab();
  const services =
    format === 'bundle'
      ? ['--signing-config', lab.sigstore.signingConfigPath]
      : ['--use-signing-config=false', '--fulcio-url', lab.sigstore.fulcioURL, '--rekor-url', lab.sigstore.rekorURL, '--new-bundle-format=false'];
  return ['--yes', '--identity-token', token, '--trusted-root', lab.sigstore.trustedRootPath, ...services];
}

async function cosign(args: string[]): Promise<void> {
  const result = await runPeer('cosign', args);
  if (result.exitCode !== 0) throw new Error(`cosign ${args[0]} failed: ${result.stderr}`);
}

let predicateFile: string;

async function cosignAttest(image: FreshImage, format: Format, claims: Claims): Promise<void> {
  await cosign(['attest', ...keyless(format, await mintIdToken(claims)), '--type', 'slsaprovenance1', '--predicate', predicateFile, image.digestReference]);
}

async function cosignSign(image: FreshImage, format: Format, claims: Claims): Promise<void> {
  await cosign(['sign', ...keyless(format, await mintIdToken(claims)), image.digestReference]);
}

const WRONG_REPOSITORY: Claims = { repository: 'evil/app' };

describe('the gate accepts what cosign writes', () => {
  const images: Record<string, FreshImage> = {};

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cosign-predicate-'));
    predicateFile = path.join(dir, 'provenance.json');
    await writeFile(
      predicateFile,
      JSON.stringify({
        buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1', externalParameters: { workflow: { repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml', ref: 'refs/heads/main' } } },
        runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
      }),
    );
    const lab = getLab();
    const made: [string, (image: FreshImage) => Promise<void>][] = [
      ['attest-bundle', (image) => cosignAttest(image, 'bundle', {})],
      ['attest-legacy', (image) => cosignAttest(image, 'legacy', {})],
      ['sign-bundle', (image) => cosignSign(image, 'bundle', {})],
      ['sign-legacy', (image) => cosignSign(image, 'legacy', {})],
      ['attest-bundle-wrong', (image) => cosignAttest(image, 'bundle', WRONG_REPOSITORY)],
      ['attest-legacy-wrong', (image) => cosignAttest(image, 'legacy', WRONG_REPOSITORY)],
      ['sign-bundle-wrong', (image) => cosignSign(image, 'bundle', WRONG_REPOSITORY)],
      ['sign-legacy-wrong', (image) => cosignSign(image, 'legacy', WRONG_REPOSITORY)],
    ];
    await Promise.all(
      made.map(async ([name, make]) => {
        const image = await freshImage(lab.images.app, uniqueRepository(name));
        await make(image);
        images[name] = image;
      }),
    );
  }, 300_000);

  it.each([
    ['attest-bundle', 'provenance', 'referrers', 'https://slsa.dev/provenance/v1'],
    ['attest-legacy', 'provenance', 'cosign-att', 'https://slsa.dev/provenance/v1'],
    ['sign-bundle', 'signature', 'referrers', 'https://sigstore.dev/cosign/sign/v1'],
    ['sign-legacy', 'signature', 'cosign-sig', 'https://sigstore.dev/cosign/sign/v1'],
  ])('passes %s for --require %s, found in %s', async (name, require, source, predicateType) => {
    const image = images[name]!;
    const outcome = await gateImage(image.reference, releasePolicy(require));

    expect(outcome.image.reasons).toEqual([]);
    expect(outcome.result).toBe('pass');
    expect(outcome.exitCode).toBe(0);
    expect(outcome.image.digest).toBe(image.digest);
    expect(outcome.image.evidence).toContainEqual({ predicateType, source });
  });

  it.each([
    ['attest-bundle', 'provenance', 'referrers', cosignAttest],
    ['sign-legacy', 'signature', 'cosign-sig', cosignSign],
  ] as const)('passes %s on distribution v3 too (no referrers API there either)', async (name, require, source, make) => {
    const lab = getLab();
    expect(lab.registryV3, 'no distribution v3 in the lab: run scripts/install-peers.sh').not.toBeNull();
    const image = await copyToRegistry(lab.images.app, lab.registryV3!, uniqueRepository(`${name}-v3`));
    await make(image, name.endsWith('bundle') ? 'bundle' : 'legacy', {});

    const outcome = await gateImage(image.reference, releasePolicy(require, lab.registryV3!.host));

    expect(outcome.image.reasons).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.image.evidence.map((evidence) => evidence.source)).toContain(source);
  });

  it.each([['attest-bundle-wrong'], ['attest-legacy-wrong'], ['sign-bundle-wrong'], ['sign-legacy-wrong']])(
    'denies %s: signed by evil/app, not acme/app',
    async (name) => {
      const require = name.startsWith('attest') ? 'provenance' : 'signature';
      const outcome = await gateImage(images[name]!.reference, releasePolicy(require));

      expect(outcome.exitCode).toBe(1);
      expect(outcome.result).toBe('fail');
      expect(outcome.image.reasons.map((reason) => reason.code)).toContain('signer-repository');
      expect(outcome.image.reasons.map((reason) => reason.message).join(' ')).toContain('evil/app');
    },
  );

  it.each([['sign-legacy'], ['sign-bundle']])('does not take the signature of %s as provenance or an SBOM', async (name) => {
    const outcome = await gateImage(images[name]!.reference, releasePolicy('provenance,sbom'));

    expect(outcome.exitCode).toBe(1);
    expect(outcome.image.reasons.map((reason) => reason.code)).toEqual(['missing-evidence', 'missing-evidence']);
    const messages = outcome.image.reasons.map((reason) => reason.message).join(' ');
    expect(messages).toMatch(/SLSA provenance/);
    expect(messages).toMatch(/SBOM/);
  });

  it('requires both when the policy wants the signature and the provenance', async () => {
    const outcome = await gateImage(images['attest-legacy']!.reference, releasePolicy('provenance,signature'));

    expect(outcome.exitCode).toBe(1);
    expect(outcome.image.reasons.map((reason) => reason.code)).toEqual(['missing-evidence']);
    expect(outcome.image.reasons[0]!.message).toMatch(/cosign signature/);
  });

  it('denies a legacy .sig copied from another image: its payload names that image', async () => {
    const from = images['sign-legacy']!;
    const image = await freshImage(getLab().images.debian, uniqueRepository('copied-sig'));
    const host = getLab().registry.host;
    const copied = await runPeer('crane', ['copy', `${host}/${from.repository}:${cosignTag(from.digest, 'sig')}`, `${host}/${image.repository}:${cosignTag(image.digest, 'sig')}`]);
    expect(copied.exitCode, copied.stderr).toBe(0);

    const outcome = await gateImage(image.reference, releasePolicy('signature'));

    expect(outcome.exitCode).toBe(1);
    expect(outcome.image.reasons.map((reason) => reason.code)).toContain('subject-mismatch');
    expect(outcome.image.reasons.map((reason) => reason.message).join(' ')).toContain(from.digest);
  });

  it('denies a legacy signature made with a key, naming why it cannot count', async () => {
    const image = await freshImage(getLab().images.app, uniqueRepository('sign-key'));
    const dir = await mkdtemp(path.join(tmpdir(), 'cosign-key-'));
    const password = { COSIGN_PASSWORD: 'lab' };
    const generated = await runPeer('cosign', ['generate-key-pair', '--output-key-prefix', path.join(dir, 'cosign')], password);
    expect(generated.exitCode, generated.stderr).toBe(0);
    const signed = await runPeer(
      'cosign',
      ['sign', '--yes', '--key', path.join(dir, 'cosign.key'), '--use-signing-config=false', '--tlog-upload=false', '--new-bundle-format=false', image.digestReference],
      password,
    );
    expect(signed.exitCode, signed.stderr).toBe(0);

    const outcome = await gateImage(image.reference, releasePolicy('signature'));

    expect(outcome.exitCode).toBe(1);
    expect(outcome.image.reasons.map((reason) => `${reason.message} ${reason.fix}`).join(' ')).toMatch(/signed with a key, not keyless/);
  });
});
