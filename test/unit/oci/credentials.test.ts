import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialStore, dockerConfigPath } from '../../../src/oci/credentials.js';
import { RegistryError } from '../../../src/oci/errors.js';

let dir: string;
let binDir: string;
let configDir: string;

// Answers for two servers, says "not found" for the rest, logs every server URL it was asked for.
const HELPER = `#!/bin/sh
read -r server
echo "$server" >> "$(dirname "$0")/asked.log"
case "$server" in
  helper.example) printf '{"ServerURL":"helper.example","Username":"helper-user","Secret":"helper-secret"}' ;;
  token.example) printf '{"ServerURL":"token.example","Username":"<token>","Secret":"refresh-123"}' ;;
  https://index.docker.io/v1/) printf '{"ServerURL":"https://index.docker.io/v1/","Username":"hub-user","Secret":"hub-secret"}' ;;
  broken.example) echo "keychain locked" >&2; exit 3 ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
`;

async function writeConfig(config: unknown): Promise<void> {
  await writeFile(path.join(configDir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
}

function store(extra: Partial<ConstructorParameters<typeof CredentialStore>[0]> = {}): CredentialStore {
  return new CredentialStore({ env: { DOCKER_CONFIG: configDir, PATH: `${binDir}:/usr/bin:/bin` }, ...extra });
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'oci-credentials-'));
  binDir = path.join(dir, 'bin');
  configDir = path.join(dir, 'docker');
  await mkdir(binDir);
  await mkdir(configDir);
  await writeFile(path.join(binDir, 'docker-credential-lab'), HELPER);
  await chmod(path.join(binDir, 'docker-credential-lab'), 0o755);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dockerConfigPath', () => {
  it('uses $DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/cfg' })).toBe('/cfg/config.json');
    expect(dockerConfigPath({ HOME: '/home/u' })).toBe('/home/u/.docker/config.json');
  });
});

describe('CredentialStore reads auths', () => {
  it('decodes base64 auth, keyed by host whatever URL form the key has', async () => {
    await writeConfig({
      auths: {
        'https://registry.example/v2/': { auth: b64('alice:s3cr:et') },
        '127.0.0.1:5000': { username: 'bob', password: 'pw' },
      },
    });
    const credentials = store();
    expect(await credentials.get('registry.example')).toEqual({ username: 'alice', password: 's3cr:et' });
    expect(await credentials.get('127.0.0.1:5000')).toEqual({ username: 'bob', password: 'pw' });
    expect(await credentials.get('127.0.0.1:5001')).toBeUndefined();
    expect(await credentials.get('other.example')).toBeUndefined();
  });

  it('finds Docker Hub credentials under the https://index.docker.io/v1/ key docker login writes', async () => {
    await writeConfig({ auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } } });
    expect(await store().get('docker.io')).toEqual({ username: 'hub', password: 'pw' });
  });

  it('returns an identity token as such', async () => {
    await writeConfig({ auths: { 'acr.example': { auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh-xyz' } } });
    expect(await store().get('acr.example')).toEqual({ identityToken: 'refresh-xyz', username: '00000000-0000-0000-0000-000000000000' });
  });

  it('treats a missing config file as no credentials', async () => {
    expect(await store().get('registry.example')).toBeUndefined();
  });

  it('fails with one line naming the file when config.json is not JSON', async () => {
    await writeConfig('{ not json');
    const error = await store().get('registry.example').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toContain(path.join(configDir, 'config.json'));
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects an auth entry that is not user:password', async () => {
    await writeConfig({ auths: { 'registry.example': { auth: b64('no-colon') } } });
    await expect(store().get('registry.example')).rejects.toThrow('is not base64 of user:password');
  });
});

describe('CredentialStore asks credential helpers', () => {
  it('uses credHelpers for its host only, passing the host on stdin', async () => {
    await writeConfig({ credHelpers: { 'helper.example': 'lab' }, auths: { 'other.example': { auth: b64('o:p') } } });
    const credentials = store();
    expect(await credentials.get('helper.example')).toEqual({ username: 'helper-user', password: 'helper-secret' });
    expect(await credentials.get('other.example')).toEqual({ username: 'o', password: 'p' });
    expect((await readFile(path.join(binDir, 'asked.log'), 'utf8')).trim().split('\n')).toEqual(['helper.example']);
  });

  it('maps Username "<token>" to an identity token', async () => {
    await writeConfig({ credsStore: 'lab' });
    expect(await store().get('token.example')).toEqual({ identityToken: 'refresh-123' });
  });

  it('asks a credsStore for every host and the Hub by its index URL', async () => {
    await writeConfig({ credsStore: 'lab' });
    expect(await store().get('docker.io')).toEqual({ username: 'hub-user', password: 'hub-secret' });
    expect(await readFile(path.join(binDir, 'asked.log'), 'utf8')).toBe('https://index.docker.io/v1/\n');
  });

  it('falls back to auths when the store has nothing for the host', async () => {
    await writeConfig({ credsStore: 'lab', auths: { 'plain.example': { auth: b64('u:p') } } });
    expect(await store().get('plain.example')).toEqual({ username: 'u', password: 'p' });
    expect(await store().get('nothing.example')).toBeUndefined();
  });

  it('asks the helper once per host', async () => {
    await writeConfig({ credsStore: 'lab' });
    const credentials = store();
    await Promise.all([credentials.get('helper.example'), credentials.get('helper.example'), credentials.get('helper.example')]);
    expect(await readFile(path.join(binDir, 'asked.log'), 'utf8')).toBe('helper.example\n');
  });

  it('reports a helper that is not on PATH', async () => {
    await writeConfig({ credsStore: 'missing' });
    await expect(store().get('x.example')).rejects.toThrow('credential helper docker-credential-missing (named by "credsStore"');
  });

  it('reports a failing helper with its message', async () => {
    await writeConfig({ credHelpers: { 'broken.example': 'lab' } });
    await expect(store().get('broken.example')).rejects.toThrow('credential helper docker-credential-lab failed: keychain locked');
  });
});

describe('explicit credentials', () => {
  it('win over the Docker config and stay with their host', async () => {
    await writeConfig({ credsStore: 'lab' });
    const credentials = store({ explicit: { 'helper.example': { username: 'given', password: 'given-pw' } } });
    expect(await credentials.get('helper.example')).toEqual({ username: 'given', password: 'given-pw' });
    expect(await credentials.get('nothing.example')).toBeUndefined();
  });
});
