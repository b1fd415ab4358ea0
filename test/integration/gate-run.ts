import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLab } from '../lab/context.js';
import { runCli } from './cli-run.js';

export interface GateImageReport {
  ref: string;
  digest: string | null;
  locations: { file: string; line: number }[];
  result: string;
  reasons: { code: string; message: string; fix: string }[];
  evidence: { predicateType: string; source: string }[];
}

export interface GateReport {
  result: 'pass' | 'fail';
  images: GateImageReport[];
}

export interface GateOutcome {
  exitCode: number;
  stderr: string;
  result: 'pass' | 'fail';
  image: GateImageReport;
}

/**
 * The job environment without GITHUB_TOKEN: copies of one lab image share a digest, and GitHub's
 * attestations are listed by digest, so another test's attestation would answer for this one.
 */
export function registryOnlyEnv(): Record<string, string> {
  const { GITHUB_TOKEN: _token, ...env } = getLab().env;
  return env;
}

/** A Deployment running `images` (container name → image) and `initImages`, in a file of its own. */
export async function manifestFor(images: Record<string, string>, initImages: Record<string, string> = {}): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'manifests-')), 'app.yaml');
  const containers = (list: Record<string, string>) => Object.entries(list).map(([name, image]) => `        - name: ${name}\n          image: ${image}`).join('\n');
  const init = Object.keys(initImages).length > 0 ? `      initContainers:\n${containers(initImages)}\n` : '';
  await writeFile(
    file,
    `# the app\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n${init}      containers:\n${containers(images)}\n`,
  );
  return file;
}

/** The release-workflow policy of the lab: acme/app's release.yml on main or a v* tag, through the lab issuer. */
export function releasePolicy(require = 'provenance', registry = getLab().registry.host): string[] {
  return [
    '--signer-repository',
    'acme/app',
    '--signer-workflow',
    'acme/app/.github/workflows/release.yml',
    '--allowed-refs',
    'refs/heads/main,refs/tags/v*',
    '--require',
    require,
    '--signer-issuer',
    getLab().github.oidcIssuer,
    '--allowed-registries',
    registry,
  ];
}

/** `image-passport gate --json` over a manifest file; the lab's trusted root comes from IMAGE_PASSPORT_TRUSTED_ROOT. */
export async function gateFile(file: string, flags: string[]): Promise<{ exitCode: number; stderr: string; report: GateReport }> {
  const result = await runCli(['gate', '--manifests', file, ...flags, '--json'], registryOnlyEnv());
  try {
    return { exitCode: result.exitCode, stderr: result.stderr, report: JSON.parse(result.stdout) as GateReport };
  } catch {
    throw new Error(`gate printed no JSON report (exit ${result.exitCode}): ${result.stderr}`);
  }
}

/** The gate over one image in a Deployment of its own. */
export async function gateImage(image: string, flags: string[]): Promise<GateOutcome> {
  const { exitCode, stderr, report } = await gateFile(await manifestFor({ app: image }), flags);
  return { exitCode, stderr, result: report.result, image: report.images[0]! };
}
