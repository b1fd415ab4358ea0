import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getLab } from '../lab/context.js';
import { runCli, signAs } from './cli-run.js';
import { freshImage, uniqueRepository } from './fresh-image.js';
import type { FreshImage } from './fresh-image.js';

function registryOnlyEnv(): Record<string, string> {
  const { GITHUB_TOKEN: _token, ...env } = getLab().env;
  return env;
}

describe('the CLI commands beside sign and gate', () => {
  let signed: FreshImage;

  beforeAll(async () => {
    signed = await freshImage(getLab().images.app, uniqueRepository('cli-verify'));
    await signAs(signed, {});
  }, 120_000);

  it('sbom writes a CycloneDX document of the image read from the registry, by digest', async () => {
    const lab = getLab();
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'sbom-')), 'bom.json');
    const result = await runCli(['sbom', lab.images.app.reference, '--format', 'cyclonedx-json', '-o', out], registryOnlyEnv());

    expect(result.exitCode, result.stderr).toBe(0);
    const bom = JSON.parse(await readFile(out, 'utf8')) as { bomFormat: string; specVersion: string; metadata: { component: { name: string } }; components: { purl?: string }[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    const purls = new Set(bom.components.map((component) => component.purl));
    for (const pkg of lab.contents.npm) expect(purls).toContain(`pkg:npm/${pkg.name}@${pkg.version}`);
    for (const pkg of lab.contents.python) expect([...purls].some((purl) => purl?.startsWith(`pkg:pypi/${pkg.name}@${pkg.version}`))).toBe(true);
    for (const dep of lab.contents.go.deps) expect(purls).toContain(`pkg:golang/${dep.path}@${dep.version}`);
    const everyPurl = bom.components.map((component) => component.purl);
    expect(everyPurl.length).toBe(new Set(everyPurl).size);
  });

  it('sbom picks one platform of an index with --platform, and names a platform the index lacks', async () => {
    const lab = getLab();
    const arm = await runCli(['sbom', lab.images.multi.reference, '--platform', 'linux/arm64'], registryOnlyEnv());
    const missing = await runCli(['sbom', lab.images.multi.reference, '--platform', 'linux/s390x'], registryOnlyEnv());

    expect(arm.exitCode, arm.stderr).toBe(0);
    const arm64 = lab.images.multi.platforms.find((platform) => platform.platform.architecture === 'arm64')!;
    expect(arm.stdout).toContain(arm64.digest.replace('sha256:', ''));
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('linux/s390x');
  });

  it('verify passes a signed image and denies it for another repository, exit 0 and 1', async () => {
    const lab = getLab();
    const flags = ['--signer-issuer', lab.github.oidcIssuer];
    const pass = await runCli(['verify', signed.reference, '--signer-repository', 'acme/app', ...flags], registryOnlyEnv());
    const deny = await runCli(['verify', signed.reference, '--signer-repository', 'acme/other', ...flags], registryOnlyEnv());

    expect(pass.exitCode, pass.stderr).toBe(0);
    expect(pass.stderr).toContain(signed.digest);
    expect(deny.exitCode).toBe(1);
    expect(deny.stderr).toMatch(/acme\/other/);
  });

  it('policy check prints a policy file in plain words, and names the line of a bad field with exit 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'policy-'));
    await writeFile(path.join(dir, 'good.yaml'), 'version: 1\nrules:\n  - images: ghcr.io/acme/**\n    signer: { repository: acme/app }\n');
    await writeFile(path.join(dir, 'bad.yaml'), 'version: 1\nrules:\n  - images: ghcr.io/acme/**\n    signer: { repository: acme/app, runner: cloud }\n');

    const good = await runCli(['policy', 'check', path.join(dir, 'good.yaml')], {});
    const bad = await runCli(['policy', 'check', path.join(dir, 'bad.yaml')], {});
    const schema = await runCli(['policy', 'schema'], {});

    expect(good.exitCode).toBe(0);
    expect(good.stdout).toMatch(/acme\/app/);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:4:\d+: .*runner/);
    expect(JSON.parse(schema.stdout).title).toMatch(/policy/);
  });

  it('an odd image reference is one line naming it, and a policy given twice is a usage error', async () => {
    const lab = getLab();
    const odd = await runCli(['verify', 'ghcr.io/Acme/App:1.0', '--signer-repository', 'acme/app', '--signer-issuer', lab.github.oidcIssuer], registryOnlyEnv());
    const both = await runCli(['gate', '--manifests', 'x.yaml', '--policy', 'p.yaml', '--signer-repository', 'acme/app'], registryOnlyEnv());

    expect(odd.exitCode).toBe(1);
    expect(odd.stderr.trim().split('\n')).toHaveLength(1);
    expect(odd.stderr).toContain('"ghcr.io/Acme/App:1.0"');
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toMatch(/both a policy file and inline signer inputs/);
  });
});
