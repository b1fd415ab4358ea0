import { describe, expect, it } from 'vitest';
import { generateSbom } from '../../../src/sbom/generate.js';
import { gzipLayer, imageOf, tarOf } from './fixtures.js';

// Records laid out as apk writes /lib/apk/db/installed (this Debian machine has no Alpine root
// filesystem to read one from): one block per package, file lists after the header lines.
const INSTALLED = `C:Q1jf1n7cbTfVFbGsHeRLq6YoBTHmM=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:407278
I:663552
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1705310440
c:3ea02fa94a0ae3d8fbdb2c4e4e5c3e0f1b7a2a17
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1qTkpT8iDfLsKsSqTBOKgcf5y5hY=

C:Q1Ef1aZ8P8L5QhSY2YjQhM5xgVn8w=
P:libcrypto3
V:3.1.4-r5
A:x86_64
L:Apache-2.0
o:openssl
F:usr/lib
R:libcrypto.so.3

C:Q1abcnoLicense=
P:busybox
V:1.36.1-r15
A:x86_64
L:GPL-2.0-only
o:busybox
`;

const OS_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n';

describe('apk cataloguer', () => {
  it('lists each installed package with its origin and the distro from os-release', async () => {
    const layer = gzipLayer(
      await tarOf([
        { name: 'etc/os-release', content: OS_RELEASE },
        { name: 'lib/apk/db/installed', content: INSTALLED },
      ]),
    );
    const { packages } = await generateSbom(imageOf([layer]), { format: 'cyclonedx-json' });
    expect(packages.map((pkg) => [pkg.name, pkg.version, pkg.purl, pkg.licenses])).toEqual([
      ['busybox', '1.36.1-r15', 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1', 'GPL-2.0-only'],
      ['libcrypto3', '3.1.4-r5', 'pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&upstream=openssl&distro=alpine-3.19.1', 'Apache-2.0'],
      ['musl', '1.2.4_git20230717-r4', 'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1', 'MIT'],
    ]);
  });
});
