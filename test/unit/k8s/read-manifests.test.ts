import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifests } from '../../../src/k8s/read-manifests.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const fixtures = 'test/fixtures/manifests';

describe('readManifests', () => {
  it('keeps each file path as the user wrote it and parses every document', async () => {
    const files = await readManifests([`${fixtures}/deployment.yaml`], { cwd: repoRoot });
    expect(files.map((file) => file.path)).toEqual([`${fixtures}/deployment.yaml`]);
    expect(files[0]!.documents.map((document) => document.get('kind'))).toEqual(['Deployment', 'HorizontalPodAutoscaler']);
  });

  it('expands a glob to the files it matches, sorted and relative to cwd', async () => {
    const files = await readManifests([`${fixtures}/*.y*ml`], { cwd: repoRoot });
    expect(files.map((file) => path.basename(file.path))).toEqual(
      expect.arrayContaining(['cronjob.yaml', 'deployment.yaml', 'helm-output.yaml', 'list.yaml', 'prometheus.yaml', 'workloads.yaml']),
    );
    expect(files.every((file) => file.path.startsWith(`${fixtures}/`))).toBe(true);
  });

  it('walks a directory recursively for .yaml, .yml and .json files only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'manifests-'));
    await mkdir(path.join(dir, 'k8s', 'overlays', 'prod'), { recursive: true });
    await writeFile(path.join(dir, 'k8s', 'base.yaml'), 'kind: ConfigMap\n');
    await writeFile(path.join(dir, 'k8s', 'overlays', 'prod', 'patch.yml'), 'kind: ConfigMap\n');
    await writeFile(path.join(dir, 'k8s', 'overlays', 'prod', 'pod.json'), '{"kind":"Pod"}');
    await writeFile(path.join(dir, 'k8s', 'README.md'), '# not a manifest\n');
    const files = await readManifests(['k8s'], { cwd: dir });
    expect(files.map((file) => file.path)).toEqual(['k8s/base.yaml', 'k8s/overlays/prod/patch.yml', 'k8s/overlays/prod/pod.json']);
  });

  it('reads - from stdin', async () => {
    const files = await readManifests(['-'], { cwd: repoRoot, stdin: async () => 'kind: Pod\n---\nkind: Service\n' });
    expect(files).toHaveLength(1);
    expect(files[0]!.path).toBe('-');
    expect(files[0]!.documents).toHaveLength(2);
  });

  it('refuses - when no stdin is available', async () => {
    await expect(readManifests(['-'], { cwd: repoRoot })).rejects.toThrow(/"-" reads stdin/);
  });

  it('reads a file named twice (by path and by glob) once', async () => {
    const files = await readManifests([`${fixtures}/cronjob.yaml`, `${fixtures}/cron*.yaml`], { cwd: repoRoot });
    expect(files).toHaveLength(1);
  });

  it('parses JSON manifests', async () => {
    const files = await readManifests([`${fixtures}/deployment.json`], { cwd: repoRoot });
    expect(files[0]!.documents[0]!.getIn(['metadata', 'name'])).toBe('api');
  });

  it('reports a YAML error as one line with file, line and column', async () => {
    const error = await readManifests([`test/fixtures/manifests-invalid/broken.yaml`], { cwd: repoRoot }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^test\/fixtures\/manifests-invalid\/broken\.yaml:\d+:\d+: .+ — fix the YAML$/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names a missing file', async () => {
    await expect(readManifests(['k8s/missing.yaml'], { cwd: repoRoot })).rejects.toThrow('manifests: "k8s/missing.yaml" does not exist');
  });

  it('names a glob that matches nothing', async () => {
    await expect(readManifests(['nowhere/**/*.yaml'], { cwd: repoRoot })).rejects.toThrow('manifests: "nowhere/**/*.yaml" matches no file');
  });

  it('names a directory without manifests', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'manifests-'));
    await mkdir(path.join(dir, 'empty'));
    await expect(readManifests(['empty'], { cwd: dir })).rejects.toThrow('directory "empty" holds no .yaml, .yml or .json file');
  });

  it('refuses an empty input list', async () => {
    await expect(readManifests([], { cwd: repoRoot })).rejects.toThrow('no input given');
  });

  it('reports a duplicate key, which kubectl would resolve silently, as a YAML error', async () => {
    const files = readManifests(['-'], { cwd: repoRoot, stdin: async () => 'kind: Pod\nspec:\n  containers: []\nspec: {}\n' });
    await expect(files).rejects.toThrow(/^-:4:1: .*[Mm]ap keys must be unique.* — fix the YAML$/);
  });
});
