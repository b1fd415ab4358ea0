/** What the mock TSA needs from an RFC 3161 TimeStampReq. */
export interface TimestampQuery {
  hashAlgorithmOID: string;
  artifactHash: Buffer;
  policyOID: string | null;
  nonce: bigint | null;
  certReq: boolean;
}

interface Element {
  tag: number;
  content: Buffer;
  end: number;
}

function readElement(data: Buffer, offset: number): Element {
  const tag = data.readUInt8(offset);
  let length = data.readUInt8(offset + 1);
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('unsupported DER length');
    length = data.readUIntBE(start, bytes);
    start += bytes;
  }
  if (start + length > data.length) throw new Error('truncated DER');
  return { tag, content: data.subarray(start, start + length), end: start + length };
}

function children(content: Buffer): Element[] {
  const out: Element[] = [];
  for (let offset = 0; offset < content.length; ) {
    const element = readElement(content, offset);
    out.push(element);
    offset = element.end;
  }
  return out;
}

function decodeOid(content: Buffer): string {
  const first = content.readUInt8(0);
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of content.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** Parses the DER TimeStampReq that Go clients (sigstore-go, cosign) send as application/timestamp-query. */
export function parseTimestampQuery(der: Buffer): TimestampQuery {
  const request = readElement(der, 0);
  if (request.tag !== 0x30) throw new Error('TimeStampReq is not a SEQUENCE');
  const [version, imprint, ...rest] = children(request.content);
  if (version?.tag !== 0x02 || imprint?.tag !== 0x30) throw new Error('TimeStampReq needs version and messageImprint');
  const [algorithm, hashed] = children(imprint.content);
  const oid = algorithm ? children(algorithm.content)[0] : undefined;
  if (oid?.tag !== 0x06 || hashed?.tag !== 0x04) throw new Error('messageImprint needs a hash algorithm and an OCTET STRING');
  const query: TimestampQuery = { hashAlgorithmOID: decodeOid(oid.content), artifactHash: Buffer.from(hashed.content), policyOID: null, nonce: null, certReq: false };
  for (const element of rest) {
    if (element.tag === 0x06) query.policyOID = decodeOid(element.content);
    else if (element.tag === 0x02) query.nonce = BigInt(`0x${element.content.toString('hex') || '0'}`);
    else if (element.tag === 0x01) query.certReq = element.content.readUInt8(0) !== 0;
  }
  return query;
}
