import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import { cachedFixture, gzipLayer, imageOf, tarOf, tarOfDirectory, writeFile } from './fixtures.js';

const CARGO_TOML = `[package]
name = "hello-audit"
version = "0.1.0"
edition = "2021"

[dependencies]
serde_json = "1"
semver = "1"

[build-dependencies]
autocfg = "1"
`;

const MAIN_RS = `fn main() {
    let v = semver::Version::parse("1.2.3").unwrap();
    println!("{}", serde_json::json!({ "v": v.to_string() }));
}
`;

// A build dependency runs at compile time only: cargo-auditable records it with kind "build".
const BUILD_RS = 'fn main() { let _ = autocfg::new; }\n';

/**
 * A real binary built by `cargo auditable build`, and the same binary with its .dep-v0 section
 * removed by objcopy, as a plain `cargo build` would leave it.
 */
function rustProgram(): string {
  return cachedFixture('rust-program', 'bin/hello-plain', (dir) => {
    writeFile(`${dir}/src/Cargo.toml`, CARGO_TOML);
    writeFile(`${dir}/src/src/main.rs`, MAIN_RS);
    writeFile(`${dir}/src/build.rs`, BUILD_RS);
    execFileSync('cargo', ['auditable', 'build', '--release', '--target-dir', `${dir}/target`], { cwd: `${dir}/src`, stdio: 'pipe' });
    writeFile(`${dir}/bin/.keep`, '');
    copyFileSync(`${dir}/target/release/hello-audit`, `${dir}/bin/hello-audit`);
    execFileSync('objcopy', ['--remove-section', '.dep-v0', `${dir}/bin/hello-audit`, `${dir}/bin/hello-plain`]);
  });
}

/** name@version of the crates `cargo tree` says are linked into the binary (normal dependencies). */
function cargoTree(dir: string): Set<string> {
  const out = execFileSync('cargo', ['tree', '--offline', '-e', 'normal', '--prefix', 'none'], { cwd: `${dir}/src`, encoding: 'utf8' });
  return new Set(
    out
      .split('\n')
      .map((line) => /^(\S+) v(\S+)/.exec(line))
      .filter((match) => match !== null)
      .map((match) => `${match[1]}@${match[2]}`),
  );
}

describe('Rust cataloguer on a real cargo auditable build', () => {
  let dir: string;
  let sbom: GeneratedSbom;

  beforeAll(async () => {
    dir = rustProgram();
    copyFileSync('/usr/bin/true', `${dir}/bin/not-rust`);
    const layer = gzipLayer(tarOfDirectory(dir, ['bin'], ['--transform', 's,^bin,usr/local/bin,']));
    sbom = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
  }, 600_000);

  it('lists every crate cargo tree lists for the binary, and only those', () => {
    const expected = cargoTree(dir);
    expect(expected.has('hello-audit@0.1.0') && [...expected].some((key) => key.startsWith('serde_json@'))).toBe(true);
    const found = new Set(sbom.packages.filter((pkg) => pkg.type === 'rust-crate').map((pkg) => `${pkg.name}@${pkg.version}`));
    expect(found).toEqual(expected);
  });

  it('leaves out build dependencies, which the Cargo.lock lists but the binary does not contain', () => {
    const lock = readFileSync(`${dir}/src/Cargo.lock`, 'utf8');
    expect(lock).toContain('name = "autocfg"');
    expect(sbom.packages.some((pkg) => pkg.name === 'autocfg')).toBe(false);
  });

  it('writes cargo purls and the binary’s path', () => {
    const semver = sbom.packages.find((pkg) => pkg.name === 'semver');
    expect(semver?.purl).toMatch(/^pkg:cargo\/semver@1\.\d+\.\d+$/);
    expect(semver?.path).toBe('/usr/local/bin/hello-audit');
  });

  it('finds nothing in a binary without the .dep-v0 section or in one that is not Rust, without warnings', () => {
    expect(sbom.packages.filter((pkg) => pkg.path !== '/usr/local/bin/hello-audit')).toEqual([]);
    expect(sbom.warnings).toEqual([]);
  });

  it('does not count audit data that is not at the start of an ELF section', async () => {
    const section = execFileSync('readelf', ['-W', '-S', `${dir}/bin/hello-audit`], { encoding: 'utf8' })
      .split('\n')
      .find((line) => line.includes('.dep-v0'));
    const [offset, size] = (/PROGBITS\s+\S+\s+(\S+)\s+(\S+)/.exec(section ?? '') ?? []).slice(1).map((hex) => Number.parseInt(hex, 16));
    expect(offset).toBeGreaterThan(0);
    const auditData = readFileSync(`${dir}/bin/hello-audit`).subarray(offset, (offset as number) + (size as number));
    const carrier = Buffer.concat([readFileSync('/usr/bin/true'), auditData]);
    const layer = gzipLayer(await tarOf([{ name: 'app/carrier', mode: 0o755, content: carrier }]));
    const result = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(result.packages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
