import type { Readable } from 'node:stream';

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_BYTES = 32;
const SHT_PROGBITS = 1;
// The Go linker aligns .go.buildinfo to 16 bytes, in memory and so in the file.
const BUILDINFO_ALIGN = 16;
const MAX_BUILDINFO_BYTES = 4 * 1024 * 1024;
const MAX_SECTION_TABLE_BYTES = 1024 * 1024;

export interface GoBuildInfo {
  goVersion: string;
  /** the raw module info text: path, mod, dep and => lines */
  modinfo: string;
}

export type BuildInfoScan = { found: GoBuildInfo } | { notGo: true } | { unsupported: string };

interface Range {
  start: number;
  chunks: Buffer[];
  length: number;
  /** bytes wanted in total; unknown until the lengths inside the data are read */
  want: number;
}

function readUvarint(buffer: Buffer, offset: number): { value: number; next: number } | undefined {
  let value = 0;
  let shift = 0;
  for (let i = offset; i < buffer.length && shift < 49; i++) {
    const byte = buffer[i] as number;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
    shift += 7;
  }
  return undefined;
}

/** How many bytes the build info at the start of `data` spans, or -1 when it is not Go 1.18+ build info. */
function buildInfoLength(data: Buffer): number | undefined {
  if (data.length < HEADER_BYTES) return undefined;
  const pointerSize = data[14];
  const flags = data[15] as number;
  if ((pointerSize !== 4 && pointerSize !== 8) || (flags & 0x2) === 0) return -1;
  const version = readUvarint(data, HEADER_BYTES);
  if (!version) return undefined;
  const modinfoAt = version.next + version.value;
  const modinfo = readUvarint(data, modinfoAt);
  if (!modinfo) return data.length > modinfoAt + 10 ? -1 : undefined;
  return modinfo.next + modinfo.value;
}

function decodeBuildInfo(data: Buffer): GoBuildInfo | undefined {
  const version = readUvarint(data, HEADER_BYTES);
  if (!version) return undefined;
  const goVersion = data.subarray(version.next, version.next + version.value).toString('utf8');
  const modinfoLength = readUvarint(data, version.next + version.value);
  if (!modinfoLength) return undefined;
  let modinfo = data.subarray(modinfoLength.next, modinfoLength.next + modinfoLength.value).toString('utf8');
  // The linker wraps module info in 16-byte sentinels so the runtime can find it.
  if (modinfo.length >= 33 && modinfo[modinfo.length - 17] === '\n') modinfo = modinfo.slice(16, -16);
  return goVersion !== '' ? { goVersion, modinfo } : undefined;
}

interface ElfLayout {
  littleEndian: boolean;
  is64: boolean;
  sectionTableOffset: number;
  sectionTableBytes: number;
  sectionEntryBytes: number;
}

function readElfHeader(head: Buffer): ElfLayout | undefined {
  const is64 = head[4] === 2;
  const littleEndian = head[5] === 1;
  if ((head[4] !== 1 && !is64) || (head[5] !== 1 && head[5] !== 2)) return undefined;
  const u16 = (at: number): number => (littleEndian ? head.readUInt16LE(at) : head.readUInt16BE(at));
  const u32 = (at: number): number => (littleEndian ? head.readUInt32LE(at) : head.readUInt32BE(at));
  const u64 = (at: number): number => Number(littleEndian ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at));
  const sectionTableOffset = is64 ? u64(0x28) : u32(0x20);
  const sectionEntryBytes = is64 ? u16(0x3a) : u16(0x2e);
  const sectionCount = is64 ? u16(0x3c) : u16(0x30);
  return { littleEndian, is64, sectionTableOffset, sectionEntryBytes, sectionTableBytes: sectionEntryBytes * sectionCount };
}

