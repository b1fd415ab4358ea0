import semver from 'semver';

/**
 * Glob to anchored RegExp: `*` matches within one path segment, `**` across segments; every other
 * character is literal, so `ghcr.io/acme/app` never matches `ghcr.io/acme/app-evil` or `ghcrXio/…`.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] === '*') {
      if (pattern[index + 1] === '*') {
        source += '.*';
        index++;
      } else {
        source += '[^/]*';
      }
    } else {
      source += pattern[index]!.replace(/[\\^$.|?+()[\]{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Why an image pattern is unusable, or undefined when it is fine. */
export function imagePatternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '' || /\s/.test(pattern)) return 'an image pattern cannot be empty or hold spaces';
  if (pattern.includes('***')) return '"***" is not a pattern: use * for one path segment, ** for any';
  const lastSegment = pattern.slice(pattern.lastIndexOf('/') + 1);
  if (lastSegment.includes('@') || lastSegment.includes(':')) {
    return 'image patterns match registry/repository, without tag or digest (write ghcr.io/acme/app, not ghcr.io/acme/app:1.0)';
  }
  return undefined;
}

/** Docker Hub's short names, as image references resolve them: `nginx` is `docker.io/library/nginx`. */
export function normalizeImagePattern(pattern: string): string {
  const segments = pattern.split('/');
  const first = segments[0]!;
  if (first.includes('*') || first.includes('.') || first.includes(':') || first === 'localhost') return pattern;
  return segments.length === 1 ? `docker.io/library/${pattern}` : `docker.io/${pattern}`;
}

/** Registries compare case-insensitively, and repository names are lowercase by the OCI spec. */
export function matchesImagePattern(pattern: string, name: string): boolean {
  return globToRegExp(normalizeImagePattern(pattern).toLowerCase()).test(name.toLowerCase());
}

const SEMVER_PREFIX = 'semver:';

/** Why a ref pattern is unusable, or undefined when it is fine. */
export function refPatternProblem(pattern: string): string | undefined {
  if (pattern.startsWith(SEMVER_PREFIX)) {
    return semver.validRange(pattern.slice(SEMVER_PREFIX.length)) === null ? `"${pattern.slice(SEMVER_PREFIX.length)}" is not a semver range (e.g. semver:>=1.2.0 <2)` : undefined;
  }
  if (!pattern.startsWith('refs/')) return `refs are full git refs: write refs/heads/${pattern} or refs/tags/${pattern}`;
  return undefined;
}

/** Exact ref, glob (`refs/tags/v*`), or `semver:<range>` applied to tags `refs/tags/[v]X.Y.Z`. */
export function matchesRefPattern(pattern: string, ref: string): boolean {
  if (pattern.startsWith(SEMVER_PREFIX)) {
    if (!ref.startsWith('refs/tags/')) return false;
    const tag = ref.slice('refs/tags/'.length);
    const version = semver.valid(tag.startsWith('v') ? tag.slice(1) : tag);
    return version !== null && semver.satisfies(version, pattern.slice(SEMVER_PREFIX.length));
  }
  return globToRegExp(pattern).test(ref);
}

/** Event names such as `pull_request*`. */
export function matchesTriggerPattern(pattern: string, trigger: string): boolean {
  return globToRegExp(pattern).test(trigger);
}

/** GitHub owner and repository names are case-insensitive. */
export function sameGitHubName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
