const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const ELF_HEADER_BYTES = 64;
const SHT_PROGBITS = 1;
const PT_LOAD = 1;
const MAX_SECTION_TABLE_BYTES = 1024 * 1024;
const MAX_PROGRAM_TABLE_BYTES = 64 * 1024;

/** Bytes of a file kept from `start` on as it streams past, up to `want`. */
export interface Range {
  start: number;
  chunks: Buffer[];
  length: number;
  /** bytes wanted in total; may be lowered once the data says how long it is */
  want: number;
}

export function append(range: Range, chunk: Buffer, chunkStart: number): void {
  const from = Math.max(0, range.start + range.length - chunkStart);
  const take = Math.min(chunk.length - from, range.want - range.length);
  if (from >= chunk.length || take <= 0) return;
  range.chunks.push(chunk.subarray(from, from + take));
  range.length += take;
}

export function bytesOf(range: Range): Buffer {
  if (range.chunks.length !== 1) range.chunks = [Buffer.concat(range.chunks)];
  return range.chunks[0] as Buffer;
}

interface ElfLayout {
  littleEndian: boolean;
  is64: boolean;
  sectionTableOffset: number;
  sectionTableBytes: number;
  sectionEntryBytes: number;
  programTableOffset: number;
  programTableBytes: number;
  programEntryBytes: number;
}

function readElfHeader(head: Buffer): ElfLayout | undefined {
  if (!head.subarray(0, 4).equals(ELF_MAGIC)) return undefined;
  const is64 = head[4] === 2;
  const littleEndian = head[5] === 1;
  if ((head[4] !== 1 && !is64) || (head[5] !== 1 && head[5] !== 2)) return undefined;
  const u16 = (at: number): number => (littleEndian ? head.readUInt16LE(at) : head.readUInt16BE(at));
  const u32 = (at: number): number => (littleEndian ? head.readUInt32LE(at) : head.readUInt32BE(at));
  const u64 = (at: number): number => Number(littleEndian ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at));
  const sectionTableOffset = is64 ? u64(0x28) : u32(0x20);
  const sectionEntryBytes = is64 ? u16(0x3a) : u16(0x2e);
  const sectionCount = is64 ? u16(0x3c) : u16(0x30);
  const programTableOffset = is64 ? u64(0x20) : u32(0x1c);
  const programEntryBytes = is64 ? u16(0x36) : u16(0x2a);
  const programCount = is64 ? u16(0x38) : u16(0x2c);
  return {
    littleEndian,
    is64,
    sectionTableOffset,
    sectionEntryBytes,
    sectionTableBytes: sectionEntryBytes * sectionCount,
    programTableOffset,
    programEntryBytes,
    programTableBytes: programEntryBytes * programCount,
  };
}

function wordReader(layout: ElfLayout, bytes: Buffer): { u32(at: number): number; word(at: number): number } {
  return {
    u32: (at) => (layout.littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at)),
    word: (at) =>
      layout.is64
        ? Number(layout.littleEndian ? bytes.readBigUInt64LE(at) : bytes.readBigUInt64BE(at))
        : layout.littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at),
  };
}

/**
 * Follows an ELF file as it streams and keeps its header and section header table, which may sit
 * before or after the sections (the Go linker writes it first, GNU ld and lld last).
 */
export class ElfSectionTableReader {
  private head = Buffer.alloc(0);
  private layout: ElfLayout | undefined;
  private table: Range | undefined;
  private programs: Range | undefined;
  /** set once the first bytes show the file is not ELF */
  notElf = false;

  feed(chunk: Buffer, chunkStart: number): void {
    if (this.notElf) return;
    if (!this.layout) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, ELF_HEADER_BYTES - this.head.length)]);
      if (this.head.length < ELF_HEADER_BYTES) return;
      this.layout = readElfHeader(this.head);
      if (!this.layout) {
        this.notElf = true;
        return;
      }
      const { sectionTableBytes, sectionTableOffset } = this.layout;
      if (sectionTableBytes > 0 && sectionTableBytes <= MAX_SECTION_TABLE_BYTES) {
        this.table = { start: sectionTableOffset, chunks: [], length: 0, want: sectionTableBytes };
      }
      const { programTableBytes, programTableOffset } = this.layout;
      if (programTableBytes > 0 && programTableBytes <= MAX_PROGRAM_TABLE_BYTES) {
        this.programs = { start: programTableOffset, chunks: [], length: 0, want: programTableBytes };
      }
    }
    if (this.table) append(this.table, chunk, chunkStart);
    if (this.programs) append(this.programs, chunk, chunkStart);
  }

  /**
   * Where the loadable segments end in the file, once the program header table has streamed past.
   * Linkers place sections that are not loaded (symbols, notes such as `.dep-v0`) after this point.
   */
  loadedBytesEnd(): number | undefined {
    const { layout, programs } = this;
    if (!layout || !programs || programs.length < programs.want) return undefined;
    const bytes = bytesOf(programs);
    const { u32, word } = wordReader(layout, bytes);
    let end = 0;
    for (let at = 0; at + layout.programEntryBytes <= bytes.length; at += layout.programEntryBytes) {
      if (u32(at) !== PT_LOAD) continue;
      const offset = word(at + (layout.is64 ? 0x08 : 0x04));
      const size = word(at + (layout.is64 ? 0x20 : 0x10));
      end = Math.max(end, offset + size);
    }
    return end;
  }

  /** File offset to size of every PROGBITS section; undefined unless the whole table streamed past. */
  progbitsSections(): Map<number, number> | undefined {
    const { layout, table } = this;
    if (!layout || !table || table.length < table.want) return undefined;
    const bytes = bytesOf(table);
    const sections = new Map<number, number>();
    const { u32, word } = wordReader(layout, bytes);
    for (let at = 0; at + layout.sectionEntryBytes <= bytes.length; at += layout.sectionEntryBytes) {
      if (u32(at + 4) !== SHT_PROGBITS) continue;
      const offset = word(at + (layout.is64 ? 0x18 : 0x10));
      const size = word(at + (layout.is64 ? 0x20 : 0x14));
      // Empty sections can share an offset with the one that holds the bytes.
      sections.set(offset, Math.max(size, sections.get(offset) ?? 0));
    }
    return sections;
  }
}
