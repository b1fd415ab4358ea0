import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import { cachedFixture, gzipLayer, imageOf, tarOf, tarOfDirectory, writeFile } from './fixtures.js';

const MAIN_GO = `package main

import (
	"fmt"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
)

func main() { fmt.Println(uuid.NewString(), cmp.Equal(1, 1)) }
`;

function goEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false' };
}

// Two real Go binaries of one module: the Go linker's own layout (section headers at the start)
// and an externally linked one, where gcc's layout puts them at the end.
function goProgram(): string {
  return cachedFixture('go-program', 'bin/hello-external', (dir) => {
    writeFile(`${dir}/src/go.mod`, 'module example.com/hello\n\ngo 1.22\n\nrequire (\n\tgithub.com/google/uuid v1.6.0\n\tgithub.com/google/go-cmp v0.7.0\n)\n');
    writeFile(`${dir}/src/main.go`, MAIN_GO);
    const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
      execFileSync('go', args, { cwd: `${dir}/src`, env: { ...goEnv(), ...extra }, stdio: 'pipe' });
    run(['mod', 'tidy']);
    run(['build', '-trimpath', '-o', `${dir}/bin/hello`, '.'], { CGO_ENABLED: '0' });
    run(['build', '-trimpath', '-ldflags=-linkmode=external', '-o', `${dir}/bin/hello-external`, '.'], { CGO_ENABLED: '1' });
  });
}

/** The modules `go version -m` reports, plus the toolchain as Syft's "stdlib". */
function goVersionM(binary: string): Set<string> {
  const out = execFileSync('go', ['version', '-m', binary], { encoding: 'utf8' });
  const found = new Set<string>();
  for (const line of out.split('\n')) {
    const fields = line.trim().split('\t');
    if (fields[0] === 'mod' || fields[0] === 'dep') found.add(`${fields[1]}@${fields[2]}`);
  }
  const goVersion = /: (go\S+)/.exec(out.split('\n')[0] ?? '')?.[1];
  found.add(`stdlib@${goVersion}`);
  return found;
}

describe('Go binary cataloguer on real go build output', () => {
  let dir: string;
  let sbom: GeneratedSbom;

  beforeAll(async () => {
    dir = goProgram();
    copyFileSync('/usr/bin/true', `${dir}/bin/not-go`);
    const layer = gzipLayer(
      Buffer.concat([
        tarOfDirectory(dir, ['bin'], ['--transform', 's,^bin,usr/local/bin,']).subarray(0, -1024),
        await tarOf([
          // A script that merely contains the build-info magic is not a Go binary.
          { name: 'usr/local/bin/fake', mode: 0o755, content: `#!/bin/sh\n# \xff Go buildinf:${'\0'.repeat(64)}\n` },
        ]),
      ]),
    );
    sbom = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
  }, 300_000);

  for (const binary of ['hello', 'hello-external']) {
    it(`lists the main module, every dependency and the Go version of ${binary}, as go version -m does`, () => {
      const expected = goVersionM(`${dir}/bin/${binary}`);
      expect(expected.has('github.com/google/uuid@v1.6.0')).toBe(true);
      const found = new Set(
        sbom.packages
          .filter((pkg) => pkg.type === 'go-module' && pkg.path === `/usr/local/bin/${binary}`)
          .map((pkg) => `${pkg.name}@${pkg.version}`),
      );
      // Both binaries hold the same modules; each package is listed once, at the first path.
      const all = new Set(sbom.packages.filter((pkg) => pkg.type === 'go-module').map((pkg) => `${pkg.name}@${pkg.version}`));
      expect(all).toEqual(expected);
      if (binary === 'hello') expect(found).toEqual(expected);
    });
  }

  it('finds the build info in the externally linked binary on its own', async () => {
    const bytes = readFileSync(`${dir}/bin/hello-external`);
    const layer = gzipLayer(await tarOf([{ name: 'app/hello', mode: 0o755, content: bytes }]));
    const { packages } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(new Set(packages.map((pkg) => `${pkg.name}@${pkg.version}`))).toEqual(goVersionM(`${dir}/bin/hello-external`));
  });

  it('ignores executables that are not Go binaries', () => {
    expect(sbom.packages.filter((pkg) => !pkg.path.startsWith('/usr/local/bin/hello'))).toEqual([]);
    expect(sbom.warnings).toEqual([]);
  });

  it('writes golang purls with the module path as namespace', () => {
    const uuid = sbom.packages.find((pkg) => pkg.name === 'github.com/google/uuid');
    expect(uuid?.purl).toBe('pkg:golang/github.com/google/uuid@v1.6.0');
    const main = sbom.packages.find((pkg) => pkg.name === 'example.com/hello');
    expect(main?.purl).toBe('pkg:golang/example.com/hello@%28devel%29');
    const stdlib = sbom.packages.find((pkg) => pkg.name === 'stdlib');
    expect(stdlib?.purl).toMatch(/^pkg:golang\/stdlib@1\.\d+/);
  });
});
