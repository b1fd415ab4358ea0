import { describe, expect, it } from 'vitest';
import { toJsonReport } from '../../../src/report/json-report.js';
import { BAD_DIGEST, GOOD_DIGEST, gateResult, signer } from './gate-results.js';

describe('toJsonReport', () => {
  it('has exactly the documented shape, locations without columns', () => {
    const report = toJsonReport(gateResult('enforce'));
    expect(Object.keys(report)).toEqual(['result', 'images']);
    expect(report.result).toBe('fail');
    expect(report.images.map((image) => Object.keys(image))).toEqual([
      ['ref', 'digest', 'locations', 'result', 'signer', 'evidence', 'reasons'],
      ['ref', 'digest', 'locations', 'result', 'signer', 'evidence', 'reasons'],
    ]);
    expect(report.images[0]).toEqual({
      ref: 'ghcr.io/acme/app:1.2.3',
      digest: GOOD_DIGEST,
      locations: [{ file: 'k8s/app.yaml', line: 21 }],
      result: 'pass',
      signer: signer(),
      evidence: [{ predicateType: 'https://slsa.dev/provenance/v1', source: 'referrers' }],
      reasons: [],
    });
    expect(report.images[1]).toMatchObject({
      digest: BAD_DIGEST,
      locations: [
        { file: 'k8s/worker.yaml', line: 30 },
        { file: 'k8s/cron.yaml', line: 14 },
      ],
      result: 'fail',
      evidence: [],
      reasons: [{ code: 'signer-workflow', rule: 1, field: 'signer.workflow' }],
    });
  });

  it('writes null for an image that could not be resolved or has no signer, and survives JSON', () => {
    const result = gateResult('enforce');
    const worker = result.images[1]!;
    const unresolved = { ref: worker.ref, locations: worker.locations, result: worker.result, evidence: [], reasons: worker.reasons };
    const report = toJsonReport({ ...result, images: [unresolved] });
    expect(report.images[0]!.digest).toBeNull();
    expect(report.images[0]!.signer).toBeNull();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
