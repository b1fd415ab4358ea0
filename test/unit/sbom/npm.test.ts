import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import { gzipLayer, imageOf, npmProject, tarOfDirectory } from './fixtures.js';

interface NpmLsNode {
  version?: string;
  dependencies?: Record<string, NpmLsNode>;
}

function npmLs(dir: string): Set<string> {
  const tree = JSON.parse(execFileSync('npm', ['ls', '--all', '--json'], { cwd: dir, encoding: 'utf8' })) as NpmLsNode;
  const found = new Set<string>();
  const walk = (deps: Record<string, NpmLsNode> | undefined): void => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      found.add(`${name}@${node.version}`);
      walk(node.dependencies);
    }
  };
  walk(tree.dependencies);
  return found;
}

describe('npm cataloguer on a real npm install', () => {
  let dir: string;
  let sbom: GeneratedSbom;

  beforeAll(async () => {
    dir = npmProject();
    const layer = gzipLayer(tarOfDirectory(dir, ['.'], ['--transform', 's,^\\.,app,']));
    sbom = await generateSbom(imageOf([layer]), { format: 'cyclonedx-json' });
  }, 180_000);

  it('lists every package npm ls --all lists, nested ones included, and only those', () => {
    const expected = npmLs(dir);
    expect(expected.has('ms@2.0.0') && expected.has('ms@2.1.3')).toBe(true);
    const found = new Set(sbom.packages.filter((pkg) => pkg.type === 'npm').map((pkg) => `${pkg.name}@${pkg.version}`));
    expect(found).toEqual(expected);
  });

  it('does not take the application’s own package.json for an installed package', () => {
    expect(sbom.packages.some((pkg) => pkg.name === 'fixture-app')).toBe(false);
  });

  it('encodes the scope in the purl and keeps the licence from package.json', () => {
    const scoped = sbom.packages.find((pkg) => pkg.name === '@sindresorhus/is');
    expect(scoped?.purl).toBe('pkg:npm/%40sindresorhus/is@4.6.0');
    expect(scoped?.licenses).toBe('MIT');
    expect(scoped?.path).toBe('/app/node_modules/@sindresorhus/is/package.json');
    const nested = sbom.packages.find((pkg) => pkg.purl === 'pkg:npm/ms@2.0.0');
    expect(nested?.path).toBe('/app/node_modules/debug/node_modules/ms/package.json');
  });
});
