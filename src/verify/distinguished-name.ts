import { ASN1Obj } from '@sigstore/core';

const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

/**
 * Renders an X.501 Name as `CN=…, O=…` for messages; unknown attributes show their OID.
 * Takes the Name's content octets, which is what @sigstore/core's `issuer` and `subject` return.
 */
export function distinguishedName(content: Buffer): string {
  try {
    const name = ASN1Obj.parseBuffer(Buffer.concat([Buffer.from([0x30]), derLength(content.length), content]));
    const parts = name.subs.flatMap((set) =>
      set.subs.map((attribute) => {
        const oid = attribute.subs[0]!.toOID();
        return `${ATTRIBUTE_NAMES[oid] ?? oid}=${attribute.subs[1]!.value.toString('utf8')}`;
      }),
    );
    return parts.length === 0 ? 'an empty name' : `"${parts.join(', ')}"`;
  } catch {
    return 'an unreadable name';
  }
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
