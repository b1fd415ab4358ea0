import { X509Certificate } from '@sigstore/core';
import type { AttestationSigner } from '../attest/sign.js';
import { signerIdentityFromCertificate } from '../verify/certificate-identity.js';

/** The run certificate's SAN and issuer, which the printed verify commands pin. */
export async function signerIdentityOf(signer: AttestationSigner): Promise<{ san?: string; issuer?: string }> {
  const identity = signerIdentityFromCertificate(X509Certificate.parse(await signer.certificate()));
  return {
    ...(identity.subjectAlternativeName ? { san: identity.subjectAlternativeName } : {}),
    ...(identity.issuer ? { issuer: identity.issuer } : {}),
  };
}
