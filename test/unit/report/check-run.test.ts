import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCheckRun, renderCommitStatus } from '../../../src/report/check-run.js';
import { renderTable } from '../../../src/report/summary.js';
import { gateResult, passingResult } from './gate-results.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let validCheckRun: (body: unknown) => boolean;
let validStatus: (body: unknown) => boolean;

beforeAll(async () => {
  const api = JSON.parse(await readFile(path.join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.json'), 'utf8'));
  const body = (route: string) => api.paths[route].post.requestBody.content['application/json'].schema;
  const ajv = new Ajv({ strict: false, validateFormats: false });
  validCheckRun = ajv.compile(body('/repos/{owner}/{repo}/check-runs'));
  validStatus = ajv.compile(body('/repos/{owner}/{repo}/statuses/{sha}'));
});

describe('renderCheckRun', () => {
  it('fails the check in enforce mode, with the table and an annotation per denied location', () => {
    const result = gateResult('enforce');
    const body = renderCheckRun(result, { name: 'image-passport gate' });
    expect(body).toMatchObject({ name: 'image-passport gate', status: 'completed', conclusion: 'failure' });
    expect(body.output.title).toBe('❌ failed: 2 images: 1 passed, 1 denied.');
    expect(body.output.text).toBe(renderTable(result));
    expect(body.output.summary).toContain('Policy from the action inputs, mode enforce');
    expect(body.output.annotations.map((annotation) => [annotation.path, annotation.start_line, annotation.annotation_level])).toEqual([
      ['k8s/worker.yaml', 30, 'failure'],
      ['k8s/cron.yaml', 14, 'failure'],
    ]);
    expect(validCheckRun({ ...body, head_sha: 'f'.repeat(40) })).toBe(true);
  });

  it('is neutral with warnings in audit mode, and success when every image passes', () => {
    const audit = renderCheckRun(gateResult('audit'), { name: 'gate' });
    expect(audit.conclusion).toBe('neutral');
    expect(audit.output.annotations.every((annotation) => annotation.annotation_level === 'warning')).toBe(true);
    const pass = renderCheckRun(passingResult(), { name: 'gate' });
    expect(pass.conclusion).toBe('success');
    expect(pass.output.annotations).toEqual([]);
    expect(validCheckRun({ ...audit, head_sha: 'f'.repeat(40) })).toBe(true);
  });

  it('reads denials from the images, so an audit run reported as pass is still neutral', () => {
    expect(renderCheckRun({ ...gateResult('audit'), result: 'pass' }, { name: 'gate' }).conclusion).toBe('neutral');
    expect(renderCommitStatus({ ...gateResult('audit'), result: 'pass' }).description).toMatch(/^1 of 2 images denied \(audit mode, not enforced\)/);
  });

  it('keeps within GitHub limits: 50 annotations and 65535 characters', () => {
    const result = gateResult('enforce');
    const worker = result.images[1]!;
    const many = Array.from({ length: 400 }, (_, index) => ({ ...worker, ref: `ghcr.io/acme/worker-${index}:2.0`, locations: [{ file: 'k8s/many.yaml', line: index + 1, column: 5 }] }));
    const body = renderCheckRun({ ...result, images: many }, { name: 'gate' });
    expect(body.output.annotations).toHaveLength(50);
    expect(body.output.text.length).toBeLessThanOrEqual(65_535);
    expect(body.output.text).toMatch(/… truncated: the full report is in the job summary and the report output\.$/);
  });
});

describe('renderCommitStatus', () => {
  it('reports failure naming a denied image, within 140 characters', () => {
    const status = renderCommitStatus(gateResult('enforce'));
    expect(status).toEqual({ state: 'failure', description: '1 of 2 images denied: ghcr.io/acme/worker:2.0', context: 'image-passport/gate' });
    expect(validStatus(status)).toBe(true);
  });

  it('reports success in audit mode, saying the denial is not enforced, and success when all pass', () => {
    expect(renderCommitStatus(gateResult('audit'), { context: 'deploy/gate' })).toEqual({
      state: 'success',
      description: '1 of 2 images denied (audit mode, not enforced): ghcr.io/acme/worker:2.0',
      context: 'deploy/gate',
    });
    expect(renderCommitStatus(passingResult()).description).toBe('1 of 1 image verified');
  });

  it('cuts a long description to 140 characters', () => {
    const result = gateResult('enforce');
    result.images[1]!.ref = `ghcr.io/acme/${'x'.repeat(200)}:1`;
    const description = renderCommitStatus(result).description;
    expect(description).toHaveLength(140);
    expect(description.endsWith('…')).toBe(true);
  });
});
