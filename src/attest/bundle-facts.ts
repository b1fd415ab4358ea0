import type { SerializedBundle } from '@sigstore/bundle';
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core';

/** What the job summary says about a signed bundle: where it was witnessed and by which certificate. */
export interface BundleFacts {
  /** Base64 DER of the leaf certificate. */
  certificate: string | undefined;
  /** The certificate's SAN: for Actions, `https://github.com/<job_workflow_ref>`. */
  subjectAltName: string | undefined;
  tlogEntries: { logIndex: string; integratedTime: Date }[];
  timestamps: Date[];
}

export function bundleFacts(bundle: SerializedBundle): BundleFacts {
  const material = bundle.verificationMaterial;
  const certificate = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  return {
    certificate,
    subjectAltName: certificate === undefined ? undefined : X509Certificate.parse(Buffer.from(certificate, 'base64')).subjectAltName,
    tlogEntries: (material.tlogEntries ?? []).map((entry) => ({ logIndex: entry.logIndex, integratedTime: new Date(Number(entry.integratedTime) * 1000) })),
    timestamps: (material.timestampVerificationData?.rfc3161Timestamps ?? []).map((t) => RFC3161Timestamp.parse(Buffer.from(t.signedTimestamp, 'base64')).signingTime),
  };
}

/** Search UI link for a public-good Rekor entry; other instances have no known UI. */
export function rekorEntryLink(rekorURL: string | undefined, logIndex: string): string | undefined {
  return rekorURL === 'https://rekor.sigstore.dev' ? `https://search.sigstore.dev/?logIndex=${logIndex}` : undefined;
}
