import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { startFaultProxy } from './fault-proxy.js';
import { startGitHubApi, type GitHubApi } from './github-api.js';
import { startGitHubOidc, type GitHubOidc } from './github-oidc.js';
import { buildLabLayers, cacheRoot, pushLabImages, repoRoot, type LabImageName, type LabImage } from './images.js';
import { randomId } from './jwt.js';
import type { Credentials, LabInfo, RegistryInfo } from './lab-info.js';
import { startRegistry, startRegistryV3, type RegistryInstance } from './registry.js';
import { startSigstore, type SigstoreLab } from './sigstore.js';
import { startTokenServer, type TokenServer } from './token-server.js';

export interface Lab {
  info: LabInfo;
  oidc: GitHubOidc;
  githubApi: GitHubApi;
  tokenServer: TokenServer;
  sigstore: SigstoreLab;
  stop(): Promise<void>;
}

const SERVICE_V2 = 'image-passport-lab-registry';
const SERVICE_V3 = 'image-passport-lab-registry-v3';

function dockerConfig(credentials: Credentials, hosts: string[]): string {
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  return `${JSON.stringify({ auths: Object.fromEntries(hosts.map((host) => [host, { auth }])) }, null, 2)}\n`;
}

function workflowEnv(info: Omit<LabInfo, 'env'>): Record<string, string> {
  const claims = info.github.defaultClaims;
  const s = (key: string) => String(claims[key] ?? '');
  const ref = s('ref');
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    ...info.github.defaultIdentity,
    GITHUB_API_URL: info.github.apiUrl,
    GITHUB_SERVER_URL: info.github.serverUrl,
    GITHUB_TOKEN: info.github.token,
    GITHUB_REPOSITORY: s('repository'),
    GITHUB_REPOSITORY_ID: s('repository_id'),
    GITHUB_REPOSITORY_OWNER: s('repository_owner'),
    GITHUB_REPOSITORY_OWNER_ID: s('repository_owner_id'),
    GITHUB_SHA: s('sha'),
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: s('ref_type'),
    GITHUB_WORKFLOW: s('workflow'),
    GITHUB_WORKFLOW_REF: s('workflow_ref'),
    GITHUB_WORKFLOW_SHA: s('workflow_sha'),
    GITHUB_EVENT_NAME: s('event_name'),
    GITHUB_RUN_ID: s('run_id'),
    GITHUB_RUN_NUMBER: s('run_number'),
    GITHUB_RUN_ATTEMPT: s('run_attempt'),
    GITHUB_ACTOR: s('actor'),
    GITHUB_ACTOR_ID: s('actor_id'),
    GITHUB_JOB: 'release',
    RUNNER_ENVIRONMENT: s('runner_environment'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    DOCKER_CONFIG: info.dockerConfigDir,
    IMAGE_PASSPORT_TRUSTED_ROOT: info.sigstore.trustedRootPath,
    IMAGE_PASSPORT_SIGNING_CONFIG: info.sigstore.signingConfigPath,
    IMAGE_PASSPORT_OIDC_ISSUER: info.github.oidcIssuer,
    IMAGE_PASSPORT_FULCIO_URL: info.sigstore.fulcioURL,
    IMAGE_PASSPORT_REKOR_URL: info.sigstore.rekorURL,
    IMAGE_PASSPORT_TSA_URL: info.sigstore.tsaURL,
    LAB_FILE: info.labFile,
    LAB_REGISTRY: info.registry.host,
    LAB_REGISTRY_USERNAME: info.credentials.username,
    LAB_REGISTRY_PASSWORD: info.credentials.password,
  };
  if (info.registryV3) env.LAB_REGISTRY_V3 = info.registryV3.host;
  env.LAB_FAULT_PROXY = info.faultProxy.host;
  for (const [name, image] of Object.entries(info.images) as [LabImageName, LabImage][]) {
    env[`LAB_IMAGE_${name.toUpperCase()}`] = image.reference;
    env[`LAB_IMAGE_${name.toUpperCase()}_DIGEST`] = image.digest;
  }
  return env;
}

