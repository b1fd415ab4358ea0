import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler, type HandlerFn } from '@sigstore/mock';
import { HashAlgorithm, PublicKeyDetails, ServiceSelector, SigningConfig, TrustedRoot } from '@sigstore/protobuf-specs';
import { bearerToken, freePort, listen, readBody, sendJson } from './net.js';
import { parseTimestampQuery, type TimestampQuery } from './rfc3161.js';

export interface SigstoreLabOptions {
  /**
   * Checks an OIDC token as real Fulcio checks its configured issuers (signature, issuer, audience, expiry)
   * and returns its claims; throws with the reason when the token must be refused.
   */
  verifyIdentityToken: (token: string) => Promise<Record<string, unknown>>;
  trustedRootPath: string;
  /** Where to write the matching SigningConfig (v0.2), as cosign 3 and `bundleBuilderFromSigningConfig` take it. */
  signingConfigPath: string;
}

export interface SigstoreLab {
  url: string;
  fulcioURL: string;
  rekorURL: string;
  /** The full timestamp endpoint (`…/tsa/api/v1/timestamp`), as a SigningConfig or cosign's --timestamp-server-url names it. */
  tsaURL: string;
  ctlogURL: string;
  trustedRootPath: string;
  trustedRoot: Record<string, unknown>;
  signingConfigPath: string;
  close(): Promise<void>;
}

/** The claim the lab adds for the mock Fulcio's `subjectClaim`: real Fulcio's SAN for Actions tokens. */
const SAN_CLAIM = 'image_passport_lab_fulcio_san';

