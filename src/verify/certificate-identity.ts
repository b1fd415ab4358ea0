import { X509Certificate } from '@sigstore/core';
import { VerificationFailure } from './failure.js';

/**
 * Who signed, as Fulcio wrote it into the leaf certificate. Field names follow Fulcio's
 * OID registry (docs/oid-info.md); a field is absent when the certificate lacks the extension.
 */
export interface SignerIdentity {
  /** The certificate's SAN: a workflow URI for GitHub Actions, an e-mail for people. */
  subjectAlternativeName?: string;
  subjectAlternativeNameType?: 'uri' | 'email' | 'otherName';
  /** OIDC issuer: extension .8, else the legacy .1. */
  issuer?: string;
  buildSignerUri?: string;
  buildSignerDigest?: string;
  runnerEnvironment?: string;
  sourceRepositoryUri?: string;
  sourceRepositoryDigest?: string;
  sourceRepositoryRef?: string;
  sourceRepositoryIdentifier?: string;
  sourceRepositoryOwnerUri?: string;
  sourceRepositoryOwnerIdentifier?: string;
  buildConfigUri?: string;
  buildConfigDigest?: string;
  buildTrigger?: string;
  runInvocationUri?: string;
  sourceRepositoryVisibilityAtSigning?: string;
  /** Deprecated GitHub extensions .2 to .6 (raw strings), kept for old certificates. */
  githubWorkflowTrigger?: string;
  githubWorkflowSha?: string;
  githubWorkflowName?: string;
  githubWorkflowRepository?: string;
  githubWorkflowRef?: string;
  certificate: { notBefore: Date; notAfter: Date };
}

type ExtensionField = Exclude<keyof SignerIdentity, 'subjectAlternativeName' | 'subjectAlternativeNameType' | 'certificate'>;

const FULCIO_ARC = '1.3.6.1.4.1.57264.1.';
const SAN_OTHERNAME_OID = `${FULCIO_ARC}7`;

// Extensions .1 to .6 hold the raw string bytes; .8 onwards hold a DER UTF8String.
const RAW_EXTENSIONS: Record<number, ExtensionField> = {
  2: 'githubWorkflowTrigger',
  3: 'githubWorkflowSha',
  4: 'githubWorkflowName',
  5: 'githubWorkflowRepository',
  6: 'githubWorkflowRef',
};
const DER_EXTENSIONS: Record<number, ExtensionField> = {
  8: 'issuer',
  9: 'buildSignerUri',
  10: 'buildSignerDigest',
  11: 'runnerEnvironment',
  12: 'sourceRepositoryUri',
  13: 'sourceRepositoryDigest',
  14: 'sourceRepositoryRef',
  15: 'sourceRepositoryIdentifier',
  16: 'sourceRepositoryOwnerUri',
  17: 'sourceRepositoryOwnerIdentifier',
  18: 'buildConfigUri',
  19: 'buildConfigDigest',
  20: 'buildTrigger',
  21: 'runInvocationUri',
  22: 'sourceRepositoryVisibilityAtSigning',
};

const UTF8_STRING_TAG = 0x0c;

/** Decodes the signer identity from a leaf certificate (DER bytes or a parsed certificate). */
export function signerIdentityFromCertificate(certificate: Uint8Array | X509Certificate): SignerIdentity {
  const cert = certificate instanceof X509Certificate ? certificate : parseCertificate(certificate);
  const identity: SignerIdentity = { certificate: { notBefore: cert.notBefore, notAfter: cert.notAfter }, ...subjectAlternativeName(cert) };
  for (const [arc, field] of Object.entries(RAW_EXTENSIONS)) {
    const value = cert.extension(FULCIO_ARC + arc)?.value;
    if (value !== undefined) identity[field] = decodeUtf8(value, FULCIO_ARC + arc);
  }
  for (const [arc, field] of Object.entries(DER_EXTENSIONS)) {
    const value = cert.extension(FULCIO_ARC + arc)?.value;
    if (value !== undefined) identity[field] = decodeDerUtf8String(value, FULCIO_ARC + arc);
  }
  if (identity.issuer === undefined) {
    const legacy = cert.extension(`${FULCIO_ARC}1`)?.value;
    if (legacy !== undefined) identity.issuer = decodeUtf8(legacy, `${FULCIO_ARC}1`);
  }
  return identity;
}

function parseCertificate(der: Uint8Array): X509Certificate {
  try {
    return X509Certificate.parse(Buffer.from(der));
  } catch (error) {
    throw new VerificationFailure('CERTIFICATE_MALFORMED', `the signing certificate is not valid DER (${(error as Error).message})`);
  }
}

function subjectAlternativeName(cert: X509Certificate): Pick<SignerIdentity, 'subjectAlternativeName' | 'subjectAlternativeNameType'> {
  const san = cert.extSubjectAltName;
  if (san === undefined) return {};
  if (san.uri !== undefined) return { subjectAlternativeName: san.uri, subjectAlternativeNameType: 'uri' };
  if (san.rfc822Name !== undefined) return { subjectAlternativeName: san.rfc822Name, subjectAlternativeNameType: 'email' };
  const other = san.otherName(SAN_OTHERNAME_OID);
  if (other !== undefined) return { subjectAlternativeName: other, subjectAlternativeNameType: 'otherName' };
  return {};
}

/** The content of a DER UTF8String that must fill `bytes` exactly. */
export function decodeDerUtf8String(bytes: Uint8Array, oid: string): string {
  const malformed = (why: string) => new VerificationFailure('CERTIFICATE_MALFORMED', `certificate extension ${oid} is not a DER UTF8String (${why})`);
  if (bytes.length < 2 || bytes[0] !== UTF8_STRING_TAG) throw malformed(`tag 0x${(bytes[0] ?? 0).toString(16)}`);
  const first = bytes[1]!;
  let length: number;
  let offset: number;
  if (first < 0x80) {
    length = first;
    offset = 2;
  } else {
    const lengthBytes = first & 0x7f;
    if (lengthBytes === 0 || lengthBytes > 4 || bytes.length < 2 + lengthBytes) throw malformed('bad length');
    length = 0;
    for (let i = 0; i < lengthBytes; i++) length = length * 256 + bytes[2 + i]!;
    offset = 2 + lengthBytes;
    if (length < 0x80 || bytes[2] === 0) throw malformed('length not in shortest form');
  }
  if (offset + length !== bytes.length) throw malformed('length does not match the extension value');
  return decodeUtf8(bytes.subarray(offset), oid);
}

function decodeUtf8(bytes: Uint8Array, oid: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new VerificationFailure('CERTIFICATE_MALFORMED', `certificate extension ${oid} is not valid UTF-8`);
  }
}
