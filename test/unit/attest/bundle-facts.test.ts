import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import { describe, expect, it } from 'vitest';
import { bundleFacts, rekorEntryLink } from '../../../src/attest/bundle-facts.js';

const vectors = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'vectors');
const readBundle = async (path: string) => JSON.parse(await readFile(resolve(vectors, path), 'utf8')) as SerializedBundle;

describe('facts of a signed bundle for the summary', () => {
  it('gives the SAN and Rekor entry of a public-good bundle', async () => {
    const facts = bundleFacts(await readBundle('cli-cli/reusable-workflow-attestation.sigstore.json'));
    expect(facts.subjectAltName).toBe('https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d');
    expect(facts.tlogEntries).toHaveLength(1);
    expect(facts.tlogEntries[0]!.integratedTime.toISOString()).toBe('2024-05-24T19:14:24.000Z');
    expect(facts.timestamps).toEqual([]);
  });

  it('gives the signing time of an RFC 3161 timestamp', async () => {
    const facts = bundleFacts(await readBundle('sigstore-js/verify-fixtures-extracted/V3.MESSAGE_SIGNATURE.TLOG_HASHEDREKORDV002.rekor2.json'));
    expect(facts.timestamps).toHaveLength(1);
    expect(facts.timestamps[0]!.getTime()).toBeGreaterThan(Date.parse('2025-12-14T02:04:39Z'));
    expect(facts.timestamps[0]!.getTime()).toBeLessThan(Date.parse('2025-12-14T02:14:39Z'));
    expect(facts.subjectAltName).toBe('brian@dehamer.com');
  });

  it('links public-good Rekor entries to the search UI only', () => {
    expect(rekorEntryLink('https://rekor.sigstore.dev', '123')).toBe('https://search.sigstore.dev/?logIndex=123');
    expect(rekorEntryLink('http://127.0.0.1:4000/rekor', '123')).toBeUndefined();
  });
});