function bytes(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

interface ProposedDsse {
  apiVersion?: string;
  kind?: string;
  spec?: { proposedContent?: { envelope?: string; verifiers?: string[] } };
}

/**
 * Real Rekor stores a dsse entry in canonical form (hashes and signatures, not the envelope);
 * the mock logs what it is given, which v0.3 bundle verification rejects.
 */
export function canonicaliseRekorEntry(body: string): string {
  const proposed = JSON.parse(body) as ProposedDsse;
  if (proposed.kind !== 'dsse') return body;
  const envelopeText = proposed.spec?.proposedContent?.envelope;
  const verifiers = proposed.spec?.proposedContent?.verifiers ?? [];
  if (typeof envelopeText !== 'string' || verifiers.length === 0) throw new Error('dsse entry needs proposedContent.envelope and verifiers');
  const envelope = JSON.parse(envelopeText) as { payload?: string; signatures?: { sig?: string }[] };
  if (typeof envelope.payload !== 'string' || !envelope.signatures?.length) throw new Error('dsse envelope needs a payload and signatures');
  return JSON.stringify({
    apiVersion: proposed.apiVersion ?? '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256Hex(envelopeText) },
      payloadHash: { algorithm: 'sha256', value: sha256Hex(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((signature, index) => ({ signature: signature.sig ?? '', verifier: verifiers[Math.min(index, verifiers.length - 1)] ?? '' })),
    },
  });
}

/** Adds the SAN claim to the (already verified) token; the mock Fulcio only decodes, so the signature part can stay. */
function withFulcioSubject(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  const subject = typeof claims.job_workflow_ref === 'string' ? `https://github.com/${claims.job_workflow_ref}` : String(claims.sub ?? '');
  const payload = Buffer.from(JSON.stringify({ ...claims, [SAN_CLAIM]: subject })).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Real TSAs write whole-second genTime; the mock's milliseconds break sigstore-js's parser about one time in ten. */
function useWholeSecondClock(tsa: object): void {
  if (!('getCurrentTime' in tsa)) throw new Error('@sigstore/mock TSA no longer has getCurrentTime: the whole-second genTime fix needs updating');
  (tsa as { getCurrentTime: () => Date }).getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000);
}

async function respond(res: ServerResponse, fn: HandlerFn, body: string): Promise<void> {
  const result = await fn(body);
  const payload = typeof result.response === 'string' ? result.response : bytes(result.response);
  res.writeHead(result.statusCode, { 'content-type': result.contentType ?? 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

export async function startSigstore(options: SigstoreLabOptions): Promise<SigstoreLab> {
  const validFrom = new Date(Date.now() - 60_000);
  const keys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctLog = await initializeCTLog(keys());
  const ca = await initializeCA(keys(), ctLog);
  const tsa = await initializeTSA(keys());
  useWholeSecondClock(tsa);

  const entries = new Map<string, unknown>();
  // The tlog names its host in checkpoints, so the port is chosen before the log and the server exist.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fulcioURL = `${url}/fulcio`;
  const rekorURL = `${url}/rekor`;
  const tsaURL = `${url}/tsa/api/v1/timestamp`;
  const ctlogURL = `${url}/ctlog`;
  const tlog = await initializeTLog(rekorURL, keys());
  const handlers = {
    fulcio: fulcioHandler(ca, { subjectClaim: SAN_CLAIM }).fn,
    rekor: rekorHandler(tlog).fn,
    tsa: tsaHandler(tsa).fn,
  };
  const trustBundle = () => ({
    chains: [{ certificates: [`-----BEGIN CERTIFICATE-----\n${bytes(ca.rootCertificate).toString('base64')}\n-----END CERTIFICATE-----\n`] }],
  });

  const server = await listen(async (req, res) => {
    const route = `${req.method} ${new URL(req.url ?? '/', url).pathname}`;
    if (route === 'POST /fulcio/api/v2/signingCert') {
      const request = JSON.parse((await readBody(req)).toString('utf8')) as { credentials?: { oidcIdentityToken?: string } };
      // sigstore-go (cosign 3) sends the token as a Bearer header, as Fulcio's gRPC gateway allows.
      const token = request.credentials?.oidcIdentityToken ?? bearerToken(req);
      if (!token) return sendJson(res, 401, { code: 401, message: 'an OIDC token is required (credentials.oidcIdentityToken or Authorization: Bearer)' });
      let claims: Record<string, unknown>;
      try {
        claims = await options.verifyIdentityToken(token);
      } catch (error) {
        return sendJson(res, 401, { code: 401, message: `identity token refused: ${error instanceof Error ? error.message : String(error)}` });
      }
      request.credentials = { oidcIdentityToken: withFulcioSubject(token, claims) };
      const issued = await handlers.fulcio(JSON.stringify(request));
      // Real Fulcio answers 200 (sigstore-go insists on it); the mock says 201.
      return respond(res, async () => ({ ...issued, statusCode: issued.statusCode === 201 ? 200 : issued.statusCode }), '');
    }
    if (route === 'GET /fulcio/api/v2/trustBundle') return sendJson(res, 200, trustBundle());
    if (route === 'POST /rekor/api/v1/log/entries') {
      let canonical: string;
      try {
        canonical = canonicaliseRekorEntry((await readBody(req)).toString('utf8'));
      } catch (error) {
        return sendJson(res, 400, { code: 400, message: error instanceof Error ? error.message : String(error) });
      }
      const result = await handlers.rekor(canonical);
      if (result.statusCode === 201 && typeof result.response === 'string') {
        const created = JSON.parse(result.response) as Record<string, unknown>;
        for (const [uuid, entry] of Object.entries(created)) entries.set(uuid, entry);
        const uuid = Object.keys(created)[0] ?? '';
        // Go's rekor client takes the entry's key from ETag, as real Rekor sends it.
        res.setHeader('location', `/rekor/api/v1/log/entries/${uuid}`);
        res.setHeader('etag', uuid);
      }
      return respond(res, async () => result, canonical);
    }
    const entryMatch = /^GET \/rekor\/api\/v1\/log\/entries\/([0-9a-f]+)$/.exec(route);
    if (entryMatch?.[1]) {
      const entry = entries.get(entryMatch[1]);
      return entry ? sendJson(res, 200, { [entryMatch[1]]: entry }) : sendJson(res, 404, { code: 404, message: 'entry not found' });
    }
    if (route === 'GET /rekor/api/v1/log/publicKey') {
      const pem = `-----BEGIN PUBLIC KEY-----\n${tlog.publicKey.toString('base64')}\n-----END PUBLIC KEY-----\n`;
      res.writeHead(200, { 'content-type': 'application/x-pem-file' });
      return void res.end(pem);
    }
    if (route === 'POST /tsa/api/v1/timestamp') {
      const body = await readBody(req);
      if (!(req.headers['content-type'] ?? '').startsWith('application/timestamp-query')) return respond(res, handlers.tsa, body.toString('utf8'));
      // Go clients send a DER TimeStampReq, as RFC 3161 specifies; sigstore-js sends JSON.
      let query: TimestampQuery;
      try {
        query = parseTimestampQuery(body);
      } catch (error) {
        return sendJson(res, 400, { code: 400, message: `invalid TimeStampReq: ${error instanceof Error ? error.message : String(error)}` });
      }
      const reply = await tsa.timestamp({
        artifactHash: query.artifactHash,
        hashAlgorithmOID: query.hashAlgorithmOID,
        nonce: Number(query.nonce ?? 0n),
        policyOID: query.policyOID ?? '1.3.6.1.4.1.57264.2',
        certReq: query.certReq,
      });
      return respond(res, async () => ({ statusCode: 201, response: reply, contentType: 'application/timestamp-reply' }), '');
    }
    if (route === 'GET /tsa/api/v1/timestamp/certchain') {
      const pem = [tsa.intCertificate, tsa.rootCertificate].map((der) => `-----BEGIN CERTIFICATE-----\n${bytes(der).toString('base64')}\n-----END CERTIFICATE-----\n`).join('');
      res.writeHead(200, { 'content-type': 'application/pem-certificate-chain' });
      return void res.end(pem);
    }
    sendJson(res, 404, { code: 404, message: `no such endpoint ${route}` });
  }, port);

  const trustedRoot = TrustedRoot.toJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: rekorURL,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: { rawBytes: tlog.publicKey, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start: validFrom } },
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest() },
        checkpointKeyId: undefined,
        operator: 'image-passport lab',
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: fulcioURL,
        certChain: { certificates: [{ rawBytes: bytes(ca.rootCertificate) }] },
        validFor: { start: validFrom },
        operator: 'image-passport lab',
      },
    ],
    ctlogs: [
      {
        baseUrl: ctlogURL,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: { rawBytes: ctLog.publicKey, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start: validFrom } },
        logId: { keyId: bytes(ctLog.logID) },
        checkpointKeyId: undefined,
        operator: 'image-passport lab',
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: `${url}/tsa`,
        certChain: { certificates: [{ rawBytes: bytes(tsa.intCertificate) }, { rawBytes: bytes(tsa.rootCertificate) }] },
        validFor: { start: validFrom },
        operator: 'image-passport lab',
      },
    ],
  }) as Record<string, unknown>;
  await writeFile(options.trustedRootPath, `${JSON.stringify(trustedRoot, null, 2)}\n`);
  const service = (serviceUrl: string, majorApiVersion: number) => ({ url: serviceUrl, majorApiVersion, validFor: { start: validFrom, end: undefined }, operator: 'image-passport.lab' });
  const signingConfig = SigningConfig.toJSON({
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: [service(fulcioURL, 1)],
    oidcUrls: [],
    rekorTlogUrls: [service(rekorURL, 1)],
    rekorTlogConfig: { selector: ServiceSelector.ANY, count: 0 },
    tsaUrls: [service(tsaURL, 1)],
    tsaConfig: { selector: ServiceSelector.ANY, count: 0 },
  });
  await writeFile(options.signingConfigPath, `${JSON.stringify(signingConfig, null, 2)}\n`);

  return { url, fulcioURL, rekorURL, tsaURL, ctlogURL, trustedRootPath: options.trustedRootPath, trustedRoot, signingConfigPath: options.signingConfigPath, close: () => server.close() };
}
