import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { DSSEBundleBuilder, InternalError, RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import { CertificateSigner } from './certificate-signer.js';
import { AttestError, oneLine, type AttestErrorCode } from './errors.js';
import type { SigningEndpoints } from './endpoints.js';
import { IN_TOTO_PAYLOAD_TYPE, serializeStatement, type Statement } from './statement.js';

export interface AttestationSignerOptions {
  endpoints: SigningEndpoints;
  /** Called at most once, when Fulcio is first asked for the run's certificate. */
  identityToken: () => Promise<string>;
  /** Per request; @actions/attest uses 10 s. */
  timeoutMs?: number;
  /** Attempts per Sigstore request, counting the first. */
  tries?: number;
  /** First back-off between attempts; doubles each time. */
  backoffMs?: number;
}

export interface SignedAttestation {
  predicateType: string;
  bundle: SerializedBundle;
}

/**
 * Signs in-toto statements into DSSE bundles v0.3, all under one Fulcio certificate, witnessed by the
 * instance's Rekor (transparency log entry) and/or TSA (RFC 3161 timestamp).
 */
export class AttestationSigner {
  readonly #endpoints: SigningEndpoints;
  readonly #signer: CertificateSigner;
  readonly #builder: DSSEBundleBuilder;
  readonly #tries: number;

  constructor(options: AttestationSignerOptions) {
    this.#endpoints = options.endpoints;
    this.#tries = Math.max(1, options.tries ?? 3);
    const timeout = options.timeoutMs ?? 10_000;
    const backoff = options.backoffMs ?? 1_000;
    const retry = { retries: this.#tries - 1, factor: 2, minTimeout: backoff, maxTimeout: backoff * 4 };
    this.#signer = new CertificateSigner({
      identityProvider: { getToken: options.identityToken },
      fulcioURL: options.endpoints.fulcioURL,
      timeoutMs: timeout,
      retry,
    });
    const witnesses: Witness[] = [];
    if (options.endpoints.rekorURL !== undefined) {
      witnesses.push(new RekorWitness({ rekorBaseURL: options.endpoints.rekorURL, fetchOnConflict: true, timeout, retry }));
    }
    if (options.endpoints.tsaURL !== undefined) {
      witnesses.push(new TSAWitness({ tsaBaseURL: timestampEndpoint(options.endpoints.tsaURL), timeout, retry }));
    }
    if (witnesses.length === 0) {
      throw new AttestError('endpoint-invalid', 'the Sigstore instance has neither Rekor nor a TSA: nothing would witness the signatures');
    }
    this.#builder = new DSSEBundleBuilder({ signer: this.#signer, witnesses });
  }

  get endpoints(): SigningEndpoints {
    return this.#endpoints;
  }

  /** The run's leaf certificate (PEM); asks Fulcio if no statement was signed yet. */
  async certificate(): Promise<string> {
    try {
      return (await this.#signer.certificate()).pem;
    } catch (error) {
      throw this.#translate(error);
    }
  }

  async sign(statement: Statement<object>): Promise<SignedAttestation> {
    try {
      // Requesting the certificate first keeps a Fulcio failure from racing a witness failure.
      await this.#signer.certificate();
      const bundle = await this.#builder.create({ data: serializeStatement(statement), type: IN_TOTO_PAYLOAD_TYPE });
      return { predicateType: statement.predicateType, bundle: bundleToJSON(bundle) };
    } catch (error) {
      throw this.#translate(error);
    }
  }

  #translate(error: unknown): Error {
    if (error instanceof AttestError) return error;
    // An identity provider failure (no OIDC env, say) arrives wrapped; its own line is the right one.
    if (error instanceof InternalError && error.cause instanceof AttestError) return error.cause;
    if (!(error instanceof InternalError)) {
      return new AttestError('signing-failed', `signing failed: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    }
    const service = SERVICE_BY_CODE[error.code];
    if (service === undefined) {
      if (error.code.startsWith('IDENTITY_TOKEN')) {
        return new AttestError('oidc-failed', `the identity token could not be used: ${describeCause(error)}`);
      }
      return new AttestError('signing-failed', `signing failed (${error.code}): ${describeCause(error)}`);
    }
    const url = this.#endpoints[service.urlKey] ?? '';
    const status = statusOf(error.cause);
    if (status !== undefined && status < 500 && status !== 408 && status !== 429) {
      return new AttestError(service.refused, `${service.name} at ${url} refused the ${service.request} (${status}): ${httpMessage(error.cause)}`);
    }
    return new AttestError(service.unreachable, `${service.name} at ${url} unreachable after ${this.#tries} tries: ${describeCause(error)}`);
  }
}

/**
 * sigstore-js appends `/api/v1/timestamp` only to a bare host, yet every TSA it can talk to is a
 * Sigstore timestamp-authority serving that path, so a base URL with a path prefix gets it too.
 */
export function timestampEndpoint(tsaURL: string): string {
  const url = new URL(tsaURL);
  if (url.pathname.replace(/\/+$/, '').endsWith('/api/v1/timestamp')) return tsaURL;
  return `${tsaURL.replace(/\/+$/, '')}/api/v1/timestamp`;
}

interface Service {
  name: string;
  urlKey: 'fulcioURL' | 'rekorURL' | 'tsaURL';
  request: string;
  refused: AttestErrorCode;
  unreachable: AttestErrorCode;
}

const FULCIO: Service = { name: 'Fulcio', urlKey: 'fulcioURL', request: 'certificate request', refused: 'fulcio-refused', unreachable: 'fulcio-unreachable' };
const REKOR: Service = { name: 'Rekor', urlKey: 'rekorURL', request: 'log entry', refused: 'rekor-refused', unreachable: 'rekor-unreachable' };
const TSA: Service = { name: 'TSA', urlKey: 'tsaURL', request: 'timestamp request', refused: 'tsa-refused', unreachable: 'tsa-unreachable' };

const SERVICE_BY_CODE: Record<string, Service | undefined> = {
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: FULCIO,
  TLOG_CREATE_ENTRY_ERROR: REKOR,
  TLOG_FETCH_ENTRY_ERROR: REKOR,
  TSA_CREATE_TIMESTAMP_ERROR: TSA,
};

function statusOf(cause: unknown): number | undefined {
  const status = (cause as { statusCode?: unknown } | null | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** @sigstore/sign's HTTPError message is `(status) message`; the status is already in the line. */
function httpMessage(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return oneLine(message.replace(/^\(\d+\)\s*/, '')) || 'no message';
}

function describeCause(error: InternalError): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const status = statusOf(cause);
    return status === undefined ? oneLine(cause.message) : `HTTP ${status} ${httpMessage(cause)}`;
  }
  return oneLine(error.message);
}
