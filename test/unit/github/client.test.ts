import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubClient, parseRepository, type BundleJson } from '../../../src/github/client.js';
import { GitHubApiError } from '../../../src/github/errors.js';

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Responder = (request: Recorded, base: string) => Reply;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A GitHub API stand-in for this client's own tests: records requests, answers from a script. */
async function fakeGitHub(respond: Responder): Promise<{ base: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  let base = '';
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text === '' ? undefined : JSON.parse(text) };
    requests.push(recorded);
    const reply = respond(recorded, base);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, requests };
}

const BUNDLE: BundleJson = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial: {}, dsseEnvelope: { payload: 'e30=', payloadType: 'application/vnd.in-toto+json', signatures: [] } };
const DIGEST = `sha256:${'ef'.repeat(32)}`;
const REPO = { owner: 'acme', repo: 'app' };
const noSleep = (waits: number[] = []) => async (ms: number) => void waits.push(ms);

describe('storing an attestation', () => {
  it('posts the bundle to the repository with the token and API version, and returns the id', async () => {
    const gh = await fakeGitHub(() => ({ status: 201, body: { id: 4711 } }));
    const client = new GitHubClient({ token: 'ghs_job', baseUrl: gh.base });
    expect(await client.createAttestation(REPO, BUNDLE)).toBe(4711);
    expect(gh.requests).toHaveLength(1);
    const [request] = gh.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/repos/acme/app/attestations', body: { bundle: BUNDLE } });
    expect(request!.headers.authorization).toBe('Bearer ghs_job');
    expect(request!.headers['x-github-api-version']).toBe('2022-11-28');
    expect(request!.headers.accept).toBe('application/vnd.github+json');
  });

  it('says attestations are not available for the plan when GitHub answers 404', async () => {
    const gh = await fakeGitHub(() => ({ status: 404, body: { message: 'Not Found' } }));
    const error = (await new GitHubClient({ token: 't', baseUrl: gh.base }).createAttestation(REPO, BUNDLE).catch((e: unknown) => e)) as GitHubApiError;
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.message).toBe("GitHub refused the attestation for acme/app (404): attestations are not available for this repository's plan");
    expect(error.kind).toBe('plan-unavailable');
  });

  it('passes GitHub’s own plan message through, as it says for user-owned private repositories', async () => {
    const message = 'Feature not available for user-owned private repositories. To enable this feature, please make this repository public.';
    const gh = await fakeGitHub(() => ({ status: 403, body: { message, documentation_url: 'https://docs.github.com/rest/repos/attestations#create-an-attestation' } }));
    const error = (await new GitHubClient({ token: 't', baseUrl: gh.base }).createAttestation(REPO, BUNDLE).catch((e: unknown) => e)) as GitHubApiError;
    expect(error.kind).toBe('plan-unavailable');
    expect(error.message).toBe(`GitHub refused the attestation for acme/app (403): ${message}`);
  });

  it('names the missing attestations permission on a plain 403', async () => {
    const gh = await fakeGitHub(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    await expect(new GitHubClient({ token: 't', baseUrl: gh.base }).createAttestation(REPO, BUNDLE)).rejects.toThrow(
      'GitHub refused the attestation for acme/app (403): Resource not accessible by integration; the job needs `permissions: attestations: write`',
    );
  });

  it('refuses a bundle over 16 MiB without sending it', async () => {
    const gh = await fakeGitHub(() => ({ status: 201, body: { id: 1 } }));
    const huge = { ...BUNDLE, dsseEnvelope: { payload: 'A'.repeat(16 * 1024 * 1024), payloadType: 'application/vnd.in-toto+json', signatures: [] } };
    const error = (await new GitHubClient({ token: 't', baseUrl: gh.base }).createAttestation(REPO, huge).catch((e: unknown) => e)) as GitHubApiError;
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/^the attestation for acme\/app is \d+ bytes, over GitHub's 16\.0 MiB limit \(16777216 bytes\): store it in the registry only$/);
    expect(gh.requests).toHaveLength(0);
  });

  it('retries a server error and names GitHub with the try count when it persists', async () => {
    const gh = await fakeGitHub(() => ({ status: 502, body: { message: 'Server Error' } }));
    const waits: number[] = [];
    await expect(new GitHubClient({ token: 't', baseUrl: gh.base, sleep: noSleep(waits) }).createAttestation(REPO, BUNDLE)).rejects.toThrow(
      `GitHub API at ${gh.base} unreachable after 3 tries while storing the attestation for acme/app: HTTP 502 Server Error`,
    );
    expect(gh.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });
});

describe('rate limits', () => {
  it('waits for Retry-After and then succeeds', async () => {
    let calls = 0;
    const gh = await fakeGitHub(() => (++calls === 1 ? { status: 429, body: { message: 'secondary rate limit' }, headers: { 'retry-after': '2' } } : { status: 201, body: { id: 9 } }));
    const waits: number[] = [];
    expect(await new GitHubClient({ token: 't', baseUrl: gh.base, sleep: noSleep(waits) }).createAttestation(REPO, BUNDLE)).toBe(9);
    expect(waits).toEqual([2000]);
  });

  it('waits until x-ratelimit-reset when the primary limit is used up', async () => {
    let calls = 0;
    const reset = Math.floor(Date.now() / 1000) + 5;
    const gh = await fakeGitHub(() =>
      ++calls === 1
        ? { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }
        : { status: 201, body: { id: 10 } },
    );
    const waits: number[] = [];
    expect(await new GitHubClient({ token: 't', baseUrl: gh.base, sleep: noSleep(waits) }).createAttestation(REPO, BUNDLE)).toBe(10);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(3000);
    expect(waits[0]).toBeLessThanOrEqual(7000);
  });

  it('fails at once, naming the reset time, when the wait is longer than the cap', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const gh = await fakeGitHub(() => ({ status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }));
    const waits: number[] = [];
    const error = (await new GitHubClient({ token: 't', baseUrl: gh.base, sleep: noSleep(waits), maxRateLimitWaitMs: 60_000 }).createAttestation(REPO, BUNDLE).catch((e: unknown) => e)) as GitHubApiError;
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/^GitHub API rate limit exceeded while storing the attestation for acme\/app; it resets at \d{4}-\d\d-\d\dT/);
    expect(waits).toEqual([]);
    expect(gh.requests).toHaveLength(1);
  });

  it('gives up after a bounded number of waits', async () => {
    const gh = await fakeGitHub(() => ({ status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' } }));
    const waits: number[] = [];
    await expect(new GitHubClient({ token: 't', baseUrl: gh.base, sleep: noSleep(waits) }).createAttestation(REPO, BUNDLE)).rejects.toThrow('GitHub API rate limit exceeded');
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(gh.requests).toHaveLength(4);
  });
});

describe('listing attestations', () => {
  it('follows Link rel="next" through every page of a repository’s attestations', async () => {
    const gh = await fakeGitHub((request, base) => {
      if (request.url.includes('after=page2')) return { status: 200, body: { attestations: [{ bundle: BUNDLE, repository_id: 2 }] } };
      return {
        status: 200,
        body: { attestations: [{ bundle: BUNDLE, repository_id: 1, bundle_url: 'https://example/b1' }] },
        headers: { link: `<${base}/repos/acme/app/attestations/${DIGEST}?per_page=100&after=page2>; rel="next"` },
      };
    });
    const list = await new GitHubClient({ token: 't', baseUrl: gh.base }).listAttestations({ owner: 'acme', repo: 'app', digest: DIGEST, predicateType: 'provenance' });
    expect(list).toEqual([
      { bundle: BUNDLE, repositoryId: 1, bundleUrl: 'https://example/b1' },
      { bundle: BUNDLE, repositoryId: 2 },
    ]);
    expect(gh.requests.map((r) => r.url)).toEqual([`/repos/acme/app/attestations/${DIGEST}?per_page=100&predicate_type=provenance`, `/repos/acme/app/attestations/${DIGEST}?per_page=100&after=page2`]);
  });

  it('keeps an entry GitHub gives only as bundle_url', async () => {
    const gh = await fakeGitHub(() => ({ status: 200, body: { attestations: [{ bundle: null, bundle_url: 'https://tmp.example/bundle' }] } }));
    expect(await new GitHubClient({ token: 't', baseUrl: gh.base }).listAttestations({ owner: 'acme', repo: 'app', digest: DIGEST })).toEqual([{ bundleUrl: 'https://tmp.example/bundle' }]);
  });

  it('tries the owner as an organisation, then as a user', async () => {
    const gh = await fakeGitHub((request) => (request.url.startsWith('/orgs/') ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body: { attestations: [{ bundle: BUNDLE }] } }));
    const list = await new GitHubClient({ token: 't', baseUrl: gh.base }).listAttestations({ owner: 'octocat', digest: DIGEST });
    expect(list).toHaveLength(1);
    expect(gh.requests.map((r) => r.url.split('?')[0])).toEqual([`/orgs/octocat/attestations/${DIGEST}`, `/users/octocat/attestations/${DIGEST}`]);
  });

  it('never sends the token to another origin a Link header names', async () => {
    const gh = await fakeGitHub(() => ({ status: 200, body: { attestations: [] }, headers: { link: '<https://evil.example/next>; rel="next"' } }));
    await expect(new GitHubClient({ token: 't', baseUrl: gh.base }).listAttestations({ owner: 'acme', repo: 'app', digest: DIGEST })).rejects.toThrow(
      'GitHub sent a link to https://evil.example while listing attestations',
    );
    expect(gh.requests).toHaveLength(1);
  });

  it('refuses a digest that is not sha256 before asking', async () => {
    await expect(new GitHubClient({ token: 't', baseUrl: 'http://127.0.0.1:1' }).listAttestations({ owner: 'acme', repo: 'app', digest: 'latest' })).rejects.toThrow('"latest" is not a sha256:<64 hex> digest');
  });
});

describe('bulk listing', () => {
  it('posts the digests, follows page_info cursors and answers for every digest asked', async () => {
    const other = `sha256:${'01'.repeat(32)}`;
    const gh = await fakeGitHub((request) => {
      if (request.url.includes('after=c2')) return { status: 200, body: { attestations_subject_digests: { [DIGEST]: [{ bundle: BUNDLE, repository_id: 8 }] }, page_info: { has_next: false } } };
      return { status: 200, body: { attestations_subject_digests: { [DIGEST]: [{ bundle: BUNDLE, repository_id: 7 }], [other]: null }, page_info: { has_next: true, next: 'c2' } } };
    });
    const found = await new GitHubClient({ token: 't', baseUrl: gh.base }).bulkListAttestations('acme', [DIGEST, other, DIGEST], { ownerType: 'org', predicateType: 'sbom' });
    expect([...found.keys()]).toEqual([DIGEST, other]);
    expect(found.get(DIGEST)?.map((a) => a.repositoryId)).toEqual([7, 8]);
    expect(found.get(other)).toEqual([]);
    expect(gh.requests.map((r) => [r.method, r.url])).toEqual([
      ['POST', '/orgs/acme/attestations/bulk-list?per_page=100'],
      ['POST', '/orgs/acme/attestations/bulk-list?per_page=100&after=c2'],
    ]);
    expect(gh.requests[0]!.body).toEqual({ subject_digests: [DIGEST, other], predicate_type: 'sbom' });
  });

  it('splits more than 1024 digests into several requests', async () => {
    const gh = await fakeGitHub(() => ({ status: 200, body: { attestations_subject_digests: {}, page_info: { has_next: false } } }));
    const digests = Array.from({ length: 1030 }, (_, i) => `sha256:${i.toString(16).padStart(64, '0')}`);
    const found = await new GitHubClient({ token: 't', baseUrl: gh.base }).bulkListAttestations('acme', digests, { ownerType: 'user' });
    expect(found.size).toBe(1030);
    expect(gh.requests.map((r) => (r.body as { subject_digests: string[] }).subject_digests.length)).toEqual([1024, 6]);
    expect(gh.requests[0]!.url).toBe('/users/acme/attestations/bulk-list?per_page=100');
  });
});

describe('check runs and commit statuses', () => {
  it('sends 50 annotations with the check run and appends the rest by updating it', async () => {
    const gh = await fakeGitHub((request) => (request.method === 'POST' ? { status: 201, body: { id: 77, html_url: 'https://github.com/acme/app/runs/77' } } : { status: 200, body: { id: 77 } }));
    const annotations = Array.from({ length: 120 }, (_, i) => ({ path: 'k8s/app.yaml', start_line: i + 1, end_line: i + 1, annotation_level: 'failure' as const, message: `image ${i} unsigned` }));
    const run = await new GitHubClient({ token: 't', baseUrl: gh.base }).createCheckRun(REPO, {
      name: 'image-passport gate',
      head_sha: 'a'.repeat(40),
      status: 'completed',
      conclusion: 'failure',
      output: { title: '120 images refused', summary: 'see annotations', annotations },
    });
    expect(run).toEqual({ id: 77, htmlUrl: 'https://github.com/acme/app/runs/77' });
    expect(gh.requests.map((r) => [r.method, r.url, (r.body as { output: { annotations: unknown[] } }).output.annotations.length])).toEqual([
      ['POST', '/repos/acme/app/check-runs', 50],
      ['PATCH', '/repos/acme/app/check-runs/77', 50],
      ['PATCH', '/repos/acme/app/check-runs/77', 20],
    ]);
    expect((gh.requests[2]!.body as { output: { annotations: { start_line: number }[] } }).output.annotations[0]!.start_line).toBe(101);
  });

  it('names the checks permission when the check run is refused', async () => {
    const gh = await fakeGitHub(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    await expect(new GitHubClient({ token: 't', baseUrl: gh.base }).createCheckRun(REPO, { name: 'gate', head_sha: 'a'.repeat(40) })).rejects.toThrow(
      'GitHub refused the check run for acme/app (403): Resource not accessible by integration; the job needs `permissions: checks: write`',
    );
  });

  it('sets a commit status, cutting the description to GitHub’s 140 characters', async () => {
    const gh = await fakeGitHub(() => ({ status: 201, body: { id: 5 } }));
    const sha = 'b'.repeat(40);
    expect(await new GitHubClient({ token: 't', baseUrl: gh.base }).createCommitStatus(REPO, sha, { state: 'failure', context: 'image-passport', description: 'x'.repeat(300) })).toEqual({ id: 5 });
    expect(gh.requests[0]!.url).toBe(`/repos/acme/app/statuses/${sha}`);
    const description = (gh.requests[0]!.body as { description: string }).description;
    expect(description).toHaveLength(140);
    expect(description.endsWith('…')).toBe(true);
  });

  it('refuses a commit status for something that is not a commit SHA', async () => {
    await expect(new GitHubClient({ token: 't', baseUrl: 'http://127.0.0.1:1' }).createCommitStatus(REPO, 'main', { state: 'success' })).rejects.toThrow('"main" is not a 40-digit commit SHA');
  });
});

describe('configuration', () => {
  it('takes the API URL from GITHUB_API_URL, as on GHES', async () => {
    const gh = await fakeGitHub(() => ({ status: 201, body: { id: 3 } }));
    const client = GitHubClient.fromEnv('t', { GITHUB_API_URL: `${gh.base}/api/v3` });
    expect(client.baseUrl).toBe(`${gh.base}/api/v3`);
    await client.createAttestation(REPO, BUNDLE);
    expect(gh.requests[0]!.url).toBe('/api/v3/repos/acme/app/attestations');
  });

  it('defaults to api.github.com', () => {
    expect(GitHubClient.fromEnv('t', {}).baseUrl).toBe('https://api.github.com');
  });

  it('parses owner/name and refuses anything else', () => {
    expect(parseRepository('acme/app.js')).toEqual({ owner: 'acme', repo: 'app.js' });
    expect(() => parseRepository('acme')).toThrow('repository "acme" is not owner/name');
  });

  it('refuses an empty token with the input to set', () => {
    expect(() => new GitHubClient({ token: '' })).toThrow('no GitHub token');
  });
});
