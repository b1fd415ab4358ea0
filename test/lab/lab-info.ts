import type { Claims, Identity } from './github-oidc.js';
import type { ImageContents, LabImage, LabImageName, LabLayer, LayerName } from './images.js';

export type { Claims, Identity, ImageContents, LabImage, LabImageName, LabLayer, LayerName };

export interface Credentials {
  username: string;
  password: string;
}

export interface RegistryInfo {
  /** `127.0.0.1:PORT`: the registry part of image references. */
  host: string;
  url: string;
  /** Token audience the registry checks (`service` in its `WWW-Authenticate` challenge). */
  service: string;
  /** `http://localhost:PORT/token` */
  realm: string;
  /** 'distribution-2.8' or 'distribution-3'. */
  flavour: string;
  /** OCI 1.1 referrers API served; false means the `sha256-<hex>` tag fallback applies. */
  hasReferrersApi: boolean;
  images: Record<LabImageName, LabImage>;
}

/** Everything a test or script needs to reach the lab; plain JSON (it crosses vitest's provide/inject and lab.json). */
export interface LabInfo {
  id: string;
  repoRoot: string;
  cacheDir: string;
  /** `<cache>/lab/lab.json`, this object as written at start. */
  labFile: string;
  registry: RegistryInfo;
  /** Distribution v3 with the same token auth, when `~/.cache/image-passport/bin/registry` exists. */
  registryV3: RegistryInfo | null;
  /**
   * A proxy in front of `registry` (same storage, same token auth) that injects faults per repository:
   * 429/5xx, connection resets, corrupted bodies, blob redirects to `storageUrl` (another host). See fault-proxy.ts.
   */
  faultProxy: { host: string; url: string; storageUrl: string };
  /** Pull, push and delete on every repository of both registries. */
  credentials: Credentials;
  /** Pull only. */
  readOnlyCredentials: Credentials;
  tokenServer: { realm: string; issuer: string };
  /** A DOCKER_CONFIG folder whose config.json has `auths` with `credentials` for both registries. */
  dockerConfigDir: string;
  /** tsaURL is the full timestamp endpoint; signingConfigPath is a SigningConfig v0.2 naming these services (cosign 3 `--signing-config`). */
  sigstore: { url: string; fulcioURL: string; rekorURL: string; tsaURL: string; ctlogURL: string; trustedRootPath: string; signingConfigPath: string };
  github: {
    oidcIssuer: string;
    jwksUri: string;
    apiUrl: string;
    serverUrl: string;
    token: string;
    defaultClaims: Claims;
    defaultIdentity: Identity;
  };
  /** Same as `registry.images`. */
  images: Record<LabImageName, LabImage>;
  layers: Record<LayerName, LabLayer>;
  contents: ImageContents;
  /** What a workflow step would see (GitHub variables, OIDC request, DOCKER_CONFIG, trusted root, sigstore URLs, images). */
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabInfo;
  }
}