/** File offsets where a PROGBITS section starts, from the section header table. */
function progbitsOffsets(table: Buffer, layout: ElfLayout): Set<number> {
  const offsets = new Set<number>();
  for (let at = 0; at + layout.sectionEntryBytes <= table.length; at += layout.sectionEntryBytes) {
    const type = layout.littleEndian ? table.readUInt32LE(at + 4) : table.readUInt32BE(at + 4);
    if (type !== SHT_PROGBITS) continue;
    const offsetAt = at + (layout.is64 ? 0x18 : 0x10);
    const offset = layout.is64
      ? Number(layout.littleEndian ? table.readBigUInt64LE(offsetAt) : table.readBigUInt64BE(offsetAt))
      : layout.littleEndian ? table.readUInt32LE(offsetAt) : table.readUInt32BE(offsetAt);
    offsets.add(offset);
  }
  return offsets;
}

function append(range: Range, chunk: Buffer, chunkStart: number): void {
  const from = Math.max(0, range.start + range.length - chunkStart);
  const take = Math.min(chunk.length - from, range.want - range.length);
  if (from >= chunk.length || take <= 0) return;
  range.chunks.push(chunk.subarray(from, from + take));
  range.length += take;
}

function bytesOf(range: Range): Buffer {
  if (range.chunks.length !== 1) range.chunks = [Buffer.concat(range.chunks)];
  return range.chunks[0] as Buffer;
}

/**
 * Reads an executable as it streams and returns its Go build info, kept only when it sits at the
 * start of a PROGBITS section (the `.go.buildinfo` section) so a stray copy of the magic in data
 * does not count. Only the ELF header, the section header table and the build info are held.
 */
export async function scanElfBuildInfo(stream: Readable): Promise<BuildInfoScan> {
  let position = 0;
  let head = Buffer.alloc(0);
  let layout: ElfLayout | undefined;
  let notElf = false;
  let table: Range | undefined;
  const candidates: Range[] = [];
  let carry = Buffer.alloc(0);

  for await (const raw of stream) {
    const chunk = raw as Buffer;
    const chunkStart = position;
    position += chunk.length;
    if (notElf) continue;
    if (!layout) {
      head = Buffer.concat([head, chunk.subarray(0, 64 - head.length)]);
      if (head.length < 64) continue;
      layout = head.subarray(0, 4).equals(ELF_MAGIC) ? readElfHeader(head) : undefined;
      if (!layout) {
        notElf = true;
        continue;
      }
      if (layout.sectionTableBytes > 0 && layout.sectionTableBytes <= MAX_SECTION_TABLE_BYTES) {
        table = { start: layout.sectionTableOffset, chunks: [], length: 0, want: layout.sectionTableBytes };
      }
    }
    if (table) append(table, chunk, chunkStart);
    for (const candidate of candidates) {
      if (candidate.length >= candidate.want) continue;
      append(candidate, chunk, chunkStart);
      const length = buildInfoLength(bytesOf(candidate));
      if (length !== undefined) candidate.want = length < 0 ? 0 : Math.min(length, MAX_BUILDINFO_BYTES);
    }
    const window = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const windowStart = chunkStart - carry.length;
    for (let at = window.indexOf(BUILDINFO_MAGIC); at >= 0; at = window.indexOf(BUILDINFO_MAGIC, at + 1)) {
      if ((windowStart + at) % BUILDINFO_ALIGN !== 0) continue;
      const candidate: Range = { start: windowStart + at, chunks: [], length: 0, want: MAX_BUILDINFO_BYTES };
      append(candidate, window, windowStart);
      const length = buildInfoLength(bytesOf(candidate));
      if (length !== undefined) candidate.want = length < 0 ? 0 : Math.min(length, MAX_BUILDINFO_BYTES);
      if (candidate.want > 0) candidates.push(candidate);
    }
    carry = Buffer.from(window.subarray(Math.max(0, window.length - (BUILDINFO_MAGIC.length - 1))));
  }

  if (!layout || !table || table.length < table.want || candidates.length === 0) return { notGo: true };
  const sectionStarts = progbitsOffsets(bytesOf(table), layout);
  const section = candidates.find((candidate) => sectionStarts.has(candidate.start));
  if (!section) return { notGo: true };
  if (section.length < section.want) return { unsupported: 'its Go build info is cut short or over the size cap' };
  const info = decodeBuildInfo(bytesOf(section).subarray(0, section.want));
  return info ? { found: info } : { unsupported: 'its Go build info could not be decoded' };
}
