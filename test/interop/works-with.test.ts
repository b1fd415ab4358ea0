import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY_V2_BINARY } from '../lab/registry.js';
import { conformanceCases } from './conformance-cases.js';
import { peerVersion } from './peers.js';
import type { Peer } from './peers.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'docs', 'interop.md'), 'utf8');

/** The "Works with" table of docs/interop.md (pasted into README.md), row by row. */
function tableRows(): string[][] {
  const table = doc.slice(doc.indexOf('## Works with'), doc.indexOf('\n# '));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Tool') && !line.startsWith('| ---'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

function versionsOf(tool: string): string[] {
  return tableRows().filter(([name]) => name === tool).map(([, version]) => version!);
}

describe('the Works-with table names what the interop tests run', () => {
  it.each([
    ['cosign', 'cosign'],
    ['GitHub CLI (`gh`)', 'gh'],
    ['crane', 'crane'],
    ['distribution (`registry`)', 'registry'],
  ] as [string, Peer][])('%s at the version scripts/install-peers.sh built', (tool, peer) => {
    const versions = versionsOf(tool);
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) expect(version).toBe(peerVersion(peer));
  });

  it('distribution 2.8 at the version the lab runs', () => {
    const reported = execFileSync(REGISTRY_V2_BINARY, ['--version'], { encoding: 'utf8' });
    const [version] = versionsOf('distribution (`docker-registry`)');
    expect(reported).toContain(` ${version}+`);
  });

  it('the conformance row counts the cases there are', () => {
    expect(versionsOf('sigstore-conformance bundle-verify')).toEqual([`${conformanceCases.length} offline cases`]);
  });
});
