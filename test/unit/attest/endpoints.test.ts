import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseSigningEndpoints, readRepositoryVisibility } from '../../../src/attest/endpoints.js';
import { timestampEndpoint } from '../../../src/attest/sign.js';

describe('choice of Sigstore instance', () => {
  it('signs public repositories on public-good Fulcio and Rekor', () => {
    expect(chooseSigningEndpoints({ visibility: 'public', serverURL: 'https://github.com' })).toEqual({
      instance: 'public-good',
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev',
    });
  });

  it.each(['private', 'internal', undefined])('signs %s repositories on GitHub Fulcio and TSA, never in the public log', (visibility) => {
    expect(chooseSigningEndpoints({ visibility, serverURL: 'https://github.com' })).toEqual({
      instance: 'github',
      fulcioURL: 'https://fulcio.githubapp.com',
      tsaURL: 'https://timestamp.githubapp.com',
    });
  });

  it('uses the GHE.com or GHES host for GitHub’s instance, as @actions/attest does', () => {
    expect(chooseSigningEndpoints({ visibility: 'private', serverURL: 'https://acme.ghe.com' })).toMatchObject({
      fulcioURL: 'https://fulcio.acme.ghe.com',
      tsaURL: 'https://timestamp.acme.ghe.com',
    });
  });

  it('replaces the choice entirely with explicit URLs, even for a public repository', () => {
    expect(
      chooseSigningEndpoints({ visibility: 'public', fulcioURL: 'https://fulcio.example.com/', rekorURL: 'https://rekor.example.com', tsaURL: 'https://tsa.example.com/api/v1/timestamp' }),
    ).toEqual({ instance: 'custom', fulcioURL: 'https://fulcio.example.com', rekorURL: 'https://rekor.example.com', tsaURL: 'https://tsa.example.com/api/v1/timestamp' });
  });

  it('accepts plain http only on loopback', () => {
    expect(chooseSigningEndpoints({ fulcioURL: 'http://127.0.0.1:4000/fulcio', tsaURL: 'http://localhost:4000/tsa' })).toEqual({
      instance: 'custom',
      fulcioURL: 'http://127.0.0.1:4000/fulcio',
      tsaURL: 'http://localhost:4000/tsa',
    });
    expect(() => chooseSigningEndpoints({ fulcioURL: 'http://fulcio.example.com', rekorURL: 'https://rekor.example.com' })).toThrow(
      'fulcio-url http://fulcio.example.com must use https (plain http is accepted only for localhost)',
    );
  });

  it('refuses a log or TSA without the Fulcio of the same instance', () => {
    expect(() => chooseSigningEndpoints({ rekorURL: 'https://rekor.example.com' })).toThrow('rekor-url and tsa-url need fulcio-url too');
  });

  it('refuses a Fulcio with nothing to witness its short-lived certificates', () => {
    expect(() => chooseSigningEndpoints({ fulcioURL: 'https://fulcio.example.com' })).toThrow('fulcio-url needs rekor-url or tsa-url');
  });

  it('refuses a URL that does not parse, naming the input', () => {
    expect(() => chooseSigningEndpoints({ fulcioURL: 'fulcio', rekorURL: 'https://rekor.example.com' })).toThrow('fulcio-url "fulcio" is not a URL');
  });

  it('ignores empty inputs, as an unset action input arrives', () => {
    expect(chooseSigningEndpoints({ visibility: 'public', fulcioURL: '', rekorURL: ' ', tsaURL: '' }).instance).toBe('public-good');
  });
});

describe('TSA endpoint', () => {
  it('completes a base URL, with or without a path prefix, to the timestamp-authority API', () => {
    expect(timestampEndpoint('https://timestamp.githubapp.com')).toBe('https://timestamp.githubapp.com/api/v1/timestamp');
    expect(timestampEndpoint('http://127.0.0.1:4000/tsa')).toBe('http://127.0.0.1:4000/tsa/api/v1/timestamp');
    expect(timestampEndpoint('https://tsa.example.com/api/v1/timestamp')).toBe('https://tsa.example.com/api/v1/timestamp');
  });
});

describe('repository visibility', () => {
  it('reads repository.visibility from the event payload', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'visibility-'));
    const path = join(dir, 'event.json');
    await writeFile(path, JSON.stringify({ repository: { full_name: 'acme/app', visibility: 'internal' } }));
    expect(await readRepositoryVisibility({ GITHUB_EVENT_PATH: path })).toBe('internal');
  });

  it('is unknown without an event payload, which selects GitHub’s instance', async () => {
    expect(await readRepositoryVisibility({})).toBeUndefined();
  });

  it('names an unreadable event payload', async () => {
    await expect(readRepositoryVisibility({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).rejects.toThrow('GITHUB_EVENT_PATH /nonexistent/event.json is not readable JSON');
  });
});
