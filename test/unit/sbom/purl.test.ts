import { describe, expect, it } from 'vitest';
import { formatPurl } from '../../../src/sbom/purl.js';

describe('purl encoding', () => {
  it('percent-encodes versions and keeps qualifiers in Syft’s order', () => {
    expect(
      formatPurl({
        type: 'deb',
        namespace: 'debian',
        name: 'bash',
        version: '5.2.15-2+b2',
        qualifiers: [['arch', 'amd64'], ['upstream', undefined], ['distro', 'debian-12']],
      }),
    ).toBe('pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12');
  });

  it('encodes an npm scope and each segment of a Go module path on its own', () => {
    expect(formatPurl({ type: 'npm', namespace: '@scope', name: 'name', version: '1.0.0' })).toBe('pkg:npm/%40scope/name@1.0.0');
    expect(formatPurl({ type: 'golang', namespace: 'github.com/google', name: 'uuid', version: 'v1.6.0' })).toBe(
      'pkg:golang/github.com/google/uuid@v1.6.0',
    );
  });

  it('encodes a digest version and a source-package qualifier', () => {
    expect(
      formatPurl({ type: 'oci', name: 'app', version: 'sha256:ab', qualifiers: [['repository_url', 'ghcr.io/acme/app']] }),
    ).toBe('pkg:oci/app@sha256%3Aab?repository_url=ghcr.io/acme/app');
    expect(formatPurl({ type: 'deb', namespace: 'debian', name: 'libc6', version: '2.36', qualifiers: [['upstream', 'glibc@2.36-9+deb12u4']] })).toBe(
      'pkg:deb/debian/libc6@2.36?upstream=glibc%402.36-9%2Bdeb12u4',
    );
  });
});
