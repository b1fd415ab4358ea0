import { readFile } from 'node:fs/promises';
import { GitHubClient, parseRepository } from '../github/client.js';
import { GitHubApiError } from '../github/errors.js';
import { renderCheckRun, renderCommitStatus } from '../report/check-run.js';
import type { GateResult } from '../report/gate-result.js';

const CHECK_NAME = 'image-passport gate';

/**
 * Reports the verdict on the pull request's head commit (not the merge commit GITHUB_SHA names), so
 * the gate can be a required check. Without `checks: write` it falls back to a commit status.
 */
export async function postPullRequestCheck(result: GateResult, token: string, env: NodeJS.ProcessEnv): Promise<string> {
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) throw new Error('pr-check needs GITHUB_REPOSITORY, which GitHub Actions sets');
  const sha = (await headShaOf(env.GITHUB_EVENT_PATH)) ?? env.GITHUB_SHA;
  if (!sha) throw new Error('pr-check found no commit: neither the pull request event nor GITHUB_SHA names one');
  const github = GitHubClient.fromEnv(token, env);
  const repo = parseRepository(repository);
  try {
    const run = await github.createCheckRun(repo, { ...renderCheckRun(result, { name: CHECK_NAME }), head_sha: sha });
    return `posted check run ${run.id} on ${sha}`;
  } catch (error) {
    if (!(error instanceof GitHubApiError) || error.status !== 403) throw error;
    await github.createCommitStatus(repo, sha, renderCommitStatus(result));
    return `posted a commit status on ${sha} (the token lacks checks: write for a check run)`;
  }
}

async function headShaOf(eventPath: string | undefined): Promise<string | undefined> {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(await readFile(eventPath, 'utf8')) as { pull_request?: { head?: { sha?: string } } };
    return event.pull_request?.head?.sha;
  } catch {
    return undefined;
  }
}
