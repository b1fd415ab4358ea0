import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUNDLE_V03_MEDIA_TYPE } from '@sigstore/bundle';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTSA, tsaHandler, type HandlerFn } from '@sigstore/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AttestError } from '../../../src/attest/errors.js';
import { SLSA_PROVENANCE_V1, SPDX_DOCUMENT_V2_3 } from '../../../src/attest/predicate-types.js';
import { AttestationSigner } from '../../../src/attest/sign.js';
import { buildStatement, subjectFor } from '../../../src/attest/statement.js';

const keys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const TOKEN = jwt({ iss: 'https://token.actions.githubusercontent.com', sub: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main', aud: 'sigstore' });
const SUBJECT = subjectFor('ghcr.io/acme/app', `sha256:${'cd'.repeat(32)}`);

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

type Route = (body: string) => Promise<{ statusCode: number; response: string | ArrayBufferView; contentType?: string }>;

async function serve(routes: Record<string, Route>): Promise<{ url: string; hits: Record<string, number> }> {
  const hits: Record<string, number> = {};
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = routes[`${req.method} ${req.url}`];
    hits[`${req.method} ${req.url}`] = (hits[`${req.method} ${req.url}`] ?? 0) + 1;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const result = await route(Buffer.concat(chunks).toString('utf8'));
    const body = typeof result.response === 'string' ? result.response : Buffer.from(result.response.buffer, result.response.byteOffset, result.response.byteLength);
    res.writeHead(result.statusCode, { 'content-type': result.contentType ?? 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

/** @sigstore/mock's Fulcio and TSA behind one loopback server: enough to see what the signer asks for. */
async function mockFulcioAndTsa(): Promise<{ url: string; hits: Record<string, number> }> {
  const ca = await initializeCA(keys(), await initializeCTLog(keys()));
  const fulcio = fulcioHandler(ca, { strict: false });
  const tsa = tsaHandler(await initializeTSA(keys()));
  return serve({ 'POST /api/v2/signingCert': fulcio.fn as HandlerFn, 'POST /api/v1/timestamp': tsa.fn as HandlerFn });
}

describe('one certificate for the run', () => {
  it('asks Fulcio once and signs every statement with the same leaf certificate', async () => {
    const sigstore = await mockFulcioAndTsa();
    let tokenReads = 0;
    const signer = new AttestationSigner({
      endpoints: { instance: 'custom', fulcioURL: sigstore.url, tsaURL: sigstore.url },
      identityToken: async () => {
        tokenReads++;
        return TOKEN;
      },
    });
    const [provenance, sbom] = await Promise.all([
      signer.sign(buildStatement([SUBJECT], SLSA_PROVENANCE_V1, { buildDefinition: {} })),
      signer.sign(buildStatement([SUBJECT], SPDX_DOCUMENT_V2_3, { spdxVersion: 'SPDX-2.3' })),
    ]);
    expect(sigstore.hits['POST /api/v2/signingCert']).toBe(1);
    expect(sigstore.hits['POST /api/v1/timestamp']).toBe(2);
    expect(tokenReads).toBe(1);
    for (const signed of [provenance, sbom]) {
      expect(signed.bundle.mediaType).toBe(BUNDLE_V03_MEDIA_TYPE);
      expect(signed.bundle.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json');
      expect(signed.bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    }
    const leaf = provenance.bundle.verificationMaterial.certificate?.rawBytes;
    expect(leaf).toBeDefined();
    expect(sbom.bundle.verificationMaterial.certificate?.rawBytes).toBe(leaf);
    expect(provenance.bundle.dsseEnvelope?.signatures[0]?.sig).not.toBe(sbom.bundle.dsseEnvelope?.signatures[0]?.sig);
    const pem = await signer.certificate();
    expect(new X509Certificate(pem).raw.toString('base64')).toBe(leaf);
    expect(provenance.predicateType).toBe(SLSA_PROVENANCE_V1);
    expect(JSON.parse(Buffer.from(sbom.bundle.dsseEnvelope!.payload, 'base64').toString('utf8')).predicateType).toBe(SPDX_DOCUMENT_V2_3);
  });
});

describe('Sigstore failures', () => {
  const statement = buildStatement([SUBJECT], SLSA_PROVENANCE_V1, {});

  it('names an unreachable Fulcio with its URL and the number of tries', async () => {
    const signer = new AttestationSigner({
      endpoints: { instance: 'custom', fulcioURL: 'http://127.0.0.1:1', rekorURL: 'http://127.0.0.1:1' },
      identityToken: async () => TOKEN,
      backoffMs: 10,
    });
    const error = await signer.sign(statement).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttestError);
    expect((error as AttestError).code).toBe('fulcio-unreachable');
    expect((error as AttestError).message).toMatch(/^Fulcio at http:\/\/127\.0\.0\.1:1 unreachable after 3 tries: .*ECONNREFUSED/);
    expect((error as AttestError).message).not.toContain('\n');
  });

  it('retries a Fulcio answering 503 exactly the configured number of times', async () => {
    const fulcio = await serve({ 'POST /api/v2/signingCert': async () => ({ statusCode: 503, response: '{"message":"down for maintenance"}' }) });
    const signer = new AttestationSigner({ endpoints: { instance: 'custom', fulcioURL: fulcio.url, tsaURL: fulcio.url }, identityToken: async () => TOKEN, tries: 2, backoffMs: 10 });
    await expect(signer.sign(statement)).rejects.toThrow(`Fulcio at ${fulcio.url} unreachable after 2 tries: HTTP 503 down for maintenance`);
    expect(fulcio.hits['POST /api/v2/signingCert']).toBe(2);
  });

  it('reports a Fulcio refusal once, with its status and reason, without retrying', async () => {
    const fulcio = await serve({ 'POST /api/v2/signingCert': async () => ({ statusCode: 401, response: '{"code":401,"message":"invalid identity token"}' }) });
    const signer = new AttestationSigner({ endpoints: { instance: 'custom', fulcioURL: fulcio.url, tsaURL: fulcio.url }, identityToken: async () => TOKEN, backoffMs: 10 });
    await expect(signer.sign(statement)).rejects.toThrow(new AttestError('fulcio-refused', `Fulcio at ${fulcio.url} refused the certificate request (401): invalid identity token`));
    expect(fulcio.hits['POST /api/v2/signingCert']).toBe(1);
  });

  it('names an unreachable TSA after the certificate was issued', async () => {
    const sigstore = await mockFulcioAndTsa();
    const signer = new AttestationSigner({ endpoints: { instance: 'custom', fulcioURL: sigstore.url, tsaURL: 'http://127.0.0.1:1' }, identityToken: async () => TOKEN, backoffMs: 10 });
    await expect(signer.sign(statement)).rejects.toThrow(/^TSA at http:\/\/127\.0\.0\.1:1 unreachable after 3 tries: .*ECONNREFUSED/);
  });

  it('names an unreachable Rekor', async () => {
    const sigstore = await mockFulcioAndTsa();
    const signer = new AttestationSigner({ endpoints: { instance: 'custom', fulcioURL: sigstore.url, rekorURL: 'http://127.0.0.1:1' }, identityToken: async () => TOKEN, backoffMs: 10 });
    const error = (await signer.sign(statement).catch((e: unknown) => e)) as AttestError;
    expect(error.code).toBe('rekor-unreachable');
    expect(error.message).toMatch(/^Rekor at http:\/\/127\.0\.0\.1:1 unreachable after 3 tries: /);
  });

  it('passes the identity provider’s own line through, such as the missing id-token permission', async () => {
    const signer = new AttestationSigner({
      endpoints: { instance: 'custom', fulcioURL: 'http://127.0.0.1:1', tsaURL: 'http://127.0.0.1:1' },
      identityToken: async () => {
        throw new AttestError('oidc-missing', 'no OIDC token: the job needs `permissions: id-token: write`');
      },
    });
    await expect(signer.sign(statement)).rejects.toThrow(new AttestError('oidc-missing', 'no OIDC token: the job needs `permissions: id-token: write`'));
  });

  it('refuses an instance with nothing to witness signatures', () => {
    expect(() => new AttestationSigner({ endpoints: { instance: 'custom', fulcioURL: 'https://fulcio.example.com' }, identityToken: async () => TOKEN })).toThrow(
      'the Sigstore instance has neither Rekor nor a TSA',
    );
  });
});
