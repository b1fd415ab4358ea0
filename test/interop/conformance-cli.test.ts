import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../integration/cli-run.js';
import type { CliResult } from '../integration/cli-run.js';
import { conformanceCases, verifyBundleArgs } from './conformance-cases.js';

type Input = 'artifact' | 'digest';

/** A trusted root that cannot be used is a configuration error (exit 2), not a verdict on the bundle (exit 1). */
const CONFIGURATION_ERRORS: Record<string, RegExp> = {
  'trust-root-tlog-missing-validity-start_fail': /has no publicKey\.validFor\.start/,
};

/**
 * One process per case, given the artifact. A digest instead changes only how message signatures are
 * checked (the signature over a pre-hashed digest), so these cases run a second time with --digest.
 */
const DIGEST_CASES = ['happy-path-v0.3', 'managed-key-happy-path', 'rekor2-happy-path', 'message-digest-mismatch_fail', 'wrong-material_fail', 'happy-path-intoto-in-dsse-v3'];

const PARALLEL = 3;

async function runAll(jobs: (() => Promise<void>)[]): Promise<void> {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  }));
}

describe('image-passport verify-bundle against sigstore-conformance bundle-verify', () => {
  const results = new Map<string, CliResult>();

  beforeAll(async () => {
    const jobs = conformanceCases.flatMap((name) =>
      (DIGEST_CASES.includes(name) ? (['artifact', 'digest'] as Input[]) : (['artifact'] as Input[])).map((input) => async () => {
        results.set(`${name} ${input}`, await runCli(verifyBundleArgs(name, input), {}));
      }),
    );
    await runAll(jobs);
  }, 600_000);

  it('covers every case of the vectors', () => {
    expect(conformanceCases).toHaveLength(70);
    expect(DIGEST_CASES.filter((name) => !conformanceCases.includes(name))).toEqual([]);
  });

  for (const input of ['artifact', 'digest'] as Input[]) {
    describe(`given --${input}`, () => {
      for (const name of input === 'artifact' ? conformanceCases : DIGEST_CASES) {
        if (!name.endsWith('_fail')) {
          it(`${name} verifies (exit 0)`, () => {
            const result = results.get(`${name} ${input}`)!;
            expect(result.exitCode, result.stderr).toBe(0);
            expect(result.stderr).toContain('verified ');
          });
        } else if (name in CONFIGURATION_ERRORS) {
          it(`${name} is refused as a configuration error (exit 2)`, () => {
            const result = results.get(`${name} ${input}`)!;
            expect(result.exitCode, result.stderr).toBe(2);
            expect(result.stderr).toMatch(CONFIGURATION_ERRORS[name]!);
          });
        } else {
          it(`${name} is rejected (exit 1) with one line`, () => {
            const result = results.get(`${name} ${input}`)!;
            expect(result.exitCode, result.stderr).toBe(1);
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect(result.stderr).toMatch(/^image-passport: /);
          });
        }
      }
    });
  }
});
