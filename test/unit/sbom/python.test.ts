import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizePythonName, parsePythonMetadata } from '../../../src/sbom/catalogers/python.js';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import { cachedFixture, gzipLayer, imageOf, tarOfDirectory } from './fixtures.js';

const DEBIAN_SITE = '/usr/lib/python3/dist-packages';

function pipTarget(): string {
  return cachedFixture('pip-target', 'six-1.16.0.dist-info/METADATA', (dir) => {
    execFileSync('pip', ['install', '--quiet', '--no-deps', '--target', dir, 'six==1.16.0', 'idna==3.7'], {
      stdio: 'pipe',
    });
  });
}

/** What Python itself finds installed under `dir`, through importlib.metadata. */
function importlibDistributions(dir: string): Set<string> {
  const script =
    'import importlib.metadata as m, sys\n' +
    'for d in m.distributions(path=[sys.argv[1]]): print(d.metadata["Name"] + "@" + d.version)';
  const out = execFileSync('python3', ['-c', script, dir], { encoding: 'utf8' });
  return new Set(out.trim().split('\n').map((line) => normalizeKey(line)));
}

function normalizeKey(nameAtVersion: string): string {
  const at = nameAtVersion.lastIndexOf('@');
  return `${normalizePythonName(nameAtVersion.slice(0, at))}@${nameAtVersion.slice(at + 1)}`;
}

describe('python cataloguer on real installs', () => {
  let target: string;
  let sbom: GeneratedSbom;

  beforeAll(async () => {
    target = pipTarget();
    const pipLayer = gzipLayer(tarOfDirectory(target, ['.'], ['--transform', 's,^\\.,opt/venv/site-packages,']));
    const debianLayer = gzipLayer(tarOfDirectory('/', [DEBIAN_SITE.slice(1)], ['--exclude=__pycache__']));
    sbom = await generateSbom(imageOf([debianLayer, pipLayer]), { format: 'spdx-json' });
  }, 180_000);

  const found = () =>
    new Set(sbom.packages.filter((pkg) => pkg.type === 'python').map((pkg) => normalizeKey(`${pkg.name}@${pkg.version}`)));

  function pipDistInfo(): Set<string> {
    return new Set(
      readdirSync(target)
        .filter((name) => name.endsWith('.dist-info'))
        .map((name) => normalizeKey(name.replace(/\.dist-info$/, '').replace(/-([^-]+)$/, '@$1'))),
    );
  }

  it('lists every dist-info directory pip install --target made', () => {
    const expected = pipDistInfo();
    expect(expected).toEqual(new Set(['six@1.16.0', 'idna@3.7']));
    expect([...expected].filter((key) => !found().has(key))).toEqual([]);
    expect(sbom.packages.find((pkg) => pkg.name === 'idna')?.path).toBe('/opt/venv/site-packages/idna-3.7.dist-info/METADATA');
  });

  it('lists every distribution Python finds in Debian’s dist-packages, egg-info ones included, each once', () => {
    const debian = importlibDistributions(DEBIAN_SITE);
    expect(debian.size).toBeGreaterThan(5);
    // six 1.16.0 is in both places and cryptography has both an egg-info and a dist-info: one entry each.
    expect(found()).toEqual(new Set([...debian, ...pipDistInfo()]));
    const keys = sbom.packages.filter((pkg) => pkg.type === 'python').map((pkg) => pkg.purl);
    expect(keys).toHaveLength(new Set(keys).size);
    expect(sbom.packages.some((pkg) => pkg.path.endsWith('.egg-info/PKG-INFO'))).toBe(true);
  });

  it('writes pypi purls with the normalised name and keeps SPDX licences', () => {
    const six = sbom.packages.find((pkg) => pkg.name === 'six');
    expect(six?.purl).toBe('pkg:pypi/six@1.16.0');
    expect(six?.licenses).toBe('MIT');
    const yaml = sbom.packages.find((pkg) => pkg.name === 'PyYAML');
    expect(yaml?.purl).toMatch(/^pkg:pypi\/pyyaml@/);
  });
});

describe('python metadata parsing', () => {
  it('prefers License-Expression and ignores a licence field that holds the whole licence text', () => {
    expect(parsePythonMetadata('Name: a\nVersion: 1\nLicense-Expression: MIT OR Apache-2.0\nLicense: MIT\n')?.license).toBe(
      'MIT OR Apache-2.0',
    );
    expect(parsePythonMetadata('Name: a\nVersion: 1\nLicense: Copyright (c) 2020\n        Permission is granted\n')?.license).toBeUndefined();
    expect(parsePythonMetadata('Name: a\n\nVersion: 1\n')).toBeUndefined();
  });
});
