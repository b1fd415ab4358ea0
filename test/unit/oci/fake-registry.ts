import { createHash } from 'node:crypto';
import { loopback, type Loopback } from './loopback.js';

export interface FakeRegistryOptions {
  /** Serve GET /v2/<name>/referrers/<digest> and answer manifest PUTs with OCI-Subject. */
  referrersApi?: boolean;
  /** Apply the artifactType filter and say so with OCI-Filters-Applied. */
  applyFilters?: boolean;
  /** Answer 412 to a manifest PUT whose If-Match is not the current ETag. */
  honourIfMatch?: boolean;
  /** Rewrite what a manifest GET returns (to serve content that does not match). */
  tamper?: (path: string, bytes: Buffer) => { bytes: Buffer; headers?: Record<string, string> };
  /** HEAD on manifests answers without Docker-Content-Digest. */
  headWithoutDigest?: boolean;
}

export interface FakeRegistry extends Loopback {
  manifests: Map<string, { bytes: Buffer; mediaType: string }>;
  blobs: Map<string, Buffer>;
}

function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** An in-memory OCI distribution API without auth, for the client's and referrers' own unit tests. */
export async function fakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const manifests = new Map<string, { bytes: Buffer; mediaType: string }>();
  const blobs = new Map<string, Buffer>();
  const uploads = new Map<string, Buffer>();
  let uploadCounter = 0;
  const server = await loopback((req, res, arrival) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = /^\/v2\/(.+?)\/(manifests|blobs|referrers|tags)\/(.*)$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const [, name = '', kind, rest = ''] = match;
    if (kind === 'blobs' && rest.startsWith('uploads/')) {
      const id = rest.slice('uploads/'.length);
      if (req.method === 'POST') {
        uploadCounter += 1;
        uploads.set(String(uploadCounter), Buffer.alloc(0));
        res.writeHead(202, { location: `/v2/${name}/blobs/uploads/${uploadCounter}` }).end();
      } else if (req.method === 'PATCH') {
        uploads.set(id, Buffer.concat([uploads.get(id) ?? Buffer.alloc(0), arrival.body]));
        res.writeHead(202, { location: `/v2/${name}/blobs/uploads/${id}` }).end();
      } else if (req.method === 'PUT') {
        const bytes = Buffer.concat([uploads.get(id) ?? Buffer.alloc(0), arrival.body]);
        const digest = url.searchParams.get('digest') ?? '';
        if (digestOf(bytes) !== digest) {
          res.writeHead(400).end(JSON.stringify({ errors: [{ code: 'DIGEST_INVALID', message: 'provided digest did not match uploaded content' }] }));
          return;
        }
        blobs.set(`${name}@${digest}`, bytes);
        res.writeHead(201, { 'docker-content-digest': digest }).end();
      } else {
        res.writeHead(405).end();
      }
      return;
    }
    if (kind === 'blobs') {
      const blob = blobs.get(`${name}@${rest}`);
      if (!blob) res.writeHead(404).end();
      else res.writeHead(200, { 'content-length': String(blob.length) }).end(req.method === 'HEAD' ? undefined : blob);
      return;
    }
    if (kind === 'referrers') {
      if (!options.referrersApi) {
        res.writeHead(404).end();
        return;
      }
      const artifactType = url.searchParams.get('artifactType');
      const entries = [...manifests.entries()]
        .filter(([key]) => key.startsWith(`${name}@sha256:`))
        .map(([key, value]) => ({ key, value, json: JSON.parse(value.bytes.toString()) as { subject?: { digest: string }; artifactType?: string; annotations?: Record<string, string> } }))
        .filter(({ json }) => json.subject?.digest === rest)
        .filter(({ json }) => !(options.applyFilters && artifactType) || json.artifactType === artifactType)
        .map(({ key, value, json }) => ({ mediaType: value.mediaType, digest: key.slice(name.length + 1), size: value.bytes.length, artifactType: json.artifactType, annotations: json.annotations }));
      const headers: Record<string, string> = { 'content-type': 'application/vnd.oci.image.index.v1+json' };
      if (options.applyFilters && artifactType) headers['oci-filters-applied'] = 'artifactType';
      res.writeHead(200, headers).end(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: entries }));
      return;
    }
    if (kind === 'manifests') {
      const key = `${name}@${rest}`;
      if (req.method === 'PUT') {
        const current = manifests.get(key);
        const ifMatch = req.headers['if-match'];
        if (options.honourIfMatch && ifMatch !== undefined && (!current || `"${digestOf(current.bytes)}"` !== ifMatch)) {
          res.writeHead(412).end();
          return;
        }
        const digest = digestOf(arrival.body);
        const stored = { bytes: arrival.body, mediaType: String(req.headers['content-type']) };
        manifests.set(key, stored);
        manifests.set(`${name}@${digest}`, stored);
        const headers: Record<string, string> = { 'docker-content-digest': digest };
        const subject = (JSON.parse(arrival.body.toString()) as { subject?: { digest: string } }).subject;
        if (options.referrersApi && subject) headers['oci-subject'] = subject.digest;
        res.writeHead(201, headers).end();
        return;
      }
      const found = manifests.get(key);
      if (!found) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
        return;
      }
      const digest = digestOf(found.bytes);
      const served = options.tamper ? options.tamper(rest, found.bytes) : { bytes: found.bytes };
      const headers: Record<string, string> = { 'content-type': found.mediaType, 'docker-content-digest': digest, etag: `"${digest}"`, 'content-length': String(served.bytes.length), ...served.headers };
      if (req.method === 'HEAD' && options.headWithoutDigest) delete headers['docker-content-digest'];
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : served.bytes);
      return;
    }
    res.writeHead(404).end();
  });
  return { ...server, manifests, blobs };
}
