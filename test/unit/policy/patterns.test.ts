import { describe, expect, it } from 'vitest';
import { imagePatternProblem, matchesImagePattern, matchesRefPattern, matchesTriggerPattern, refPatternProblem, sameGitHubName } from '../../../src/policy/patterns.js';

describe('image patterns', () => {
  it('* matches one path segment, ** any number', () => {
    expect(matchesImagePattern('ghcr.io/acme/*', 'ghcr.io/acme/app')).toBe(true);
    expect(matchesImagePattern('ghcr.io/acme/*', 'ghcr.io/acme/team/app')).toBe(false);
    expect(matchesImagePattern('ghcr.io/acme/**', 'ghcr.io/acme/team/app')).toBe(true);
    expect(matchesImagePattern('**', 'registry.example.com:5000/a/b')).toBe(true);
  });

  it('is anchored: a literal pattern matches only that name', () => {
    expect(matchesImagePattern('ghcr.io/acme/app', 'ghcr.io/acme/app')).toBe(true);
    expect(matchesImagePattern('ghcr.io/acme/app', 'ghcr.io/acme/app-evil')).toBe(false);
    expect(matchesImagePattern('ghcr.io/acme/app', 'evil.io/ghcr.io/acme/app')).toBe(false);
    expect(matchesImagePattern('ghcr.io/acme/**', 'ghcr.io/acme-evil/app')).toBe(false);
  });

  it('escapes regular-expression characters: the dot is a dot', () => {
    expect(matchesImagePattern('ghcr.io/acme/**', 'ghcrXio/acme/app')).toBe(false);
    expect(matchesImagePattern('r.io/a+b/**', 'r.io/aab/x')).toBe(false);
    expect(matchesImagePattern('r.io/(a|b)/x', 'r.io/a/x')).toBe(false);
  });

  it('reads Docker Hub short names as the reference parser normalises them', () => {
    expect(matchesImagePattern('nginx', 'docker.io/library/nginx')).toBe(true);
    expect(matchesImagePattern('acme/*', 'docker.io/acme/app')).toBe(true);
    expect(matchesImagePattern('localhost:5000/app', 'localhost:5000/app')).toBe(true);
  });

  it('compares the registry case-insensitively', () => {
    expect(matchesImagePattern('GHCR.io/acme/**', 'ghcr.io/acme/app')).toBe(true);
  });

  it('refuses patterns with a tag or digest, and empty ones', () => {
    expect(imagePatternProblem('ghcr.io/acme/app:1.0')).toMatch(/without tag or digest/);
    expect(imagePatternProblem('ghcr.io/acme/app@sha256:abc')).toMatch(/without tag or digest/);
    expect(imagePatternProblem('')).toMatch(/empty/);
    expect(imagePatternProblem('localhost:5000/**')).toBeUndefined();
  });
});

describe('ref patterns', () => {
  it('matches exact refs and globs, * within one segment', () => {
    expect(matchesRefPattern('refs/heads/main', 'refs/heads/main')).toBe(true);
    expect(matchesRefPattern('refs/heads/main', 'refs/heads/main-evil')).toBe(false);
    expect(matchesRefPattern('refs/tags/v*', 'refs/tags/v1.2.3')).toBe(true);
    expect(matchesRefPattern('refs/tags/v*', 'refs/heads/v1')).toBe(false);
    expect(matchesRefPattern('refs/heads/release/*', 'refs/heads/release/1.x/evil')).toBe(false);
    expect(matchesRefPattern('refs/heads/release/**', 'refs/heads/release/1.x/rc')).toBe(true);
  });

  it('matches semver ranges on tags, with or without the v', () => {
    expect(matchesRefPattern('semver:>=1.2.0 <2', 'refs/tags/v1.4.0')).toBe(true);
    expect(matchesRefPattern('semver:>=1.2.0 <2', 'refs/tags/1.2.0')).toBe(true);
    expect(matchesRefPattern('semver:>=1.2.0 <2', 'refs/tags/v2.0.0')).toBe(false);
    expect(matchesRefPattern('semver:>=1.2.0 <2', 'refs/tags/v1.3.0-rc.1')).toBe(false);
    expect(matchesRefPattern('semver:>=1.2.0 <2', 'refs/heads/v1.4.0')).toBe(false);
    expect(matchesRefPattern('semver:>=1.2.0 <2', 'refs/tags/latest')).toBe(false);
  });

  it('refuses short refs and bad ranges with the fix', () => {
    expect(refPatternProblem('main')).toBe('refs are full git refs: write refs/heads/main or refs/tags/main');
    expect(refPatternProblem('semver:not a range')).toMatch(/is not a semver range/);
    expect(refPatternProblem('refs/tags/v*')).toBeUndefined();
  });
});

describe('names', () => {
  it('matches triggers by glob', () => {
    expect(matchesTriggerPattern('pull_request*', 'pull_request_target')).toBe(true);
    expect(matchesTriggerPattern('pull_request*', 'push')).toBe(false);
  });

  it('compares GitHub owner and repository names case-insensitively', () => {
    expect(sameGitHubName('Acme/App', 'acme/app')).toBe(true);
    expect(sameGitHubName('acme/app', 'acme/app-evil')).toBe(false);
  });
});
