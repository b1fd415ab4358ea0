export class RpmHeaderError extends Error {}

export const RPM_TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  license: 1014,
  arch: 1022,
  sourceRpm: 1044,
} as const;

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;
const ENTRY_BYTES = 16;
// rpm itself refuses headers with more entries or data than this (rpmlib's hdrchkTags/hdrchkData).
const MAX_ENTRIES = 0xffff;
const MAX_DATA_BYTES = 256 * 1024 * 1024;

export type RpmTagValue = string | number;

function cString(store: Buffer, at: number): string {
  const end = store.indexOf(0, at);
  if (end < 0) throw new RpmHeaderError(`a string at offset ${at} of the header's data has no end`);
  return store.toString('utf8', at, end);
}

/**
 * The wanted tags of an rpm header as the rpm database stores it (no lead, no header magic):
 * entry count and data size, the 16-byte index entries (tag, type, offset, count), then the data.
 * Strings and the first string of an I18N string are returned as text, INT32 values as numbers.
 */
export function parseRpmHeader(blob: Buffer, wanted: readonly number[]): Map<number, RpmTagValue> {
  if (blob.length < 8) throw new RpmHeaderError('the header is shorter than its preamble');
  const entries = blob.readUInt32BE(0);
  const dataBytes = blob.readUInt32BE(4);
  if (entries > MAX_ENTRIES || dataBytes > MAX_DATA_BYTES) throw new RpmHeaderError('the header claims an impossible size');
  const storeAt = 8 + entries * ENTRY_BYTES;
  if (storeAt + dataBytes > blob.length) throw new RpmHeaderError('the header is cut short');
  const store = blob.subarray(storeAt, storeAt + dataBytes);
  const values = new Map<number, RpmTagValue>();
  for (let index = 0; index < entries; index++) {
    const at = 8 + index * ENTRY_BYTES;
    const tag = blob.readUInt32BE(at);
    if (!wanted.includes(tag)) continue;
    const type = blob.readUInt32BE(at + 4);
    const offset = blob.readInt32BE(at + 8);
    const count = blob.readUInt32BE(at + 12);
    if (offset < 0 || offset >= store.length || count === 0) throw new RpmHeaderError(`tag ${tag} points outside the header's data`);
    if (type === TYPE_STRING || type === TYPE_I18NSTRING || type === TYPE_STRING_ARRAY) values.set(tag, cString(store, offset));
    else if (type === TYPE_INT32 && offset + 4 <= store.length) values.set(tag, store.readUInt32BE(offset));
    else throw new RpmHeaderError(`tag ${tag} has type ${type}, which this reader does not expect`);
  }
  return values;
}
