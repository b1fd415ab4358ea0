import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { RegistryError } from './errors.js';
import { DOCKER_HUB } from './reference.js';

/** An identity token is an OAuth2 refresh token (`docker login` to some registries stores one). */
export type Credentials = { username: string; password: string } | { identityToken: string; username?: string };

export interface CredentialStoreOptions {
  /** Keyed by registry host (`ghcr.io`, `127.0.0.1:5000`, `docker.io`); wins over the Docker config. */
  explicit?: Record<string, Credentials>;
  /** Where `DOCKER_CONFIG`, `HOME` and the helpers' `PATH` come from. */
  env?: NodeJS.ProcessEnv;
  helperTimeoutMs?: number;
}

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

interface DockerConfig {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The key `docker login` writes for the Hub, and what its helpers are asked for. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);

/** Docker's ConvertToHostname: config keys may be URLs with scheme and path. */
function hostOfKey(key: string): string {
  return key.replace(/^https?:\/\//i, '').split('/')[0]?.toLowerCase() ?? '';
}

function sameRegistry(key: string, registry: string): boolean {
  const host = hostOfKey(key);
  const wanted = registry.toLowerCase();
  return host === wanted || (DOCKER_HUB_ALIASES.has(wanted) && DOCKER_HUB_ALIASES.has(host));
}

function helperServer(registry: string): string {
  return DOCKER_HUB_ALIASES.has(registry.toLowerCase()) ? DOCKER_HUB_SERVER : registry;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG ? path.join(env.DOCKER_CONFIG, 'config.json') : path.join(env.HOME || homedir(), '.docker', 'config.json');
}

export class CredentialStore {
  private readonly env: NodeJS.ProcessEnv;
  private readonly explicit: Record<string, Credentials>;
  private readonly helperTimeoutMs: number;
  private config: Promise<DockerConfig> | undefined;
  private readonly cache = new Map<string, Promise<Credentials | undefined>>();

  constructor(options: CredentialStoreOptions = {}) {
    this.env = options.env ?? process.env;
    this.explicit = options.explicit ?? {};
    this.helperTimeoutMs = options.helperTimeoutMs ?? 30_000;
  }

  get(registry: string): Promise<Credentials | undefined> {
    let found = this.cache.get(registry);
    if (!found) {
      found = this.lookup(registry);
      this.cache.set(registry, found);
      found.catch(() => this.cache.delete(registry));
    }
    return found;
  }

  private async lookup(registry: string): Promise<Credentials | undefined> {
    const explicitKey = Object.keys(this.explicit).find((key) => sameRegistry(key, registry));
    if (explicitKey !== undefined) return this.explicit[explicitKey];

    const config = await this.loadConfig(registry);
    const helperKey = Object.keys(config.credHelpers ?? {}).find((key) => sameRegistry(key, registry));
    const helper = helperKey !== undefined ? config.credHelpers?.[helperKey] : config.credsStore;
    if (helper) {
      const fromHelper = await this.askHelper(helper, registry, helperKey !== undefined ? 'credHelpers' : 'credsStore');
      if (fromHelper) return fromHelper;
    }
    const authKey = Object.keys(config.auths ?? {}).find((key) => sameRegistry(key, registry));
    return authKey !== undefined ? this.fromAuthEntry(registry, config.auths?.[authKey] ?? {}) : undefined;
  }

  private fail(registry: string, problem: string, hint?: string): RegistryError {
    return new RegistryError({ registry, operation: 'read credentials', code: 'CREDENTIALS', problem, ...(hint ? { hint } : {}) });
  }

  private loadConfig(registry: string): Promise<DockerConfig> {
    this.config ??= (async () => {
      const file = dockerConfigPath(this.env);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
        throw this.fail(registry, `cannot read ${file}: ${(error as Error).message}`);
      }
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        return parsed as DockerConfig;
      } catch {
        throw this.fail(registry, `${file} is not a JSON object`, 'fix or remove the file (docker login rewrites it)');
      }
    })();
    return this.config;
  }

  private fromAuthEntry(registry: string, entry: AuthEntry): Credentials | undefined {
    let username = entry.username;
    let password = entry.password;
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon === -1) {
        throw this.fail(registry, `the "auth" for ${registry} in ${dockerConfigPath(this.env)} is not base64 of user:password`, `run docker login ${registry}`);
      }
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
    if (entry.identitytoken) return username ? { identityToken: entry.identitytoken, username } : { identityToken: entry.identitytoken };
    if (username !== undefined && password !== undefined && username !== '') return { username, password };
    return undefined;
  }

  /** The credential-helper protocol: server URL on stdin, `{ServerURL, Username, Secret}` on stdout. */
  private askHelper(name: string, registry: string, source: string): Promise<Credentials | undefined> {
    const program = `docker-credential-${name}`;
    return new Promise((resolve, reject) => {
      const child = execFile(program, ['get'], { env: this.env, timeout: this.helperTimeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
        const said = `${stdout}${stderr}`.trim();
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') {
            reject(this.fail(registry, `credential helper ${program} (named by "${source}" in ${dockerConfigPath(this.env)}) is not on PATH`, `install it or remove "${source}" from the config`));
          } else if (/credentials not found/i.test(said)) {
            resolve(undefined);
          } else if (error.killed) {
            reject(this.fail(registry, `credential helper ${program} did not answer within ${this.helperTimeoutMs / 1000}s`));
          } else {
            reject(this.fail(registry, `credential helper ${program} failed: ${said.split('\n')[0] || error.message}`));
          }
          return;
        }
        try {
          const answer = JSON.parse(stdout) as { Username?: string; Secret?: string };
          if (typeof answer.Secret !== 'string' || answer.Secret === '') {
            resolve(undefined);
          } else if (answer.Username === '<token>') {
            resolve({ identityToken: answer.Secret });
          } else {
            resolve({ username: answer.Username ?? '', password: answer.Secret });
          }
        } catch {
          reject(this.fail(registry, `credential helper ${program} printed something that is not JSON`));
        }
      });
      child.stdin?.end(helperServer(registry));
    });
  }
}
