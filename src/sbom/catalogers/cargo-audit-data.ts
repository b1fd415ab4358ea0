import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { append, bytesOf, ElfSectionTableReader, type Range } from './elf-layout.js';

// cargo-auditable stores zlib-compressed JSON in the `.dep-v0` section, which is not loaded at run
// time (its flags are 0). A zlib stream starts with 0x78 (deflate, 32 KiB window) and one of four
// flag bytes that make the pair a multiple of 31.
const ZLIB_METHOD = 0x78;
const ZLIB_FLAGS = [0x01, 0x5e, 0x9c, 0xda];
const ZLIB_HEADERS = ZLIB_FLAGS.map((flags) => Buffer.from([ZLIB_METHOD, flags]));
// The first deflate block's type sits in bits 1-2 of the byte after the header; 3 is invalid.
const INVALID_BLOCK_TYPE = 0b110;
const JSON_START = '{"packages":';
// Enough compressed bytes to get past a dynamic Huffman table to the first literals.
const PROBE_BYTES = 512;
const MAX_COMPRESSED_BYTES = 1024 * 1024;
const MAX_JSON_BYTES = 16 * 1024 * 1024;

export type AuditDataScan = { found: string } | { notAudited: true } | { unsupported: string };

interface Candidate extends Range {
  probed: boolean;
  /** how many bytes the last attempt to inflate the whole stream had */
  triedLength: number;
  json?: string;
}

function startsLikeAuditData(bytes: Buffer): boolean {
  if (bytes.length < 3 || ((bytes[2] as number) & INVALID_BLOCK_TYPE) === INVALID_BLOCK_TYPE) return false;
  try {
    const head = zlib.inflateSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 4096 });
    return head.toString('latin1', 0, JSON_START.length) === JSON_START;
  } catch {
    return false;
  }
}

/** The JSON once the zlib stream in `bytes` is complete; undefined while it is still cut short. */
function inflateComplete(bytes: Buffer): string | undefined | Error {
  try {
    return zlib.inflateSync(bytes, { maxOutputLength: MAX_JSON_BYTES }).toString('utf8');
  } catch (error) {
    return (error as { code?: string }).code === 'Z_BUF_ERROR' ? undefined : (error as Error);
  }
}

function advance(candidate: Candidate, atEnd: boolean): boolean {
  if (!candidate.probed) {
    if (candidate.length < candidate.want && !atEnd) return true;
    if (!startsLikeAuditData(bytesOf(candidate))) return false;
    candidate.probed = true;
    candidate.want = MAX_COMPRESSED_BYTES;
  }
  if (candidate.json !== undefined || candidate.length === candidate.triedLength) return true;
  candidate.triedLength = candidate.length;
  const json = inflateComplete(bytesOf(candidate));
  if (json instanceof Error) return false;
  if (json !== undefined) {
    candidate.json = json;
    candidate.want = candidate.length;
  }
  return true;
}

/**
 * Reads an executable as it streams and returns the JSON cargo-auditable embedded, kept only when
 * its zlib stream starts a PROGBITS section, so compressed bytes elsewhere in the file do not count.
 * Only the ELF header, the section header table and candidate streams are held.
 */
export async function scanCargoAuditData(stream: Readable): Promise<AuditDataScan> {
  let position = 0;
  const elf = new ElfSectionTableReader();
  let candidates: Candidate[] = [];
  let lastByte = -1;

  for await (const raw of stream) {
    const chunk = raw as Buffer;
    const chunkStart = position;
    position += chunk.length;
    elf.feed(chunk, chunkStart);
    if (elf.notElf) continue;
    for (const candidate of candidates) append(candidate, chunk, chunkStart);
    const searchFrom = Math.max(0, (elf.loadedBytesEnd() ?? 0) - chunkStart);
    const starts: number[] = [];
    if (searchFrom === 0 && lastByte === ZLIB_METHOD && ZLIB_FLAGS.includes(chunk[0] as number)) starts.push(chunkStart - 1);
    for (const header of ZLIB_HEADERS) {
      for (let at = chunk.indexOf(header, searchFrom); at >= 0; at = chunk.indexOf(header, at + 1)) starts.push(chunkStart + at);
    }
    for (const start of starts) {
      const candidate: Candidate = { start, chunks: [], length: 0, want: PROBE_BYTES, probed: false, triedLength: 0 };
      if (start < chunkStart) append(candidate, Buffer.of(ZLIB_METHOD), start);
      append(candidate, chunk, chunkStart);
      candidates.push(candidate);
    }
    candidates = candidates.filter((candidate) => advance(candidate, false));
    lastByte = chunk.length > 0 ? (chunk[chunk.length - 1] as number) : lastByte;
  }

  candidates = candidates.filter((candidate) => advance(candidate, true));
  const sections = elf.progbitsSections();
  const section = sections && candidates.find((candidate) => sections.has(candidate.start));
  if (!section) return { notAudited: true };
  if (section.json === undefined) return { unsupported: 'its cargo-auditable data is cut short or over the size cap' };
  return { found: section.json };
}
