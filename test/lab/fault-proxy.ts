import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen, readBody, sendJson } from './net.js';

/**
 * A fault to inject for one repository's requests (`/v2/<repository>/…`); rules never touch another
 * repository, so parallel test files each use their own.
 */
export interface FaultRule {
  repository: string;
  /** Only requests with this method (GET, HEAD, PUT, POST, PATCH, DELETE). */
  method?: string;
  /** Only requests whose path after `/v2/<repository>/` starts with this, e.g. `manifests/` or `blobs/sha256:`. */
  pathStartsWith?: string;
  /**
   * status: answer `status` (429, 500, 502, 503…) with a registry error body and `Retry-After` if given;
   * reset: destroy the connection without an answer; corrupt: pass the request on but flip one byte of the body;
   * redirect: answer 307 to the lab's blob storage on another host (`localhost:…`), which serves the blob;
   * delay: wait `delayMs` before passing the request on.
   */
  action: 'status' | 'reset' | 'corrupt' | 'redirect' | 'delay';
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  /** How many matching requests the rule applies to; default 1, 0 = every one. */
  times?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** Whether an Authorization header came with it (its value is never recorded). */
  authorization: boolean;
  status: number;
  fault: FaultRule['action'] | null;
}

export interface FaultProxy {
  /** `127.0.0.1:PORT`: use it as the registry part of references to go through the proxy. */
  host: string;
  url: string;
  /** Where `redirect` sends blob downloads; a different host name, so credentials must not follow. */
  storageUrl: string;
  close(): Promise<void>;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  hits: number;
}

function repositoryOf(path: string): { repository: string; rest: string } | null {
  const match = /^\/v2\/(.+?)\/(manifests|blobs|tags|referrers)\/(.*)$/.exec(path);
  if (!match?.[1]) return null;
  return { repository: match[1], rest: `${match[2]}/${match[3] ?? ''}` };
}

/** Sits in front of the real registry and, on request, misbehaves the ways registries do. */
export async function startFaultProxy(upstream: { host: string; pullToken: (repository: string) => Promise<string> }): Promise<FaultProxy> {
  const [upstreamHost, upstreamPort] = upstream.host.split(':');
  const rules: ActiveRule[] = [];
  const log = new Map<string, ProxiedRequest[]>();
  const storageLog = new Map<string, { path: string; authorization: boolean }[]>();

  const forward = (req: IncomingMessage, res: ServerResponse, corrupt: boolean, record: ProxiedRequest): void => {
    const outgoing = httpRequest({ host: upstreamHost, port: Number(upstreamPort), method: req.method, path: req.url, headers: req.headers }, (answer) => {
      record.status = answer.statusCode ?? 0;
      if (!corrupt) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.length > 0) body.writeUInt8(body.readUInt8(body.length - 1) ^ 0x01, body.length - 1);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(body);
      });
    });
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  };

  const storage = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/blobs\/(.+)\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
    if (!match?.[1] || !match[2]) return sendJson(res, 404, { message: 'no such blob' });
    const entries = storageLog.get(match[1]) ?? [];
    entries.push({ path: url.pathname, authorization: req.headers.authorization !== undefined });
    storageLog.set(match[1], entries);
    // Signed-URL storage refuses requests that carry someone else's credentials, as S3 does.
    if (req.headers.authorization) return sendJson(res, 400, { message: 'unexpected Authorization header on a pre-signed URL' });
    const token = await upstream.pullToken(match[1]);
    const blob = await fetch(`http://${upstream.host}/v2/${match[1]}/blobs/${match[2]}`, { headers: { authorization: `Bearer ${token}` } });
    res.writeHead(blob.status, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from(await blob.arrayBuffer()));
  });
  const storageUrl = `http://localhost:${storage.port}`;

  const proxy = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__lab/')) return control(req, res, url);
    const target = repositoryOf(url.pathname);
    const record: ProxiedRequest = { method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization !== undefined, status: 0, fault: null };
    if (target) {
      const entries = log.get(target.repository) ?? [];
      entries.push(record);
      log.set(target.repository, entries);
    }
    const rule = target
      ? rules.find((candidate) => candidate.repository === target.repository && (!candidate.method || candidate.method === req.method) && (!candidate.pathStartsWith || target.rest.startsWith(candidate.pathStartsWith)) && candidate.remaining !== 0)
      : undefined;
    if (!rule || !target) return forward(req, res, false, record);
    rule.hits += 1;
    if (rule.remaining > 0) rule.remaining -= 1;
    record.fault = rule.action;
    switch (rule.action) {
      case 'status': {
        record.status = rule.status ?? 503;
        const code = record.status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE';
        return sendJson(res, record.status, { errors: [{ code, message: `lab fault: ${record.status}` }] }, rule.retryAfter ? { 'retry-after': rule.retryAfter } : {});
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'corrupt':
        return forward(req, res, true, record);
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 1000));
        return forward(req, res, false, record);
      case 'redirect': {
        const digest = /^blobs\/(sha256:[0-9a-f]{64})$/.exec(target.rest)?.[1];
        if (!digest) return forward(req, res, false, record);
        record.status = 307;
        res.writeHead(307, { location: `${storageUrl}/blobs/${target.repository}/${digest}?X-Lab-Signature=${Date.now()}` });
        return void res.end();
      }
    }
  });

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const repository = url.searchParams.get('repository') ?? '';
    if (req.method === 'POST' && url.pathname === '/__lab/faults') {
      const body = JSON.parse((await readBody(req)).toString('utf8')) as { rules?: FaultRule[] };
      for (const rule of body.rules ?? []) {
        if (!rule.repository || !rule.action) return sendJson(res, 400, { message: 'every rule needs repository and action' });
        rules.push({ ...rule, remaining: rule.times === undefined ? 1 : rule.times === 0 ? -1 : rule.times, hits: 0 });
      }
      return sendJson(res, 201, { rules: rules.filter((rule) => (body.rules ?? []).some((added) => added.repository === rule.repository)) });
    }
    if (req.method === 'GET' && url.pathname === '/__lab/faults') {
      return sendJson(res, 200, {
        rules: rules.filter((rule) => rule.repository === repository),
        requests: log.get(repository) ?? [],
        storageRequests: storageLog.get(repository) ?? [],
      });
    }
    if (req.method === 'DELETE' && url.pathname === '/__lab/faults') {
      for (let i = rules.length - 1; i >= 0; i--) if (rules[i]?.repository === repository) rules.splice(i, 1);
      log.delete(repository);
      storageLog.delete(repository);
      return sendJson(res, 200, { cleared: repository });
    }
    sendJson(res, 404, { message: 'no such lab endpoint' });
  }

  return {
    host: `127.0.0.1:${proxy.port}`,
    url: `http://127.0.0.1:${proxy.port}`,
    storageUrl,
    close: async () => {
      await proxy.close();
      await storage.close();
    },
  };
}
