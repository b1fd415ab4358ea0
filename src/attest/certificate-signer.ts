import { generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { FulcioSigner, type IdentityProvider, type Signature, type Signer } from '@sigstore/sign';
import { AttestError } from './errors.js';

/** Fulcio certificates live ten minutes; a signature this close to the end would not get logged in time. */
const EXPIRY_MARGIN_MS = 15_000;

/** The ephemeral P-256 key of the run; the private key never leaves memory. */
class EphemeralKey implements Signer {
  readonly #privateKey: KeyObject;
  readonly #publicKeyPem: string;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.#privateKey = privateKey;
    this.#publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  async sign(data: Buffer): Promise<Signature> {
    return { signature: sign('sha256', data, this.#privateKey), key: { $case: 'publicKey', publicKey: this.#publicKeyPem } };
  }
}

export interface CertificateSignerOptions {
  identityProvider: IdentityProvider;
  fulcioURL: string;
  timeoutMs: number;
  /** make-fetch-happen / promise-retry options, passed through to @sigstore/sign. */
  retry: { retries: number; factor: number; minTimeout: number; maxTimeout: number };
}

/**
 * @sigstore/sign's FulcioSigner asks Fulcio for a new certificate on every signature. This signer asks
 * once, on first use, and signs everything after with the same key, so every attestation of a run
 * carries the same leaf certificate (one identity, one Fulcio request, one token use).
 */
export class CertificateSigner implements Signer {
  readonly #key = new EphemeralKey();
  readonly #fulcio: FulcioSigner;
  #certificate: Promise<{ pem: string; notAfter: Date }> | undefined;

  constructor(options: CertificateSignerOptions) {
    this.#fulcio = new FulcioSigner({
      identityProvider: options.identityProvider,
      keyHolder: this.#key,
      fulcioBaseURL: options.fulcioURL,
      timeout: options.timeoutMs,
      retry: options.retry,
    });
  }

  async sign(data: Buffer): Promise<Signature> {
    const certificate = await this.certificate();
    if (Date.now() > certificate.notAfter.getTime() - EXPIRY_MARGIN_MS) {
      throw new AttestError(
        'certificate-expired',
        `the run's Fulcio certificate expires at ${certificate.notAfter.toISOString()}, before every attestation was signed: sign fewer subjects per run`,
      );
    }
    const signature = await this.#key.sign(data);
    return { signature: signature.signature, key: { $case: 'x509Certificate', certificate: certificate.pem } };
  }

  /** The leaf certificate (PEM), requested from Fulcio on the first call. */
  certificate(): Promise<{ pem: string; notAfter: Date }> {
    this.#certificate ??= this.#fulcio.sign(Buffer.alloc(0)).then((signature) => {
      if (signature.key.$case !== 'x509Certificate') throw new AttestError('fulcio-refused', 'Fulcio answered without a certificate');
      const pem = signature.key.certificate;
      return { pem, notAfter: new Date(new X509Certificate(pem).validTo) };
    });
    return this.#certificate;
  }
}
