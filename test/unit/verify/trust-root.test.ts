import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrustRootError, loadTrustMaterial, parseBundle, trustFromJson, verifyAttestationBundle } from '../../../src/verify/index.js';
import { PROD_ROOT, readVector, readVectorJson, vectorPath } from './vectors.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'verify-trust-'));

function writeScratch(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('loadTrustMaterial', () => {
  it('reads the public-good root from the @sigstore/tuf seed, offline, requiring a tlog entry and an SCT', () => {
    const trust = loadTrustMaterial('public-good');
    expect(trust.roots).toHaveLength(1);
    expect(trust.roots[0]!.thresholds).toEqual({ tlog: 1, ctlog: 1, timestamp: 1, requireTsaTimestamp: false });
    expect(trust.description).toMatch(/^public-good \(@sigstore\/tuf seed\): CAs https:\/\/fulcio\.sigstore\.dev; 2 tlog\(s\), 2 CT log\(s\), 1 TSA\(s\)/);
  });

  it('fails closed for github, telling the user how to get the root', () => {
    expect(() => loadTrustMaterial('github')).toThrow(TrustRootError);
    expect(() => loadTrustMaterial('github')).toThrow(/gh attestation trusted-root/);
  });

  it('reads a trusted_root.json path', () => {
    const trust = loadTrustMaterial(vectorPath(PROD_ROOT));
    expect(trust.source).toBe(vectorPath(PROD_ROOT));
    expect(trust.roots[0]!.material.tlogs).toHaveLength(2);
  });

  it('names the file and the fix when the file is not JSON, missing or not a trusted root', () => {
    const broken = writeScratch('broken.json', '{"mediaType": ');
    expect(() => loadTrustMaterial(broken)).toThrow(new RegExp(`^${broken}: not JSON \\(.*\\); pass a trusted_root\\.json$`));
    const missing = path.join(scratch, 'absent.json');
    expect(() => loadTrustMaterial(missing)).toThrow(`${missing}: cannot read the trusted root (ENOENT)`);
    const bundle = writeScratch('bundle.json', readVector('cli-cli/sigstore-js-2.1.0-bundle.json'));
    expect(() => loadTrustMaterial(bundle)).toThrow(`${bundle}: not a Sigstore trusted root (mediaType "application/vnd.dev.sigstore.bundle.v0.3+json")`);
    expect(() => loadTrustMaterial(writeScratch('empty.json', '\n'))).toThrow(/the trusted root file is empty/);
  });

  it('rejects a root whose transparency log has no validity start', () => {
    const root = readVectorJson(PROD_ROOT) as { tlogs: { publicKey: { validFor?: object } }[] };
    delete root.tlogs[1]!.publicKey.validFor;
    expect(() => trustFromJson(root, 'edited-root.json')).toThrow('edited-root.json: transparency log https://log2025-1.rekor.sigstore.dev has no publicKey.validFor.start');
  });

  it('requires a TSA timestamp from a root that has no transparency log (GitHub’s shape)', () => {
    const root = readVectorJson(PROD_ROOT) as Record<string, unknown>;
    const trust = trustFromJson({ ...root, tlogs: [], ctlogs: [] }, 'tsa-only-root.json');
    expect(trust.roots[0]!.thresholds).toEqual({ tlog: 0, ctlog: 0, timestamp: 1, requireTsaTimestamp: true });
    expect(trust.description).toMatch(/requires a TSA timestamp$/);
    expect(() => trustFromJson({ ...root, tlogs: [], ctlogs: [], timestampAuthorities: [] }, 'nothing.json')).toThrow(/no timestamp authority/);
  });

  it('reads the JSON Lines gh attestation trusted-root prints and verifies with the root whose CA issued the leaf', () => {
    const lines = [readVector('sigstore-go/trusted-root-scaffolding.json'), readVector(PROD_ROOT)].map((text) => JSON.stringify(JSON.parse(text))).join('\n');
    const trust = loadTrustMaterial(writeScratch('roots.jsonl', `${lines}\n`));
    expect(trust.roots).toHaveLength(2);
    const bundle = parseBundle(readVector('container-images/cosign-oci-attestation.sigstore.json'));
    expect(verifyAttestationBundle(bundle, trust).signer.subjectAlternativeName).toBe('cody@soyland.com');
  });
});
