import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { digestOf, LabPusher } from '../lab/image-push.js';
import type { LabInfo } from '../lab/lab-info.js';
import { measure } from './measure.js';
import { labSignArgs } from '../lab/sign-args.js';

const CLI = 'dist/cli/index.js';

export interface SignedImage {
  repository: string;
  digestReference: string;
}

/** The lab's default signer, as cosign names it: Fulcio's URI SAN is `https://github.com/` + job_workflow_ref. */
export function signerIdentity(lab: LabInfo): { identity: string; issuer: string } {
  return { identity: `https://github.com/${String(lab.github.defaultClaims.job_workflow_ref)}`, issuer: lab.github.oidcIssuer };
}

/** Environment a CLI child sees: only PATH and HOME from this process, the rest from the lab. */
export function cliEnv(lab: LabInfo, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...lab.env, ...extra };
}

/**
 * `count` images with distinct digests (the lab's Debian layer under a config of their own), each in
 * its own repository as a release of several services would be.
 */
export async function pushGateImages(lab: LabInfo, count: number): Promise<SignedImage[]> {
  const pusher = new LabPusher({ ...lab.registry, ...lab.credentials });
  const layer = lab.layers.debian;
  const images: SignedImage[] = [];
  for (let index = 1; index <= count; index += 1) {
    const repository = `bench/service-${String(index).padStart(2, '0')}`;
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: { Cmd: ['bash'], Labels: { 'org.opencontainers.image.title': repository } },
        rootfs: { type: 'layers', diff_ids: [layer.diffId] },
      }),
    );
    await pusher.pushBlob(repository, { digest: layer.digest, path: layer.path });
    await pusher.pushBlob(repository, { digest: digestOf(config), bytes: config });
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digestOf(config), size: config.length },
        layers: [{ mediaType: layer.mediaType, digest: layer.digest, size: layer.size }],
      }),
    );
    const digest = await pusher.putManifest(repository, '1.0', manifest, 'application/vnd.oci.image.manifest.v1+json');
    images.push({ repository, digestReference: `${lab.registry.host}/${repository}@${digest}` });
  }
  return images;
}

async function newIdentity(lab: LabInfo): Promise<Record<string, string>> {
  const response = await fetch(`${lab.github.oidcIssuer}/__lab/identities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ claims: {} }) });
  if (!response.ok) throw new Error(`lab OIDC issuer answered ${response.status} for a new identity`);
  return (await response.json()) as Record<string, string>;
}

/** Signs with provenance only through the lab's Sigstore, as the release workflow of acme/app would. */
export async function signImage(lab: LabInfo, repoRoot: string, image: SignedImage): Promise<void> {
  const out = await mkdtemp(path.join(tmpdir(), 'bench-signed-'));
  const args = [CLI, ...labSignArgs(lab.sigstore, image.digestReference, out)];
  await measure(`signing ${image.digestReference}`, process.execPath, args, cliEnv(lab, await newIdentity(lab)), { cwd: repoRoot });
}

/** One Deployment whose pod runs every image, so one gate process checks them all. */
export async function writeManifest(images: SignedImage[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-manifests-'));
  const file = path.join(dir, 'release.yaml');
  const containers = images.map((image, index) => `        - name: service-${index + 1}\n          image: ${image.digestReference}`).join('\n');
  await writeFile(file, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: release\nspec:\n  template:\n    spec:\n      containers:\n${containers}\n`);
  return file;
}

export function gateArgs(lab: LabInfo, manifest: string): string[] {
  return [
    CLI,
    'gate',
    '--manifests',
    manifest,
    '--signer-repository',
    String(lab.github.defaultClaims.repository),
    '--signer-workflow',
    `${String(lab.github.defaultClaims.repository)}/.github/workflows/release.yml`,
    '--allowed-refs',
    'refs/heads/main,refs/tags/v*',
    '--require',
    'provenance',
    '--signer-issuer',
    lab.github.oidcIssuer,
    '--allowed-registries',
    lab.registry.host,
    '--json',
  ];
}

export function cosignArgs(lab: LabInfo, image: SignedImage): string[] {
  const { identity, issuer } = signerIdentity(lab);
  return [
    'verify-attestation',
    '--type',
    'slsaprovenance1',
    '--trusted-root',
    lab.sigstore.trustedRootPath,
    '--certificate-identity',
    identity,
    '--certificate-oidc-issuer',
    issuer,
    image.digestReference,
  ];
}
