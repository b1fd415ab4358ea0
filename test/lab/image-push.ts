import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface PushTarget {
  url: string;
  realm: string;
  service: string;
  username: string;
  password: string;
}

export interface Blob {
  digest: string;
  /** Either the bytes or a file holding them. */
  bytes?: Buffer;
  path?: string;
}

export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A minimal pusher with the registry's token flow, independent of src/oci so the lab never tests the client with itself. */
export class LabPusher {
  private readonly tokens = new Map<string, string>();
  /** Where each blob was uploaded first, so later repositories mount it instead of uploading it again. */
  private readonly homes = new Map<string, string>();

  constructor(private readonly target: PushTarget) {}

  private async token(repository: string, mountFrom?: string): Promise<string> {
    const key = `${repository} ${mountFrom ?? ''}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const url = new URL(this.target.realm);
    url.searchParams.set('service', this.target.service);
    url.searchParams.append('scope', `repository:${repository}:pull,push`);
    if (mountFrom) url.searchParams.append('scope', `repository:${mountFrom}:pull`);
    const basic = Buffer.from(`${this.target.username}:${this.target.password}`).toString('base64');
    const response = await fetch(url, { headers: { authorization: `Basic ${basic}` } });
    if (!response.ok) throw new Error(`lab token server answered ${response.status} for ${repository}`);
    const { token } = (await response.json()) as { token: string };
    this.tokens.set(key, token);
    return token;
  }

  private async request(repository: string, method: string, url: string, init: { body?: Buffer; headers?: Record<string, string>; mountFrom?: string } = {}): Promise<Response> {
    const token = await this.token(repository, init.mountFrom);
    return fetch(url, { method, body: init.body, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  }

  async pushBlob(repository: string, blob: Blob): Promise<void> {
    const base = `${this.target.url}/v2/${repository}/blobs`;
    const head = await this.request(repository, 'HEAD', `${base}/${blob.digest}`);
    if (head.ok) return;
    const home = this.homes.get(blob.digest);
    const mountQuery = home ? `?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(home)}` : '';
    const start = await this.request(repository, 'POST', `${base}/uploads/${mountQuery}`, { mountFrom: home });
    await start.arrayBuffer();
    if (start.status === 201) return;
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) throw new Error(`upload to ${repository} did not start: ${start.status}`);
    const upload = new URL(location, this.target.url);
    upload.searchParams.set('digest', blob.digest);
    const bytes = blob.bytes ?? (await readFile(blob.path ?? ''));
    const put = await this.request(repository, 'PUT', upload.href, { body: bytes, headers: { 'content-type': 'application/octet-stream' } });
    if (put.status !== 201) throw new Error(`blob ${blob.digest} upload to ${repository} failed: ${put.status} ${await put.text()}`);
    this.homes.set(blob.digest, repository);
  }

  async putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const response = await this.request(repository, 'PUT', `${this.target.url}/v2/${repository}/manifests/${reference}`, { body: bytes, headers: { 'content-type': mediaType } });
    if (response.status !== 201) throw new Error(`manifest ${repository}:${reference} was refused: ${response.status} ${await response.text()}`);
    const digest = digestOf(bytes);
    const returned = response.headers.get('docker-content-digest');
    if (returned && returned !== digest) throw new Error(`registry computed ${returned} for ${repository}:${reference}, expected ${digest}`);
    return digest;
  }
}
