import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_EXTRA = 0x0001;
export const STORED = 0;
const DEFLATED = 8;

export class ZipFormatError extends Error {}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_BYTES - MAX_COMMENT_BYTES);
  for (let at = zip.length - EOCD_BYTES; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_BYTES + zip.readUInt16LE(at + 20) <= zip.length) return at;
  }
  throw new ZipFormatError('it is not a ZIP archive (no end of central directory record)');
}

function checkedNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError(`its ${what} is out of range`);
  return Number(value);
}

interface Directory {
  offset: number;
  size: number;
  count: number;
  /** where the archive starts in the buffer: non-zero when a launch script or stub is prepended */
  base: number;
}

function readDirectory(zip: Buffer): Directory {
  const eocd = findEndOfCentralDirectory(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let size = zip.readUInt32LE(eocd + 12);
  let offset = zip.readUInt32LE(eocd + 16);
  let recordAt = eocd;
  const locator = eocd - 20;
  if (locator >= 0 && zip.readUInt32LE(locator) === ZIP64_LOCATOR_SIGNATURE) {
    const zip64At = checkedNumber(zip.readBigUInt64LE(locator + 8), 'ZIP64 record offset');
    // The locator's offset is relative to the archive start, which a prepended stub moves.
    const candidates = [zip64At, locator - 56];
    const found = candidates.find((at) => at >= 0 && at + 56 <= zip.length && zip.readUInt32LE(at) === ZIP64_EOCD_SIGNATURE);
    if (found === undefined) throw new ZipFormatError('its ZIP64 end of central directory record is missing');
    count = checkedNumber(zip.readBigUInt64LE(found + 32), 'entry count');
    size = checkedNumber(zip.readBigUInt64LE(found + 40), 'central directory size');
    offset = checkedNumber(zip.readBigUInt64LE(found + 48), 'central directory offset');
    recordAt = found;
  }
  const base = recordAt - (offset + size);
  if (base < 0 || recordAt > zip.length) throw new ZipFormatError('its central directory lies outside the file');
  return { offset: offset + base, size, count, base };
}

function applyZip64Extra(zip: Buffer, from: number, to: number, entry: ZipEntry, rawOffset: number): number {
  let offset = rawOffset;
  for (let at = from; at + 4 <= to; ) {
    const id = zip.readUInt16LE(at);
    const length = zip.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length) throw new ZipFormatError(`the ZIP64 field of ${entry.name} is short`);
        const value = checkedNumber(zip.readBigUInt64LE(field), `size of ${entry.name}`);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (offset === 0xffffffff) offset = next();
    }
    at += 4 + length;
  }
  return offset;
}

/** The entries of a ZIP archive (jar, war, ear) held in memory, from its central directory. */
export function listZipEntries(zip: Buffer): ZipEntry[] {
  const directory = readDirectory(zip);
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  const end = Math.min(zip.length, directory.offset + directory.size);
  for (let index = 0; index < directory.count; index++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`its central directory is cut short at entry ${index + 1} of ${directory.count}`);
    }
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > end) throw new ZipFormatError(`central directory entry ${index + 1} runs past its end`);
    const entry: ZipEntry = {
      name: zip.toString('utf8', at + 46, nameEnd),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      encrypted: (flags & 0x1) !== 0,
      localHeaderOffset: 0,
    };
    entry.localHeaderOffset = applyZip64Extra(zip, nameEnd, nameEnd + extraLength, entry, zip.readUInt32LE(at + 42)) + directory.base;
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/**
 * The bytes of one entry: stored entries are returned without a copy, deflated ones are inflated
 * to at most `maxInflatedBytes`, so a small entry cannot inflate into a bomb.
 */
export function readZipEntry(zip: Buffer, entry: ZipEntry, maxInflatedBytes: number): Buffer {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`);
  const header = entry.localHeaderOffset;
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(`the local header of ${entry.name} is missing`);
  }
  const dataStart = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > zip.length) throw new ZipFormatError(`${entry.name} runs past the end of the archive`);
  const data = zip.subarray(dataStart, dataEnd);
  if (entry.method === STORED) return data;
  if (entry.method !== DEFLATED) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  const overCap = `${entry.name} inflates past the ${maxInflatedBytes}-byte cap`;
  if (entry.size > maxInflatedBytes) throw new ZipFormatError(overCap);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxInflatedBytes) });
  } catch (error) {
    throw new ZipFormatError((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? overCap : `${entry.name} does not inflate`);
  }
}
