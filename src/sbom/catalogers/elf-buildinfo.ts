import type { Readable } from 'node:stream';
import { append, bytesOf, ElfSectionTableReader, type Range } from './elf-layout.js';

const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_BYTES = 32;
// The Go linker aligns .go.buildinfo to 16 bytes, in memory and so in the file.
const BUILDINFO_ALIGN = 16;
const MAX_BUILDINFO_BYTES = 4 * 1024 * 1024;

export interface GoBuildInfo {
  goVersion: string;
  /** the raw module info text: path, mod, dep and => lines */
  modinfo: string;
}

export type BuildInfoScan = { found: GoBuildInfo } | { notGo: true } | { unsupported: string };

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

/**
 * Reads an executable as it streams and returns its Go build info, kept only when it sits at the
 * start of a PROGBITS section (the `.go.buildinfo` section) so a stray copy of the magic in data
 * does not count. Only the ELF header, the section header table and the build info are held.
 */
export async function scanElfBuildInfo(stream: Readable): Promise<BuildInfoScan> {
  let position = 0;
  const elf = new ElfSectionTableReader();
  const candidates: Range[] = [];
  let carry = Buffer.alloc(0);

  for await (const raw of stream) {
    const chunk = raw as Buffer;
    const chunkStart = position;
    position += chunk.length;
    elf.feed(chunk, chunkStart);
    if (elf.notElf) continue;
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

  const sections = elf.progbitsSections();
  if (!sections || candidates.length === 0) return { notGo: true };
  const section = candidates.find((candidate) => sections.has(candidate.start));
  if (!section) return { notGo: true };
  if (section.length < section.want) return { unsupported: 'its Go build info is cut short or over the size cap' };
  const info = decodeBuildInfo(bytesOf(section).subarray(0, section.want));
  return info ? { found: info } : { unsupported: 'its Go build info could not be decoded' };
}
