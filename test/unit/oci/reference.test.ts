import { describe, expect, it } from 'vitest';
import { formatImageReference, ImageReferenceError, parseImageReference, referenceTarget } from '../../../src/oci/reference.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference normalises as Docker and containerd do', () => {
  it.each([
    ['ubuntu', { registry: 'docker.io', repository: 'library/ubuntu' }],
    ['ubuntu:22.04', { registry: 'docker.io', repository: 'library/ubuntu', tag: '22.04' }],
    ['library/ubuntu', { registry: 'docker.io', repository: 'library/ubuntu' }],
    ['docker.io/ubuntu', { registry: 'docker.io', repository: 'library/ubuntu' }],
    ['docker.io/library/ubuntu:latest', { registry: 'docker.io', repository: 'library/ubuntu', tag: 'latest' }],
    ['index.docker.io/ubuntu', { registry: 'docker.io', repository: 'library/ubuntu' }],
    ['index.docker.io/user/app', { registry: 'docker.io', repository: 'user/app' }],
    ['user/app', { registry: 'docker.io', repository: 'user/app' }],
    ['user/app/sub', { registry: 'docker.io', repository: 'user/app/sub' }],
    ['ghcr.io/owner/app:v1.2.3', { registry: 'ghcr.io', repository: 'owner/app', tag: 'v1.2.3' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/app:1', { registry: 'localhost:5000', repository: 'app', tag: '1' }],
    ['myregistry:5000/team/app', { registry: 'myregistry:5000', repository: 'team/app' }],
    ['127.0.0.1:5000/a/b/c', { registry: '127.0.0.1:5000', repository: 'a/b/c' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    [`app@${DIGEST}`, { registry: 'docker.io', repository: 'library/app', digest: DIGEST }],
    [`ghcr.io/o/app:v1@${DIGEST}`, { registry: 'ghcr.io', repository: 'o/app', tag: 'v1', digest: DIGEST }],
    ['localhost:5000', { registry: 'docker.io', repository: 'library/localhost', tag: '5000' }],
    ['a-b.c/x__y.z-w', { registry: 'a-b.c', repository: 'x__y.z-w' }],
    ['UPPER/case', { registry: 'UPPER', repository: 'case' }],
    [`quay.io/org/app@sha512:${'b'.repeat(128)}`, { registry: 'quay.io', repository: 'org/app', digest: `sha512:${'b'.repeat(128)}` }],
  ])('%s', (input, expected) => {
    expect(parseImageReference(input as string)).toEqual(expected);
  });
});

describe('parseImageReference rejects malformed references with the input quoted and the problem named', () => {
  it.each([
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['a:b:c', "contains ':'"],
    ['app@sha256:short', 'the digest "sha256:short" must be sha256: followed by 64'],
    [`@${DIGEST}`, 'the repository name before the digest is missing'],
    [`app@md5:${'a'.repeat(32)}`, 'the digest'],
    [`app@${DIGEST}@${DIGEST}`, "more than one '@'"],
    ['Ubuntu', 'must be lowercase'],
    ['docker.io/Library/ubuntu', 'must be lowercase'],
    ['UPPER/Case', 'must be lowercase'],
    ['app:', 'the tag ""'],
    [':tag', 'the repository name before the tag is missing'],
    ['app:-bad', 'the tag "-bad"'],
    [`app:${'t'.repeat(129)}`, '1 to 128'],
    ['user//app', 'empty path component'],
    ['user/app/', 'empty path component'],
    ['-user/app', 'the path component "-user"'],
    ['user/app--', 'the path component "app--"'],
    ['bad_host.com/app', 'the registry "bad_host.com" is not a valid host'],
    ['my app', 'whitespace'],
    ['a'.repeat(64), '64-character hex'],
    [`ghcr.io/${'a/'.repeat(130)}b`, 'longer than 255'],
  ])('%j', (input, problem) => {
    let caught: unknown;
    try {
      parseImageReference(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImageReferenceError);
    const message = (caught as Error).message;
    expect(message).toContain(`invalid image reference ${JSON.stringify(input)}`);
    expect(message).toContain(problem);
    expect(message).not.toContain('\n');
  });
});

describe('formatImageReference', () => {
  it.each(['docker.io/library/ubuntu:22.04', `ghcr.io/o/app:v1@${DIGEST}`, `127.0.0.1:5000/lab/app@${DIGEST}`, 'localhost/app'])(
    'round-trips the fully qualified form %s',
    (text) => {
      expect(formatImageReference(parseImageReference(text))).toBe(text);
    },
  );

  it('writes Docker Hub short names in full', () => {
    expect(formatImageReference(parseImageReference('ubuntu'))).toBe('docker.io/library/ubuntu');
  });
});

describe('referenceTarget', () => {
  it('prefers the digest, then the tag, then latest', () => {
    expect(referenceTarget(parseImageReference(`a:v1@${DIGEST}`))).toBe(DIGEST);
    expect(referenceTarget(parseImageReference('a:v1'))).toBe('v1');
    expect(referenceTarget(parseImageReference('a'))).toBe('latest');
  });
});
