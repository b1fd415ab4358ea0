import { readFile } from 'node:fs/promises';
import { AttestError } from './errors.js';

export type SigstoreInstance = 'public-good' | 'github' | 'custom';

export interface SigningEndpoints {
  instance: SigstoreInstance;
  fulcioURL: string;
  rekorURL?: string;
  tsaURL?: string;
}

export interface EndpointChoice {
  /** `repository.visibility` of the workflow's event payload. */
  visibility?: string | undefined;
  /** GITHUB_SERVER_URL; GHES and GHE.com have their own Fulcio and TSA. */
  serverURL?: string | undefined;
  fulcioURL?: string | undefined;
  rekorURL?: string | undefined;
  tsaURL?: string | undefined;
}

export const PUBLIC_GOOD_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const PUBLIC_GOOD_REKOR_URL = 'https://rekor.sigstore.dev';

/**
 * Public repositories sign on the public-good instance (Fulcio + Rekor); everything else on GitHub's
 * (Fulcio + TSA), because a private repository's names must not land in a public log. This is the
 * choice @actions/attest makes, so bundles verify with the same `gh attestation verify` roots.
 * Explicit URLs replace the choice entirely: mixing a self-hosted Fulcio with a default log would
 * produce bundles no single trusted root verifies.
 */
export function chooseSigningEndpoints(choice: EndpointChoice): SigningEndpoints {
  const fulcioURL = normalise('fulcio-url', choice.fulcioURL);
  const rekorURL = normalise('rekor-url', choice.rekorURL);
  const tsaURL = normalise('tsa-url', choice.tsaURL);
  if (fulcioURL !== undefined || rekorURL !== undefined || tsaURL !== undefined) {
    if (fulcioURL === undefined) {
      throw new AttestError('endpoint-invalid', 'rekor-url and tsa-url need fulcio-url too: set the Fulcio of the same Sigstore instance');
    }
    if (rekorURL === undefined && tsaURL === undefined) {
      throw new AttestError('endpoint-invalid', 'fulcio-url needs rekor-url or tsa-url: a short-lived certificate only verifies with a log entry or a timestamp');
    }
    return { instance: 'custom', fulcioURL, ...(rekorURL && { rekorURL }), ...(tsaURL && { tsaURL }) };
  }
  if (choice.visibility === 'public') {
    return { instance: 'public-good', fulcioURL: PUBLIC_GOOD_FULCIO_URL, rekorURL: PUBLIC_GOOD_REKOR_URL };
  }
  const host = githubHost(choice.serverURL);
  return { instance: 'github', fulcioURL: `https://fulcio.${host}`, tsaURL: `https://timestamp.${host}` };
}

function githubHost(serverURL: string | undefined): string {
  if (serverURL === undefined || serverURL === '') return 'githubapp.com';
  let host: string;
  try {
    host = new URL(serverURL).hostname;
  } catch {
    throw new AttestError('endpoint-invalid', `GITHUB_SERVER_URL "${serverURL}" is not a URL`);
  }
  return host === 'github.com' ? 'githubapp.com' : host;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain HTTP is only accepted on loopback, where a local Sigstore (or the lab) runs. */
function normalise(input: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new AttestError('endpoint-invalid', `${input} "${value}" is not a URL`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new AttestError('endpoint-invalid', `${input} ${value} must use https (plain http is accepted only for localhost)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AttestError('endpoint-invalid', `${input} ${value} must be an https URL`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new AttestError('endpoint-invalid', `${input} ${value} must not carry a query or fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The visibility @actions/github would read from the event payload; undefined when there is none. */
export async function readRepositoryVisibility(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const path = env['GITHUB_EVENT_PATH'];
  if (path === undefined || path === '') return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AttestError('invalid-input', `GITHUB_EVENT_PATH ${path} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const repository = (payload as { repository?: { visibility?: unknown } } | null)?.repository;
  return typeof repository?.visibility === 'string' ? repository.visibility : undefined;
}
