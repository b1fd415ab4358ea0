import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImages } from '../../../src/k8s/find-images.js';
import { pinManifests } from '../../../src/k8s/pin.js';
import { parseManifest, readManifests } from '../../../src/k8s/read-manifests.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const digest = (seed: string) => `sha256:${seed.repeat(64).slice(0, 64)}`;
const pinned = (image: string, index: number) => `${image.split('@')[0]}@${digest(String.fromCharCode(97 + (index % 6)))}`;

describe('pinManifests', () => {
  it('changes only the image strings of every fixture, keeping comments, quoting and layout', async () => {
    const files = await readManifests(['test/fixtures/manifests'], { cwd: repoRoot });
    const images = findImages(files);
    const pins = new Map([...new Set(images.map((image) => image.image))].map((image, index) => [image, pinned(image, index)]));
    const output = pinManifests(files, pins);
    expect(output.map((file) => file.path)).toEqual(files.map((file) => file.path));
    for (const [index, file] of files.entries()) {
      const before = file.text.split('\n');
      const after = output[index]!.text.split('\n');
      expect(after).toHaveLength(before.length);
      before.forEach((line, lineIndex) => {
        if (line === after[lineIndex]) return;
        const candidates = [...pins].filter(([original]) => line.includes(original));
        expect(candidates.map(([original, pin]) => line.replace(original, pin)), `${file.path}:${lineIndex + 1}`).toContain(after[lineIndex]);
      });
    }
    const repinned = findImages(output.map((file) => parseManifest(file.path, file.text)));
    expect(repinned.map((image) => image.image)).toEqual(images.map((image) => pins.get(image.image)));
    expect(repinned.map((image) => [image.file, image.line, image.column])).toEqual(images.map((image) => [image.file, image.line, image.column]));
  });

  it('keeps double and single quotes and the trailing comment on a pinned line', () => {
    const file = parseManifest('a.yaml', 'spec:\n  containers:\n    - image: "ghcr.io/a/b:1"  # why\n    - image: \'ghcr.io/a/c:1\'\n');
    const [out] = pinManifests([file], new Map([['ghcr.io/a/b:1', `ghcr.io/a/b:1@${digest('1')}`], ['ghcr.io/a/c:1', `ghcr.io/a/c:1@${digest('2')}`]]));
    expect(out!.text).toBe(`spec:\n  containers:\n    - image: "ghcr.io/a/b:1@${digest('1')}"  # why\n    - image: 'ghcr.io/a/c:1@${digest('2')}'\n`);
  });

  it('pins plain scalars followed by a comment and inside flow collections', () => {
    const text = 'spec:\n  containers:\n    - image: ghcr.io/a/b:1 # pinned by the gate\n  initContainers: [{name: x, image: ghcr.io/a/c:1}, {name: y}]\n';
    const pins = new Map([['ghcr.io/a/b:1', `ghcr.io/a/b:1@${digest('7')}`], ['ghcr.io/a/c:1', `ghcr.io/a/c:1@${digest('8')}`]]);
    const [out] = pinManifests([parseManifest('a.yaml', text)], pins);
    expect(out!.text).toBe(`spec:\n  containers:\n    - image: ghcr.io/a/b:1@${digest('7')} # pinned by the gate\n  initContainers: [{name: x, image: ghcr.io/a/c:1@${digest('8')}}, {name: y}]\n`);
  });

  it('leaves an image without a pin as written', () => {
    const text = 'spec:\n  containers:\n    - image: ghcr.io/a/b:1\n    - image: ghcr.io/a/c:1\n';
    const [out] = pinManifests([parseManifest('a.yaml', text)], new Map([['ghcr.io/a/c:1', `ghcr.io/a/c:1@${digest('3')}`]]));
    expect(out!.text).toBe(`spec:\n  containers:\n    - image: ghcr.io/a/b:1\n    - image: ghcr.io/a/c:1@${digest('3')}\n`);
  });

  it('pins an image given by alias once, at its anchor', () => {
    const text = 'x: &img ghcr.io/a/b:1\nspec:\n  containers:\n    - image: *img\n    - image: *img\n';
    const [out] = pinManifests([parseManifest('a.yaml', text)], new Map([['ghcr.io/a/b:1', `ghcr.io/a/b:1@${digest('4')}`]]));
    expect(out!.text).toBe(`x: &img ghcr.io/a/b:1@${digest('4')}\nspec:\n  containers:\n    - image: *img\n    - image: *img\n`);
  });

  it('pins JSON as valid JSON', () => {
    const text = '{"spec":{"containers":[{"image":"ghcr.io/a/b:1"}]}}';
    const [out] = pinManifests([parseManifest('a.json', text)], new Map([['ghcr.io/a/b:1', `ghcr.io/a/b:1@${digest('5')}`]]));
    expect(JSON.parse(out!.text)).toEqual({ spec: { containers: [{ image: `ghcr.io/a/b:1@${digest('5')}` }] } });
  });

  it('refuses to pin an image written as a block scalar, naming its line', () => {
    const text = 'spec:\n  containers:\n    - image: >-\n        ghcr.io/a/b:1\n';
    expect(() => pinManifests([parseManifest('a.yaml', text)], new Map([['ghcr.io/a/b:1', `ghcr.io/a/b:1@${digest('6')}`]]))).toThrow(
      /^a\.yaml:3:14: ghcr\.io\/a\/b:1 is written as a block scalar/,
    );
  });
});
