import { afterEach, describe, expect, it } from 'vitest';
import { errorForStatus, RegistryError } from '../../../src/oci/errors.js';
import { isLoopbackHost, Transport } from '../../../src/oci/transport.js';
import { loopback, type Loopback } from './loopback.js';

const context = { registry: 'reg.test', repository: 'lab/app', operation: 'get manifest latest' };
const servers: Loopback[] = [];

async function serve(...args: Parameters<typeof loopback>): Promise<Loopback> {
  const server = await loopback(...args);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function gaps(server: Loopback): number[] {
  return server.arrivals.slice(1).map((arrival, i) => arrival.at - (server.arrivals[i]?.at ?? 0));
}

describe('plain HTTP or HTTPS', () => {
  it('speaks plain HTTP to localhost, 127.0.0.0/8 and [::1] only, and to listed insecure registries', () => {
    const transport = new Transport({ insecureRegistries: ['intranet.example:5000', 'lab.example'] });
    expect(transport.baseUrl('localhost')).toBe('http://localhost');
    expect(transport.baseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(transport.baseUrl('127.1.2.3:80')).toBe('http://127.1.2.3:80');
    expect(transport.baseUrl('[::1]:5000')).toBe('http://[::1]:5000');
    expect(transport.baseUrl('intranet.example:5000')).toBe('http://intranet.example:5000');
    expect(transport.baseUrl('intranet.example:5001')).toBe('https://intranet.example:5001');
    expect(transport.baseUrl('lab.example:443')).toBe('http://lab.example:443');
    expect(transport.baseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(transport.baseUrl('128.0.0.1:5000')).toBe('https://128.0.0.1:5000');
    expect(transport.baseUrl('localhost.example.com')).toBe('https://localhost.example.com');
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
  });

  it('sends Docker Hub requests to registry-1.docker.io', () => {
    expect(new Transport().baseUrl('docker.io')).toBe('https://registry-1.docker.io');
  });

  it('refuses plain HTTP to a host not allowed it, without sending anything', async () => {
    const error = await new Transport().request({ method: 'GET', url: 'http://registry.example/v2/' }, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('INSECURE');
  });
});

describe('retries', () => {
  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    const server = await serve((_req, res, _arrival, index) => {
      if (index === 0) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.end('ok');
    });
    const response = await new Transport({ retryBaseMs: 10 }).request({ method: 'GET', url: `http://${server.host}/v2/` }, context);
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    expect(await response.text()).toBe('ok');
    expect(gaps(server)[0]).toBeGreaterThanOrEqual(950);
  });

  it('backs off exponentially with jitter on 503, then succeeds', async () => {
    const server = await serve((_req, res, _arrival, index) => {
      if (index < 2) res.writeHead(503).end();
      else res.end('ok');
    });
    const response = await new Transport({ retryBaseMs: 200, random: () => 0 }).request({ method: 'GET', url: `http://${server.host}/v2/` }, context);
    expect(response.status).toBe(200);
    const [first, second] = gaps(server);
    // Equal jitter with random() = 0 waits half of each step: 100 ms, then 200 ms.
    expect(first).toBeGreaterThanOrEqual(95);
    expect(first).toBeLessThan(190);
    expect(second).toBeGreaterThanOrEqual(195);
    expect(second).toBeLessThan(390);
  });

  it('stops after maxRetries and reports the status and the attempts in one line', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'backend\ndown' }] }));
    });
    const response = await new Transport({ maxRetries: 2, retryBaseMs: 5 }).request({ method: 'GET', url: `http://${server.host}/v2/` }, context);
    expect(response.status).toBe(502);
    expect(server.arrivals).toHaveLength(3);
    const error = errorForStatus(context, { status: response.status, body: await response.text(), attempts: response.attempts });
    expect(error.message).toBe('get manifest latest on reg.test/lab/app failed (HTTP 502): UNAVAILABLE backend down; the registry failed, gave up after 3 attempts; retry later');
  });

  it('does not wait for a Retry-After beyond its limit', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' }).end();
    });
    const started = Date.now();
    const response = await new Transport().request({ method: 'GET', url: `http://${server.host}/v2/` }, context);
    expect(response.status).toBe(429);
    expect(response.retryAfterSeconds).toBe(3600);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errorForStatus(context, { status: 429, retryAfterSeconds: 3600 }).message).toContain('the registry asked to wait 3600s');
  });

  it('retries a GET whose connection was reset', async () => {
    const server = await serve((req, res, _arrival, index) => {
      if (index === 0) req.socket.destroy();
      else res.end('ok');
    });
    const response = await new Transport({ retryBaseMs: 5 }).request({ method: 'GET', url: `http://${server.host}/v2/` }, context);
    expect(response.status).toBe(200);
    expect(server.arrivals).toHaveLength(2);
  });

  it('does not resend a PATCH whose connection was reset', async () => {
    const server = await serve((req) => {
      req.socket.destroy();
    });
    const error = await new Transport({ retryBaseMs: 5 })
      .request({ method: 'PATCH', url: `http://${server.host}/v2/lab/app/blobs/uploads/x`, body: Buffer.from('chunk') }, context)
      .catch((e: unknown) => e);
    expect((error as RegistryError).code).toBe('CONNECTION_RESET');
    expect(server.arrivals).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('gives up on a registry that never answers', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    const error = await new Transport({ timeoutMs: 300 }).request({ method: 'GET', url: `http://${server.host}/v2/` }, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('TIMEOUT');
    expect((error as Error).message).toBe(`get manifest latest on reg.test/lab/app failed (no HTTP response): no response from http://${server.host} within 0.3s`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a body that stalls', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    const response = await new Transport({ timeoutMs: 300 }).request({ method: 'GET', url: `http://${server.host}/blob` }, context);
    await expect(response.bytes(1000)).rejects.toThrow('stalled for 0.3s');
  });

  it('does not count time the consumer spends between reads', async () => {
    const server = await serve((_req, res) => {
      res.write('a'.repeat(100_000));
      setTimeout(() => res.end('b'), 50);
    });
    const response = await new Transport({ timeoutMs: 300 }).request({ method: 'GET', url: `http://${server.host}/blob` }, context);
    const stream = response.stream();
    let total = 0;
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(total).toBe(100_001);
  });
});

describe('redirects', () => {
  it('follows a redirect to another host without the Authorization header', async () => {
    const storage = await serve((_req, res) => {
      res.end('blob-bytes');
    });
    const registry = await serve((_req, res) => {
      // "localhost" is a different host from 127.0.0.1, as a storage bucket is from the registry.
      res.writeHead(307, { location: `http://localhost:${storage.port}/bucket/blob?sig=abc` }).end();
    });
    const response = await new Transport().request(
      { method: 'GET', url: `http://${registry.host}/v2/lab/app/blobs/sha256:x`, headers: { authorization: 'Bearer secret-token' } },
      context,
    );
    expect(await response.text()).toBe('blob-bytes');
    expect(registry.arrivals[0]?.headers.authorization).toBe('Bearer secret-token');
    expect(storage.arrivals).toHaveLength(1);
    expect(storage.arrivals[0]?.url).toBe('/bucket/blob?sig=abc');
    expect(storage.arrivals[0]?.headers.authorization).toBeUndefined();
  });

  it('keeps the Authorization header on a redirect within the same origin', async () => {
    const registry = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else res.end('moved');
    });
    await (await new Transport().request({ method: 'GET', url: `http://${registry.host}/old`, headers: { authorization: 'Bearer t' } }, context)).discard();
    expect(registry.arrivals.map((a) => [a.url, a.headers.authorization])).toEqual([
      ['/old', 'Bearer t'],
      ['/new', 'Bearer t'],
    ]);
  });

  it('stops a redirect loop', async () => {
    const registry = await serve((_req, res) => {
      res.writeHead(302, { location: '/again' }).end();
    });
    await expect(new Transport({ maxRedirects: 3 }).request({ method: 'GET', url: `http://${registry.host}/` }, context)).rejects.toThrow('more than 3 redirects');
    expect(registry.arrivals).toHaveLength(4);
  });
});

describe('unreachable registries', () => {
  it('names a TLS failure and suggests the insecure list when a registry speaks plain HTTP', async () => {
    const server = await serve((_req, res) => {
      res.end('plain');
    });
    const error = await new Transport().request({ method: 'GET', url: `https://${server.host}/v2/` }, context).catch((e: unknown) => e);
    expect((error as RegistryError).code).toBe('TLS');
    expect((error as Error).message).toMatch(/TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed \(ERR_SSL_[A-Z_]+\); if reg\.test serves plain HTTP, list it as an insecure registry$/);
  });

  it('says the registry is unreachable when the connection is refused', async () => {
    const server = await serve(() => undefined);
    const port = server.port;
    await server.close();
    servers.pop();
    const error = await new Transport().request({ method: 'GET', url: `http://127.0.0.1:${port}/v2/` }, context).catch((e: unknown) => e);
    expect((error as RegistryError).code).toBe('UNREACHABLE');
    expect((error as Error).message).toContain(`registry unreachable: connection refused at http://127.0.0.1:${port}`);
  });
});
