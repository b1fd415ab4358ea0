import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../../src/oci/challenge.js';

describe('parseChallenges', () => {
  it('reads a Docker Hub bearer challenge, keeping commas inside quoted scopes', () => {
    expect(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' } },
    ]);
  });

  it('lowercases scheme and parameter names but not values', () => {
    expect(parseChallenges('BEARER Realm="https://Auth.example/Token", Service="Reg"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://Auth.example/Token', service: 'Reg' } },
    ]);
  });

  it('splits several challenges in one header', () => {
    expect(parseChallenges('Basic realm="Registry Realm", Bearer realm="https://t.example/token",service="s",error="invalid_token"')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
      { scheme: 'bearer', params: { realm: 'https://t.example/token', service: 's', error: 'invalid_token' } },
    ]);
  });

  it('unescapes quoted-pairs and accepts spaces around "="', () => {
    expect(parseChallenges('Bearer realm = "a\\"b\\\\c" , service=plain')).toEqual([{ scheme: 'bearer', params: { realm: 'a"b\\c', service: 'plain' } }]);
  });

  it('accepts unquoted URL values some servers send', () => {
    expect(parseChallenges('Bearer realm=https://t.example/token,service=reg')).toEqual([{ scheme: 'bearer', params: { realm: 'https://t.example/token', service: 'reg' } }]);
  });

  it('skips a token68 and still reads the next challenge', () => {
    expect(parseChallenges('Negotiate abc==, Basic realm="r"')).toEqual([
      { scheme: 'negotiate', params: {} },
      { scheme: 'basic', params: { realm: 'r' } },
    ]);
  });

  it('gives nothing for an absent or empty header', () => {
    expect(parseChallenges(null)).toEqual([]);
    expect(parseChallenges('')).toEqual([]);
    expect(parseChallenges('Bearer')).toEqual([{ scheme: 'bearer', params: {} }]);
  });
});
