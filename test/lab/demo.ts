import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runActionStep } from '../integration/action-step.js';
import { startLab } from './start.js';

/**
 * The quick-start demo: the lab up, the sign action on a real Debian-based image, then the gate
 * action twice — a deploy that passes with pinned manifests, and one an unsigned initContainer blocks.
 * Both actions run from dist/ under Node 24, exactly as a workflow step would run them.
 */
const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const step = (title: string): void => say(`\n\x1b[1m== ${title}\x1b[0m`);

process.env.IMAGE_PASSPORT_LAB_FILE ??= path.join(tmpdir(), `image-passport-demo-lab-${process.pid}.json`);
step('starting the lab (registry with token auth, Sigstore, GitHub OIDC and API stand-ins)');
const lab = await startLab();
let failed = false;
try {
  const { info } = lab;
  say(`registry ${info.registry.host} (${info.registry.flavour}), Fulcio ${info.sigstore.fulcioURL}, GitHub API ${info.github.apiUrl}`);
  const identity = (await (
    await fetch(`${info.github.oidcIssuer}/__lab/identities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ claims: {} }) })
  ).json()) as Record<string, string>;
  const env = { ...info.env, ...identity };
  const app = info.images.app;
  const name = `${info.registry.host}/${app.repository}`;

  step(`sign ${name}@${app.digest.slice(0, 19)}… (workflow acme/app/.github/workflows/release.yml on refs/heads/main)`);
  const signed = await runActionStep(
    'sign',
    {
      image: name,
      digest: app.digest,
      sbom: 'generate',
      'sbom-format': 'spdx-json',
      'push-to-registry': 'true',
      'github-attestations': 'true',
      'fulcio-url': info.sigstore.fulcioURL,
      'rekor-url': info.sigstore.rekorURL,
      'tsa-url': info.sigstore.tsaURL,
      'github-token': info.github.token,
    },
    env,
  );
  if (signed.exitCode !== 0) throw new Error(`sign failed:\n${signed.stdout}${signed.stderr}`);
  for (const [output, value] of Object.entries(signed.outputs)) say(`  ${output}: ${value}`);

  const work = await mkdtemp(path.join(tmpdir(), 'image-passport-demo-'));
  const deployment = (init: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n${init}      containers:\n        - name: app\n          image: ${app.reference}\n`;
  const gateInputs = (manifest: string) => ({
    manifests: manifest,
    'signer-repository': 'acme/app',
    'signer-workflow': 'acme/app/.github/workflows/release.yml',
    'allowed-refs': 'refs/heads/main,refs/tags/v*',
    require: 'provenance,sbom',
    'signer-issuer': info.github.oidcIssuer,
    'allowed-registries': info.registry.host,
    'github-token': info.github.token,
    'pr-check': 'false',
  });

  step('gate a deploy of the signed image');
  const good = path.join(work, 'deploy.yaml');
  await writeFile(good, deployment(''));
  const passed = await runActionStep('gate', gateInputs(good), env, work);
  say(`  result: ${passed.outputs.result} (exit ${passed.exitCode})`);
  say(`  pinned manifest (${passed.outputs['pinned-manifests']}/deploy.yaml):`);
  for (const line of (await readFile(path.join(passed.outputs['pinned-manifests']!, 'deploy.yaml'), 'utf8')).split('\n')) if (line.includes('image:')) say(`    ${line.trim()}`);
  if (passed.exitCode !== 0) failed = true;

  step('gate a deploy that adds an unsigned initContainer');
  const blocked = path.join(work, 'blocked.yaml');
  await writeFile(blocked, deployment(`      initContainers:\n        - name: setup\n          image: ${info.images.unsigned.reference}\n`));
  const denied = await runActionStep('gate', gateInputs(blocked), env, work);
  say(`  result: ${denied.outputs.result} (exit ${denied.exitCode}: the job stops before kubectl apply)`);
  for (const annotation of denied.annotations) {
    const where = annotation.properties.file ? `${path.basename(annotation.properties.file)}:${annotation.properties.line}: ` : '';
    say(`  ${annotation.level}: ${where}${annotation.message.split('\n')[0]}`);
  }
  if (denied.exitCode !== 1) failed = true;
  step(failed ? 'demo: something did not behave as expected' : 'demo done: one deploy passed with pinned digests, one was blocked');
} finally {
  await lab.stop();
}
process.exitCode = failed ? 1 : 0;
