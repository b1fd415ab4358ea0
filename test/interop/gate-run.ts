import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLab } from '../lab/context.js';
import { runCli } from '../integration/cli-run.js';

export interface GateImageReport {
  ref: string;
  digest: string | null;
  result: string;
  reasons: { code: string; message: string; fix: string }[];
  evidence: { predicateType: string; source: string }[];
}

export interface GateOutcome {
  exitCode: number;
  stderr: string;
  result: 'pass' | 'fail';
  image: GateImageReport;
}

/** A Deployment running `image`, in a file of its own. */
export async function manifestFor(image: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'interop-manifests-')), 'app.yaml');
  await writeFile(file, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`);
  return file;
}

/** The release-workflow policy of the lab: acme/app's release.yml on main, signed through the lab issuer. */
export function releasePolicy(require: string, registry = getLab().registry.host): string[] {
  return [
    '--signer-repository',
    'acme/app',
    '--signer-workflow',
    'acme/app/.github/workflows/release.yml',
    '--allowed-refs',
    'refs/heads/main',
    '--require',
    require,
    '--signer-issuer',
    getLab().github.oidcIssuer,
    '--allowed-registries',
    registry,
  ];
}

/** `image-passport gate --json` over one image; the lab's trusted root comes from IMAGE_PASSPORT_TRUSTED_ROOT. */
export async function gateImage(image: string, flags: string[]): Promise<GateOutcome> {
  const result = await runCli(['gate', '--manifests', await manifestFor(image), ...flags, '--json'], { ...getLab().env });
  let report: { result: 'pass' | 'fail'; images: GateImageReport[] };
  try {
    report = JSON.parse(result.stdout) as typeof report;
  } catch {
    throw new Error(`gate printed no JSON report (exit ${result.exitCode}): ${result.stderr}`);
  }
  return { exitCode: result.exitCode, stderr: result.stderr, result: report.result, image: report.images[0]! };
}
