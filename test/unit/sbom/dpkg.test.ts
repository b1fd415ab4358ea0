import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import { parseDep5License, parseDpkgDatabase } from '../../../src/sbom/catalogers/dpkg.js';
import { gzipLayer, imageOf, tarOf, tarOfDirectory } from './fixtures.js';

// This machine's own Debian root filesystem is the real package data: its dpkg database, its
// os-release (a relative symlink, as on every Debian) and its copyright files, symlinked doc dirs included.
function debianRootPaths(): string[] {
  const paths = ['var/lib/dpkg/status', 'usr/lib/os-release', 'etc/os-release'];
  for (const name of readdirSync('/usr/share/doc').sort()) {
    const dir = `/usr/share/doc/${name}`;
    if (lstatSync(dir).isSymbolicLink()) paths.push(dir.slice(1));
    else if (existsSync(`${dir}/copyright`)) paths.push(`${dir.slice(1)}/copyright`);
  }
  return paths;
}

function dpkgQuery(): Map<string, string> {
  const out = execFileSync('dpkg-query', ['-W', '-f', '${Package}\t${Version}\n'], { encoding: 'utf8' });
  return new Map(out.trim().split('\n').map((line) => line.split('\t') as [string, string]));
}

describe('dpkg cataloguer on this machine’s Debian 12 root filesystem', () => {
  let sbom: GeneratedSbom;
  const expected = dpkgQuery();

  beforeAll(async () => {
    const layer = gzipLayer(tarOfDirectory('/', debianRootPaths()));
    sbom = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
  });

  it('lists every package dpkg-query -W lists, with the same versions and nothing else', () => {
    const deb = sbom.packages.filter((pkg) => pkg.type === 'deb');
    const found = new Map(deb.map((pkg) => [pkg.name, pkg.version]));
    expect(expected.size).toBeGreaterThan(100);
    expect(found).toEqual(expected);
    expect(deb).toHaveLength(expected.size);
  });

  it('writes Syft-style purls with arch, upstream and the distro from os-release', () => {
    const bash = sbom.packages.find((pkg) => pkg.name === 'bash');
    const version = expected.get('bash') as string;
    expect(bash?.purl).toBe(`pkg:deb/debian/bash@${version.replace('+', '%2B')}?arch=amd64&distro=debian-12`);
    // libc6's stanza says "Source: glibc" with no version of its own.
    const libc = sbom.packages.find((pkg) => pkg.name === 'libc6');
    expect(libc?.purl).toMatch(/\?arch=amd64&upstream=glibc&distro=debian-12$/);
    const libzstd = sbom.packages.find((pkg) => pkg.name === 'libzstd1');
    expect(libzstd?.purl).toMatch(/\?arch=amd64&upstream=libzstd&distro=debian-12$/);
  });

  it('takes licences from machine-readable copyright files, following symlinked doc directories', () => {
    const license = (name: string) => sbom.packages.find((pkg) => pkg.name === name)?.licenses;
    expect(license('zlib1g')).toBe('Zlib');
    expect(license('libzstd1')).toBe('(BSD-3-Clause OR GPL-2.0-only) AND MIT AND Zlib');
    expect(license('libffi8')).toMatch(/\bMIT\b/);
    expect(license('libffi-dev')).toBe(license('libffi8'));
    // libc6's copyright file is free-form, so no licence is claimed for it.
    expect(license('libc6')).toBeUndefined();
  });

  it('records the layer and the database path each package came from', () => {
    const bash = sbom.packages.find((pkg) => pkg.name === 'bash');
    expect(bash?.path).toBe('/var/lib/dpkg/status');
    expect(bash?.layerDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('dpkg database parsing', () => {
  it('reads distroless status.d files, one package each, and skips their md5sums', async () => {
    const status = execFileSync('dpkg-query', ['-s', 'base-files'], { encoding: 'utf8' });
    const layer = gzipLayer(
      await tarOf([
        { name: 'var/lib/dpkg/status.d/base-files', content: status },
        { name: 'var/lib/dpkg/status.d/base-files.md5sums', content: 'd41d8cd98f00b204e9800998ecf8427e  etc/debian_version\n' },
      ]),
    );
    const { packages } = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(packages.map((pkg) => [pkg.name, pkg.version])).toEqual([
      ['base-files', dpkgQuery().get('base-files')],
    ]);
  });

  it('leaves out packages of which only configuration files or nothing remains', () => {
    const entries = parseDpkgDatabase(
      [
        'Package: kept\nStatus: install ok installed\nVersion: 1.0\n',
        'Package: removed\nStatus: deinstall ok config-files\nVersion: 2.0\n',
        'Package: purged\nStatus: purge ok not-installed\n',
      ].join('\n'),
    );
    expect(entries.map((entry) => entry.name)).toEqual(['kept']);
  });

  it('joins DEP-5 licences with AND and maps Debian short names to SPDX ids', () => {
    const copyright = [
      'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
      '',
      'Files: *',
      'License: GPL-2+ or Artistic',
      '',
      'Files: lib/*',
      'License: Expat',
      '',
      'Files: doc/*',
      'License: public-domain',
      '',
      'License: Expat',
      ' Permission is hereby granted...',
    ].join('\n');
    expect(parseDep5License(copyright)).toBe('(GPL-2.0-or-later OR Artistic-1.0) AND MIT');
    expect(parseDep5License(copyright.replace('Expat\n\nFiles: doc', 'my-own-licence\n\nFiles: doc'))).toBeUndefined();
    expect(parseDep5License('This is free software, see /usr/share/common-licenses/GPL-2.\n')).toBeUndefined();
  });
});
