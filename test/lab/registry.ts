import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { freePort, LOOPBACK, waitUntil } from './net.js';
import { peerBinary } from './cache.js';

export const REGISTRY_V2_BINARY = '/usr/bin/docker-registry';
export const REGISTRY_V3_BINARY = peerBinary('registry');

export interface TokenAuthority {
  realm: string;
  issuer: string;
  rootCertificatePem: string;
}

export interface RegistryOptions {
  tokenAuthority: TokenAuthority;
  /** The token audience; the token server must sign for it. */
  service: string;
  /** Credentials used once at start to probe for the referrers API. */
  probeCredentials: { username: string; password: string };
  binary?: string;
}

export interface RegistryInstance {
  /** `127.0.0.1:PORT`, the registry part of an image reference. */
  host: string;
  url: string;
  service: string;
  realm: string;
  /** 'distribution-2.8' (docker-registry) or 'distribution-3' (v3 `registry`). */
  flavour: string;
  /** Whether `GET /v2/<name>/referrers/<digest>` is served (OCI 1.1); false means the tag-schema fallback applies. */
  hasReferrersApi: boolean;
  storageDir: string;
  logFile: string;
  stop(): Promise<void>;
}

function registryConfig(options: RegistryOptions, port: number, storageDir: string, certPath: string): string {
  return stringify({
    version: 0.1,
    log: { level: 'warn', accesslog: { disabled: true }, formatter: 'text' },
    storage: {
      filesystem: { rootdirectory: storageDir },
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: false } },
    },
    http: { addr: `${LOOPBACK}:${port}`, secret: `lab-${port}-${Date.now()}`, headers: { 'X-Content-Type-Options': ['nosniff'] } },
    auth: {
      token: {
        realm: options.tokenAuthority.realm,
        service: options.service,
        issuer: options.tokenAuthority.issuer,
        rootcertbundle: certPath,
      },
    },
  });
}

async function probeReferrersApi(url: string, options: RegistryOptions): Promise<boolean> {
  const repository = 'lab/referrers-probe';
  const tokenUrl = new URL(options.tokenAuthority.realm);
  tokenUrl.searchParams.set('service', options.service);
  tokenUrl.searchParams.set('scope', `repository:${repository}:pull`);
  const basic = Buffer.from(`${options.probeCredentials.username}:${options.probeCredentials.password}`).toString('base64');
  const tokenResponse = await fetch(tokenUrl, { headers: { authorization: `Basic ${basic}` } });
  if (!tokenResponse.ok) throw new Error(`token server answered ${tokenResponse.status} while probing the registry`);
  const { token } = (await tokenResponse.json()) as { token: string };
  const response = await fetch(`${url}/v2/${repository}/referrers/sha256:${'0'.repeat(64)}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.oci.image.index.v1+json' },
  });
  const body = await response.text();
  if (!response.ok) return false;
  try {
    return (JSON.parse(body) as { manifests?: unknown }).manifests !== undefined;
  } catch {
    return false;
  }
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startRegistry(options: RegistryOptions): Promise<RegistryInstance> {
  const binary = options.binary ?? REGISTRY_V2_BINARY;
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: install it with "apt-get install -y docker-registry"`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'image-passport-registry-'));
  const storageDir = path.join(dir, 'storage');
  const certPath = path.join(dir, 'token-root.pem');
  const configPath = path.join(dir, 'config.yml');
  const logFile = path.join(dir, 'registry.log');
  const port = await freePort();
  await writeFile(certPath, options.tokenAuthority.rootCertificatePem);
  await writeFile(configPath, registryConfig(options, port, storageDir, certPath));

  const logFd = openSync(logFile, 'a');
  const child = spawn(binary, ['serve', configPath], { stdio: ['ignore', logFd, logFd], env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  closeSync(logFd);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const url = `http://${LOOPBACK}:${port}`;
  const stop = async (): Promise<void> => {
    if (!exited) {
      child.kill('SIGTERM');
      await waitForExit(child, 5000);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitUntil(`registry ${binary} on ${url}`, async () => {
      if (exited) {
        const log = await readFile(logFile, 'utf8').catch(() => '');
        throw new Error(`exited early: ${log.trim().split('\n').slice(-5).join(' | ')}`);
      }
      const response = await fetch(`${url}/v2/`);
      await response.arrayBuffer();
      return response.status === 401;
    });
    const hasReferrersApi = await probeReferrersApi(url, options);
    return {
      host: `${LOOPBACK}:${port}`,
      url,
      service: options.service,
      realm: options.tokenAuthority.realm,
      flavour: binary === REGISTRY_V2_BINARY ? 'distribution-2.8' : 'distribution-3',
      hasReferrersApi,
      storageDir,
      logFile,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Distribution v3 is optional (built with `go install`); null when it is not on this machine. */
export async function startRegistryV3(options: Omit<RegistryOptions, 'binary'>): Promise<RegistryInstance | null> {
  if (!existsSync(REGISTRY_V3_BINARY)) return null;
  return startRegistry({ ...options, binary: REGISTRY_V3_BINARY });
}
