import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPolicyFile, parsePolicy } from '../../../src/policy/policy-file.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let docsExample = '';
let validate: (data: unknown) => boolean;

beforeAll(async () => {
  const docs = await readFile(path.join(repoRoot, 'docs/policy.md'), 'utf8');
  docsExample = /## Example\n\n```yaml\n([\s\S]*?)```/.exec(docs)![1]!;
  const schema = JSON.parse(await readFile(path.join(repoRoot, 'src/policy/schema.json'), 'utf8'));
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
});

describe('loadPolicyFile', () => {
  it('loads the example of docs/policy.md, which the shipped schema also accepts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'policy-'));
    const file = path.join(dir, 'image-policy.yaml');
    await writeFile(file, docsExample);
    const policy = await loadPolicyFile(file);
    expect(validate(parse(docsExample))).toBe(true);
    expect(policy).toEqual({
      version: 1,
      mode: 'enforce',
      trust: ['public-good', 'github'],
      source: file,
      rules: [
        {
          images: ['ghcr.io/acme/**'],
          signer: {
            issuer: 'https://token.actions.githubusercontent.com',
            workflow: { repository: 'acme/app', path: '.github/workflows/release.yml' },
            repository: 'acme/app',
            refs: ['refs/heads/main', 'refs/tags/v*'],
            repositoryId: '123456789',
            ownerId: '98765',
            runner: 'github-hosted',
            triggers: { deny: ['pull_request*'] },
          },
          require: [
            { name: 'provenance', predicateTypes: ['https://slsa.dev/provenance/v1'] },
            { name: 'sbom', predicateTypes: expect.arrayContaining(['https://spdx.dev/Document/v2.3', 'https://cyclonedx.org/bom']) },
          ],
          platforms: 'each',
        },
        {
          images: ['registry.acme.example/base/*', 'docker.io/acme/**'],
          signer: {
            issuer: 'https://token.actions.githubusercontent.com',
            workflow: { repository: 'acme/build-tools', path: '.github/workflows/image.yml', ref: 'refs/tags/v3' },
            owner: 'acme',
            refs: ['semver:>=3.0.0 <4'],
            runner: 'github-hosted',
            triggers: { allow: ['push', 'release'], deny: [] },
          },
          require: [{ name: 'provenance', predicateTypes: ['https://slsa.dev/provenance/v1'] }],
          platforms: 'index',
        },
      ],
    });
  });

  it('names a policy file that cannot be read', async () => {
    await expect(loadPolicyFile('/nonexistent/policy.yaml')).rejects.toThrow('policy: "/nonexistent/policy.yaml" cannot be read (ENOENT) — check the path');
  });

  it('applies the defaults: enforce, both public roots, provenance, index, GitHub issuer, hosted runners, no pull requests', () => {
    const policy = parsePolicy('version: 1\nrules:\n  - images: "**"\n    signer: {repository: acme/app}\n', 'p.yaml');
    expect(policy.mode).toBe('enforce');
    expect(policy.trust).toEqual(['public-good', 'github']);
    expect(policy.rules[0]).toEqual({
      images: ['**'],
      signer: { issuer: 'https://token.actions.githubusercontent.com', repository: 'acme/app', runner: 'github-hosted', triggers: { deny: ['pull_request*'] } },
      require: [{ name: 'provenance', predicateTypes: ['https://slsa.dev/provenance/v1'] }],
      platforms: 'index',
    });
  });

  it('adds denied triggers to the default, and takes a custom trusted root path', () => {
    const policy = parsePolicy('version: 1\ntrust: ./roots/trusted_root.json\nrules:\n  - images: "**"\n    signer:\n      owner: acme\n      triggers: {deny: [workflow_dispatch]}\n', 'p.yaml');
    expect(policy.trust).toEqual([{ path: './roots/trusted_root.json' }]);
    expect(policy.rules[0]!.signer.triggers).toEqual({ deny: ['pull_request*', 'workflow_dispatch'] });
  });

  const invalid: [string, string, RegExp][] = [
    ['bad YAML', 'version: 1\nrules:\n  - images: [a\n', /^p\.yaml:\d+:\d+: .+ — fix the YAML$/],
    ['no version', 'rules: []\n', /^p\.yaml:1:1: version: required — add "version: 1" at the top$/],
    ['another version', 'version: 2\nrules: []\n', /^p\.yaml:1:10: version: only version 1 exists/],
    ['unknown top-level key', 'version: 1\nrule: []\n', /^p\.yaml:2:1: rule: unknown key — the keys here are version, mode, trust, rules$/],
    ['no rules', 'version: 1\nrules: []\n', /^p\.yaml:2:8: rules: expected a list of at least one rule$/],
    ['bad mode', 'version: 1\nmode: warn\nrules:\n  - images: "**"\n    signer: {owner: acme}\n', /^p\.yaml:2:7: mode: "warn" is not one of enforce, audit$/],
    ['unknown signer key', 'version: 1\nrules:\n  - images: "**"\n    signer:\n      owner: acme\n      branch: main\n', /^p\.yaml:6:7: rules\[0\]\.signer\.branch: unknown key — the keys here are issuer, workflow/],
    ['wrong type', 'version: 1\nrules:\n  - images: "**"\n    signer:\n      repository: [acme/app]\n', /^p\.yaml:5:19: rules\[0\]\.signer\.repository: expected a string, found a list$/],
    ['short ref', 'version: 1\nrules:\n  - images: "**"\n    signer:\n      owner: acme\n      refs: [refs/heads/main, main]\n', /^p\.yaml:6:31: rules\[0\]\.signer\.refs: refs are full git refs: write refs\/heads\/main or refs\/tags\/main$/],
    ['image pattern with a tag', 'version: 1\nrules:\n  - images: ghcr.io/acme/app:1.0\n    signer: {owner: acme}\n', /^p\.yaml:3:13: rules\[0\]\.images: "ghcr\.io\/acme\/app:1\.0": image patterns match registry\/repository, without tag or digest/],
    ['no identity', 'version: 1\nrules:\n  - images: "**"\n    signer: {refs: [refs/heads/main]}\n', /^p\.yaml:4:13: rules\[0\]\.signer: names no signer: set workflow, repository or owner/],
    ['bad workflow', 'version: 1\nrules:\n  - images: "**"\n    signer: {workflow: acme/app/release.yml}\n', /^p\.yaml:4:24: rules\[0\]\.signer\.workflow: "acme\/app\/release\.yml" is not owner\/repo\/\.github\/workflows\/file\.yml/],
    ['bad runner', 'version: 1\nrules:\n  - images: "**"\n    signer: {owner: acme, runner: cloud}\n', /^p\.yaml:4:35: rules\[0\]\.signer\.runner: "cloud" is not one of github-hosted, self-hosted, any$/],
    ['bad platforms', 'version: 1\nrules:\n  - images: "**"\n    signer: {owner: acme}\n    platforms: all\n', /^p\.yaml:5:16: rules\[0\]\.platforms: "all" is not one of index, each, any$/],
    ['bad require', 'version: 1\nrules:\n  - images: "**"\n    signer: {owner: acme}\n    require: [provenance, vex]\n', /^p\.yaml:5:27: rules\[0\]\.require: "vex" is neither provenance, sbom, signature nor a predicate type URI$/],
    ['bad repository id', 'version: 1\nrules:\n  - images: "**"\n    signer: {owner: acme, repository-id: abc}\n', /^p\.yaml:4:42: rules\[0\]\.signer\.repository-id: "abc" is not a numeric id/],
    ['empty value', 'version: 1\nrules:\n  - images: "**"\n    signer:\n      owner:\n', /^p\.yaml:5:7: rules\[0\]\.signer\.owner: has no value$/],
    ['rule without signer', 'version: 1\nrules:\n  - images: "**"\n', /^p\.yaml:3:5: rules\[0\]\.signer: required/],
  ];

  it.each(invalid)('refuses %s with one line naming file:line and the field, as the schema does', (_name, text, message) => {
    let error: Error | undefined;
    try {
      parsePolicy(text, 'p.yaml');
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
    let data: unknown;
    try {
      data = parse(text);
    } catch {
      return;
    }
    expect(validate(data)).toBe(false);
  });
});
