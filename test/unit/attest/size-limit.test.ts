import { describe, expect, it } from 'vitest';
import { checkGitHubBundleSize, GITHUB_BUNDLE_LIMIT_BYTES } from '../../../src/attest/size-limit.js';

describe('GitHub bundle size limit', () => {
  it('is 16 MiB', () => {
    expect(GITHUB_BUNDLE_LIMIT_BYTES).toBe(16 * 1024 * 1024);
  });

  it('lets a provenance-sized statement through', () => {
    expect(checkGitHubBundleSize(4_000).fitsGitHub).toBe(true);
  });

  it('refuses, before signing, a statement whose base64 payload alone exceeds the limit', () => {
    const check = checkGitHubBundleSize(12 * 1024 * 1024 + 1);
    expect(check.fitsGitHub).toBe(false);
    expect(check.estimatedBundleBytes).toBeGreaterThan(GITHUB_BUNDLE_LIMIT_BYTES);
  });

  it('keeps a margin for the certificate, log entry and timestamps near the limit', () => {
    const payloadAtLimit = Math.floor((GITHUB_BUNDLE_LIMIT_BYTES / 4) * 3);
    expect(checkGitHubBundleSize(payloadAtLimit).fitsGitHub).toBe(false);
    expect(checkGitHubBundleSize(payloadAtLimit - 64 * 1024).fitsGitHub).toBe(true);
  });
});
