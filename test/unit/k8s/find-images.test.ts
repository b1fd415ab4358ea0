import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImages } from '../../../src/k8s/find-images.js';
import { parseManifest, readManifests } from '../../../src/k8s/read-manifests.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const read = (name: string) => readManifests([`test/fixtures/manifests/${name}`], { cwd: repoRoot });
const brief = (occurrence: { image: string; line: number; column: number; kind: string; name: string; container?: string }) =>
  [occurrence.kind, occurrence.name, occurrence.container ?? '-', occurrence.image, `${occurrence.line}:${occurrence.column}`].join(' ');

describe('findImages', () => {
  it('finds init containers, containers and image volumes of a Deployment with their lines, skipping labels and annotations', async () => {
    const images = findImages(await read('deployment.yaml'));
    expect(images.map(brief)).toEqual([
      'Deployment web migrate ghcr.io/acme/migrate:2.0.1 24:18',
      'Deployment web wait-for-db docker.io/library/busybox:1.36 27:18',
      'Deployment web app ghcr.io/acme/app:1.2.3 30:18',
      'Deployment web sidecar ghcr.io/acme/proxy@sha256:0c2f7dc46bb5f8e6a6a1d7a1fa1b1e5b2c3b9d3a0a5d9e1c7e1f0a2b3c4d5e6f 34:18',
      'Deployment web - ghcr.io/acme/models:v7 38:24',
    ]);
    expect(images[0]!.path).toEqual(['spec', 'template', 'spec', 'initContainers', 0, 'image']);
    expect(images[4]!.path).toEqual(['spec', 'template', 'spec', 'volumes', 0, 'image', 'reference']);
    expect(images.every((image) => image.file === 'test/fixtures/manifests/deployment.yaml' && image.docIndex === 0)).toBe(true);
  });

  it("finds a CronJob's containers under jobTemplate", async () => {
    const [image, ...rest] = findImages(await read('cronjob.yaml'));
    expect(rest).toEqual([]);
    expect(brief(image!)).toBe('CronJob nightly-report report registry.example.com:5000/tools/report:2024.06 14:22');
    expect(image!.path).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'image']);
  });

  it('names the item, not the List, for images inside a List, flow style included', async () => {
    const images = findImages(await read('list.yaml'));
    expect(images.map(brief)).toEqual([
      'Pod debug shell ghcr.io/acme/shell:1.0 11:18',
      'Pod debug debugger ghcr.io/acme/debugger:0.3 14:18',
      'StatefulSet db postgres docker.io/library/postgres:16 25:48',
    ]);
    expect(images[2]!.path).toEqual(['items', 1, 'spec', 'template', 'spec', 'containers', 0, 'image']);
  });

  it('reads Helm output document by document, with the right document index', async () => {
    const images = findImages(await read('helm-output.yaml'));
    expect(images.map((image) => [image.docIndex, brief(image)])).toEqual([
      [1, 'DaemonSet shop-agent agent ghcr.io/acme/agent:3.1.0 26:18'],
      [2, 'Job shop-seed seed ghcr.io/acme/seed:3.1.0 42:18'],
    ]);
  });

  it('finds every image field of a custom resource such as Prometheus', async () => {
    const images = findImages(await read('prometheus.yaml'));
    expect(images.map(brief)).toEqual([
      'Prometheus main - quay.io/prometheus/prometheus:v2.53.0 6:10',
      'Prometheus main config-reloader quay.io/prometheus-operator/prometheus-config-reloader:v0.75.0 10:14',
      'Prometheus main - quay.io/thanos/thanos:v0.35.1 12:12',
    ]);
  });

  it('finds images in JSON manifests', async () => {
    const images = findImages(await read('deployment.json'));
    expect(images.map(brief)).toEqual(['Deployment api api ghcr.io/acme/api:4.0.0 11:37']);
  });

  it('covers ReplicaSet, ReplicationController, PodTemplate and an image given by alias', async () => {
    const images = findImages(await read('workloads.yaml'));
    expect(images.map((image) => `${image.kind} ${image.image} ${image.line}`)).toEqual([
      'ReplicaSet ghcr.io/acme/rs:1 12',
      'ReplicationController ghcr.io/acme/rc:1 23',
      'PodTemplate ghcr.io/acme/pt:1 33',
      'Deployment ghcr.io/acme/shared:5 45',
    ]);
  });

  it('keeps the owner for items of a kind named *List that are not resources', () => {
    const file = parseManifest('x.yaml', 'kind: MirrorList\nmetadata: {name: mirrors}\nitems:\n  - image: ghcr.io/acme/mirror:1\n');
    expect(findImages([file]).map(brief)).toEqual(['MirrorList mirrors - ghcr.io/acme/mirror:1 4:12']);
  });

  it('ignores empty documents, non-string image fields and empty images', () => {
    const file = parseManifest('x.yaml', '---\n# only a comment\n---\nkind: Thing\nspec:\n  image: 42\n  other: {image: ""}\n  flag: {image: true}\n');
    expect(findImages([file])).toEqual([]);
  });
});
