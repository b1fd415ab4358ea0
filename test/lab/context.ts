import { inject } from 'vitest';
import type { FaultRule, ProxiedRequest } from './fault-proxy.js';
import type { GitHubApiConfig, RecordedRequest } from './github-api.js';
import type { Claims, Credentials, Identity, LabInfo, RegistryInfo } from './lab-info.js';

export type { Claims, Credentials, FaultRule, Identity, LabInfo, ProxiedRequest, RecordedRequest, RegistryInfo, GitHubApiConfig };

/** The lab the `lab` project's global setup started; only inside test files of that project. */
export function getLab(): LabInfo {
  const lab = inject('lab');
  if (!lab) throw new Error('no lab: run the test in the "lab" vitest project (node node_modules/vitest/vitest.mjs run --project lab …)');
  return lab;
}

async function labPost<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`lab ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A signed GitHub Actions ID token (default claims merged with `claims`), e.g. for `--identity-token`. */
export async function mintIdToken(claims: Claims = {}, audience = 'sigstore'): Promise<string> {
  const { token } = await labPost<{ token: string }>(`${getLab().github.oidcIssuer}/__lab/token`, { claims, audience });
  return token;
}

/** A fresh OIDC request handle bound to `claims`, so parallel test files never share one identity. */
export async function newIdentity(claims: Claims = {}): Promise<Identity> {
  return labPost<Identity>(`${getLab().github.oidcIssuer}/__lab/identities`, { claims });
}

/** Changes the claims later tokens of `identity` carry. */
export async function updateIdentity(identity: Identity, claims: Claims): Promise<Claims> {
  const { claims: merged } = await labPost<{ claims: Claims }>(`${getLab().github.oidcIssuer}/__lab/claims`, { claims }, { authorization: `Bearer ${identity.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` });
  return merged;
}

/** Requests the GitHub stand-in received, oldest first; `pathPrefix` (e.g. `/repos/acme/app`) and `since` (a `seq`) narrow them. */
export async function githubRequests(filter: { since?: number; pathPrefix?: string } = {}): Promise<RecordedRequest[]> {
  const url = new URL('/__lab/requests', getLab().github.apiUrl);
  if (filter.since) url.searchParams.set('since', String(filter.since));
  if (filter.pathPrefix) url.searchParams.set('path_prefix', filter.pathPrefix);
  const response = await fetch(url);
  return ((await response.json()) as { requests: RecordedRequest[] }).requests;
}

/** Per repository (`owner/repo`, or `*`): make attestation uploads answer 403/404 as on plans without the feature. */
export async function configureGitHub(config: GitHubApiConfig): Promise<void> {
  await labPost(`${getLab().github.apiUrl}/__lab/github-config`, config);
}

/** A registry bearer token for `scope` (e.g. `repository:lab/app:pull`), through the lab's token server. */
export async function registryToken(registry: RegistryInfo, scope: string, credentials: Credentials | null = getLab().credentials): Promise<string> {
  const url = new URL(registry.realm);
  url.searchParams.set('service', registry.service);
  url.searchParams.set('scope', scope);
  const headers: Record<string, string> = credentials ? { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` } : {};
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`lab token server answered ${response.status} for ${scope}`);
  return ((await response.json()) as { token: string }).token;
}

/** The workflow-step environment with a fresh identity (and optional claims), for running an action or the CLI. */
export async function workflowEnv(claims: Claims = {}, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return { ...getLab().env, ...(await newIdentity(claims)), ...extra };
}

/** Adds fault rules to the registry fault proxy (`getLab().faultProxy`); each rule names its repository. */
export async function addFaults(rules: FaultRule[]): Promise<void> {
  await labPost(`${getLab().faultProxy.url}/__lab/faults`, { rules });
}

/** The rules (with `hits` and `remaining`), the requests the proxy saw and those the blob storage saw, for one repository. */
export async function faultReport(repository: string): Promise<{
  rules: (FaultRule & { hits: number; remaining: number })[];
  requests: ProxiedRequest[];
  storageRequests: { path: string; authorization: boolean }[];
}> {
  const response = await fetch(`${getLab().faultProxy.url}/__lab/faults?repository=${encodeURIComponent(repository)}`);
  return (await response.json()) as Awaited<ReturnType<typeof faultReport>>;
}

export async function clearFaults(repository: string): Promise<void> {
  await fetch(`${getLab().faultProxy.url}/__lab/faults?repository=${encodeURIComponent(repository)}`, { method: 'DELETE' });
}
