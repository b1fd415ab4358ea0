import { describe, expect, it } from 'vitest';
import { annotationsFor } from '../../../src/report/annotations.js';
import { denialMessages, renderDenials } from '../../../src/report/denial-message.js';
import { gateResult, passingResult } from './gate-results.js';

describe('denialMessages', () => {
  it('reads image (file:line): reason — fix, as the issue shows', () => {
    const worker = gateResult('enforce').images[1]!;
    const one = { ...worker, locations: worker.locations.slice(0, 1) };
    expect(denialMessages(one)).toEqual([
      'ghcr.io/acme/worker:2.0 (k8s/worker.yaml:30): signed by acme/app/.github/workflows/test.yml@refs/heads/feature; the policy wants acme/app/.github/workflows/release.yml on refs/heads/main or refs/tags/v* — sign with acme/app/.github/workflows/release.yml, or change signer.workflow if that workflow is trusted',
    ]);
  });

  it('lists every place the image is written', () => {
    expect(denialMessages(gateResult('enforce').images[1]!)[0]).toMatch(/^ghcr\.io\/acme\/worker:2\.0 \(k8s\/worker\.yaml:30, k8s\/cron\.yaml:14\): signed by /);
  });

  it('is empty for a passing image', () => {
    expect(denialMessages(passingResult().images[0]!)).toEqual([]);
  });
});

describe('renderDenials', () => {
  it('gives the denial lines of every denied image and nothing for passing ones', () => {
    const result = gateResult('enforce');
    expect(renderDenials(result)).toEqual(denialMessages(result.images[1]!));
    expect(renderDenials(passingResult())).toEqual([]);
  });
});

describe('annotationsFor', () => {
  it('gives one annotation per location of each denied image, none for passing images', () => {
    const annotations = annotationsFor(gateResult('enforce'));
    expect(annotations.map(({ file, line, column }) => [file, line, column])).toEqual([
      ['k8s/worker.yaml', 30, 18],
      ['k8s/cron.yaml', 14, 22],
    ]);
    expect(annotations[0]!.title).toBe('image-passport: ghcr.io/acme/worker:2.0 denied');
    expect(annotations[0]!.message).toBe(
      'ghcr.io/acme/worker:2.0: signed by acme/app/.github/workflows/test.yml@refs/heads/feature; the policy wants acme/app/.github/workflows/release.yml on refs/heads/main or refs/tags/v* — sign with acme/app/.github/workflows/release.yml, or change signer.workflow if that workflow is trusted',
    );
    expect(annotationsFor(passingResult())).toEqual([]);
  });
});
