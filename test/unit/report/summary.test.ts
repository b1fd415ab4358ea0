import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../src/report/summary.js';
import { BAD_DIGEST, GOOD_DIGEST, gateResult, passingResult, signer } from './gate-results.js';

const tableRows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Image') && !line.startsWith('| ---'));
const cells = (row: string) => row.slice(2, -2).split(/(?<!\\) \| /);

describe('renderSummary', () => {
  it('states the verdict and the policy in plain words, then a row per image', () => {
    const markdown = renderSummary(gateResult('enforce'));
    expect(markdown.startsWith('## image-passport gate: ❌ failed\n\n2 images: 1 passed, 1 denied.\n\n```text\nPolicy from the action inputs, mode enforce')).toBe(true);
    expect(markdown).toContain('| Image | Digest | Signer | Evidence | Verdict | Reason |');
    const rows = tableRows(markdown).map(cells);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      'ghcr.io/acme/app:1.2.3<br>k8s/app.yaml:21',
      GOOD_DIGEST,
      'acme/app/.github/workflows/release.yml@refs/heads/main',
      'SLSA provenance v1 (referrers)',
      '✅ pass',
      '',
    ]);
    expect(rows[1]!.slice(0, 5)).toEqual([
      'ghcr.io/acme/worker:2.0<br>k8s/worker.yaml:30<br>k8s/cron.yaml:14',
      BAD_DIGEST,
      'acme/app/.github/workflows/test.yml@refs/heads/feature',
      'none',
      '❌ fail',
    ]);
    expect(rows[1]![5]).toMatch(/^signed by acme\/app\/\.github\/workflows\/test\.yml@refs\/heads\/feature; the policy wants .+ — sign with/);
  });

  it('marks denials in audit mode as not enforced', () => {
    const markdown = renderSummary({ ...gateResult('audit'), result: 'pass' });
    expect(markdown).toMatch(/^## image-passport gate: ⚠️ denials found \(audit mode: not enforced\)/);
    expect(tableRows(markdown).map(cells)[1]![4]).toBe('⚠️ fail (audit)');
  });

  it('passes', () => {
    expect(renderSummary(passingResult())).toMatch(/^## image-passport gate: ✅ passed\n\n1 image: 1 passed, 0 denied\./);
  });

  it('escapes pipes, newlines and HTML from certificate fields so a signer cannot break the table', () => {
    const hostile = signer({ buildSignerUri: 'https://github.com/acme/app/.github/workflows/x|y.yml@refs/heads/a\n| fake | row |<img src=x>', sourceRepositoryRef: 'refs/heads/a' });
    const markdown = renderSummary(gateResult('enforce', hostile));
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(2);
    expect(cells(rows[1]!)).toHaveLength(6);
    expect(markdown).not.toContain('<img');
    expect(cells(rows[1]!)[2]).toBe('acme/app/.github/workflows/x\\|y.yml@refs/heads/a \\| fake \\| row \\|&lt;img src=x&gt; on refs/heads/a');
  });
});