/** Starts the whole lab on 127.0.0.1; a failure part-way stops what had started. */
export async function startLab(options: { cacheDir?: string } = {}): Promise<Lab> {
  const cacheDir = options.cacheDir ?? cacheRoot();
  const id = randomId(6);
  const workDir = await mkdtemp(path.join(tmpdir(), 'image-passport-lab-'));
  const stops: (() => Promise<void>)[] = [() => rm(workDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const credentials = { username: 'lab-user', password: `pw-${randomId(12)}` };
    const readOnlyCredentials = { username: 'lab-reader', password: `pw-${randomId(12)}` };
    const builtPromise = buildLabLayers(cacheDir);

    const tokenServer = await startTokenServer({
      services: [SERVICE_V2, SERVICE_V3],
      users: {
        [credentials.username]: { password: credentials.password, grants: [{ prefix: '', actions: ['*'] }] },
        [readOnlyCredentials.username]: { password: readOnlyCredentials.password, grants: [{ prefix: '', actions: ['pull'] }] },
      },
    });
    stops.push(() => tokenServer.close());
    const registryOptions = { tokenAuthority: tokenServer, probeCredentials: credentials };
    const registry = await startRegistry({ ...registryOptions, service: SERVICE_V2 });
    stops.push(() => registry.stop());
    const faultProxy = await startFaultProxy({
      host: registry.host,
      pullToken: async (repository) => {
        const url = new URL(tokenServer.realm);
        url.searchParams.set('service', SERVICE_V2);
        url.searchParams.set('scope', `repository:${repository}:pull`);
        const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
        return ((await (await fetch(url, { headers: { authorization: `Basic ${basic}` } })).json()) as { token: string }).token;
      },
    });
    stops.push(() => faultProxy.close());
    const registryV3 = await startRegistryV3({ ...registryOptions, service: SERVICE_V3 });
    if (registryV3) stops.push(() => registryV3.stop());

    const oidc = await startGitHubOidc();
    stops.push(() => oidc.close());
    const trustedRootPath = path.join(workDir, 'trusted_root.json');
    const signingConfigPath = path.join(workDir, 'signing_config.json');
    const sigstore = await startSigstore({ trustedRootPath, signingConfigPath, verifyIdentityToken: async (token) => oidc.verifyIdToken(token, 'sigstore') });
    stops.push(() => sigstore.close());
    // As GitHub does, accept bundles witnessed by the tlog or by the TSA alone.
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(sigstore.trustedRoot)), { tlogThreshold: 0, ctlogThreshold: 1, timestampThreshold: 1 });
    const githubApi = await startGitHubApi({
      repositoryIds: { [String(oidc.defaultClaims.repository)]: Number(oidc.defaultClaims.repository_id) },
      verifyBundle: async (bundle) => {
        verifier.verify(toSignedEntity(bundleFromJSON(bundle)));
      },
    });
    stops.push(() => githubApi.close());

    const built = await builtPromise;
    const push = async (instance: RegistryInstance): Promise<RegistryInfo> => ({
      host: instance.host,
      url: instance.url,
      service: instance.service,
      realm: instance.realm,
      flavour: instance.flavour,
      hasReferrersApi: instance.hasReferrersApi,
      images: await pushLabImages({ ...instance, ...credentials }, built),
    });
    const [registryInfo, registryV3Info] = await Promise.all([push(registry), registryV3 ? push(registryV3) : null]);

    const dockerConfigDir = path.join(workDir, 'docker');
    await mkdir(dockerConfigDir, { recursive: true });
    const authHosts = [registryInfo.host, faultProxy.host, ...(registryV3Info ? [registryV3Info.host] : [])];
    await writeFile(path.join(dockerConfigDir, 'config.json'), dockerConfig(credentials, authHosts));

    // A second lab (npm run lab beside a test run) can write its own file instead of replacing this one.
    const labFile = process.env.IMAGE_PASSPORT_LAB_FILE ?? path.join(cacheDir, 'lab', 'lab.json');
    const partial: Omit<LabInfo, 'env'> = {
      id,
      repoRoot: repoRoot(),
      cacheDir,
      labFile,
      registry: registryInfo,
      registryV3: registryV3Info,
      faultProxy: { host: faultProxy.host, url: faultProxy.url, storageUrl: faultProxy.storageUrl },
      credentials,
      readOnlyCredentials,
      tokenServer: { realm: tokenServer.realm, issuer: tokenServer.issuer },
      dockerConfigDir,
      sigstore: { url: sigstore.url, fulcioURL: sigstore.fulcioURL, rekorURL: sigstore.rekorURL, tsaURL: sigstore.tsaURL, ctlogURL: sigstore.ctlogURL, trustedRootPath, signingConfigPath },
      github: {
        oidcIssuer: oidc.issuer,
        jwksUri: oidc.jwksUri,
        apiUrl: githubApi.url,
        serverUrl: 'https://github.com',
        token: githubApi.token,
        defaultClaims: oidc.defaultClaims,
        defaultIdentity: oidc.defaultIdentity,
      },
      images: registryInfo.images,
      layers: built.layers,
      contents: built.contents,
    };
    const info: LabInfo = { ...partial, env: workflowEnv(partial) };
    await mkdir(path.dirname(labFile), { recursive: true });
    await writeFile(labFile, `${JSON.stringify(info, null, 2)}\n`);
    stops.splice(1, 0, () => rm(labFile, { force: true }));
    return { info, oidc, githubApi, tokenServer, sigstore, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
