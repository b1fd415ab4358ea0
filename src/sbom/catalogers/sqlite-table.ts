export type SqliteValue = null | number | bigint | string | Buffer;

export interface SqliteRow {
  rowid: bigint;
  values: SqliteValue[];
}

export class SqliteFormatError extends Error {}

const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
const TABLE_INTERIOR = 0x05;
const TABLE_LEAF = 0x0d;
const MAX_TREE_DEPTH = 64;

interface Database {
  bytes: Buffer;
  pageSize: number;
  usableSize: number;
  pageCount: number;
}

function openDatabase(bytes: Buffer): Database {
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 16) !== MAGIC) {
    throw new SqliteFormatError('it is not an SQLite database');
  }
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw new SqliteFormatError(`its page size ${rawPageSize} is invalid`);
  if (bytes.readUInt32BE(56) > 1) throw new SqliteFormatError('its text encoding is not UTF-8');
  return { bytes, pageSize, usableSize: pageSize - (bytes[20] as number), pageCount: Math.floor(bytes.length / pageSize) };
}

function pageOffset(db: Database, page: number): number {
  if (!Number.isInteger(page) || page < 1 || page > db.pageCount) {
    throw new SqliteFormatError(`it refers to page ${page}, outside its ${db.pageCount} pages`);
  }
  return (page - 1) * db.pageSize;
}

function readVarint(bytes: Buffer, at: number): { value: bigint; next: number } {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    if (at + i >= bytes.length) throw new SqliteFormatError('a varint runs past its page');
    const byte = bytes[at + i] as number;
    if (i === 8) return { value: (value << 8n) | BigInt(byte), next: at + 9 };
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  throw new SqliteFormatError('a varint is malformed');
}

/** A table leaf cell's payload, following its overflow chain when it does not fit on the page. */
function readPayload(db: Database, at: number, size: number, visited: Set<number>): Buffer {
  const maxLocal = db.usableSize - 35;
  if (size <= maxLocal) return db.bytes.subarray(at, at + size);
  const minLocal = Math.floor(((db.usableSize - 12) * 32) / 255) - 23;
  const spill = minLocal + ((size - minLocal) % (db.usableSize - 4));
  const local = spill <= maxLocal ? spill : minLocal;
  const parts = [db.bytes.subarray(at, at + local)];
  let remaining = size - local;
  let page = db.bytes.readUInt32BE(at + local);
  while (remaining > 0) {
    if (visited.has(page)) throw new SqliteFormatError(`its overflow chain loops at page ${page}`);
    visited.add(page);
    const offset = pageOffset(db, page);
    const take = Math.min(remaining, db.usableSize - 4);
    parts.push(db.bytes.subarray(offset + 4, offset + 4 + take));
    remaining -= take;
    page = db.bytes.readUInt32BE(offset);
  }
  return Buffer.concat(parts);
}

function decodeRecord(payload: Buffer): SqliteValue[] {
  const header = readVarint(payload, 0);
  const headerEnd = Number(header.value);
  const types: number[] = [];
  for (let at = header.next; at < headerEnd; ) {
    const type = readVarint(payload, at);
    types.push(Number(type.value));
    at = type.next;
  }
  const values: SqliteValue[] = [];
  let at = headerEnd;
  for (const type of types) {
    if (type === 0) values.push(null);
    else if (type >= 1 && type <= 6) {
      const width = [1, 2, 3, 4, 6, 8][type - 1] as number;
      if (at + width > payload.length) throw new SqliteFormatError('a record runs past its payload');
      values.push(width === 8 ? payload.readBigInt64BE(at) : payload.readIntBE(at, width));
      at += width;
    } else if (type === 7) {
      values.push(payload.readDoubleBE(at));
      at += 8;
    } else if (type === 8 || type === 9) values.push(type - 8);
    else if (type >= 12) {
      const length = Math.floor((type - 12) / 2);
      if (at + length > payload.length) throw new SqliteFormatError('a record runs past its payload');
      const bytes = payload.subarray(at, at + length);
      values.push(type % 2 === 0 ? bytes : bytes.toString('utf8'));
      at += length;
    } else throw new SqliteFormatError(`a record has the reserved serial type ${type}`);
  }
  return values;
}

/** Every row of the table b-tree rooted at `root`, in rowid order. */
function* walkTable(db: Database, root: number, visited: Set<number>, depth = 0): Generator<SqliteRow> {
  if (depth > MAX_TREE_DEPTH) throw new SqliteFormatError('its b-tree is deeper than any real database');
  if (visited.has(root)) throw new SqliteFormatError(`its b-tree loops at page ${root}`);
  visited.add(root);
  const pageStart = pageOffset(db, root);
  const headerAt = root === 1 ? HEADER_BYTES : pageStart;
  const type = db.bytes[headerAt];
  if (type !== TABLE_LEAF && type !== TABLE_INTERIOR) throw new SqliteFormatError(`page ${root} is not a table b-tree page`);
  const cellCount = db.bytes.readUInt16BE(headerAt + 3);
  const pointers = headerAt + (type === TABLE_LEAF ? 8 : 12);
  for (let index = 0; index < cellCount; index++) {
    const cell = pageStart + db.bytes.readUInt16BE(pointers + 2 * index);
    if (type === TABLE_INTERIOR) {
      yield* walkTable(db, db.bytes.readUInt32BE(cell), visited, depth + 1);
      continue;
    }
    const size = readVarint(db.bytes, cell);
    const rowid = readVarint(db.bytes, size.next);
    yield { rowid: rowid.value, values: decodeRecord(readPayload(db, rowid.next, Number(size.value), visited)) };
  }
  if (type === TABLE_INTERIOR) yield* walkTable(db, db.bytes.readUInt32BE(headerAt + 8), visited, depth + 1);
}

/**
 * The rows of one table of an SQLite database held in memory, read from the b-tree pages as the
 * file format documents them (https://www.sqlite.org/fileformat2.html). A write-ahead log is not
 * applied: only what was checkpointed into the main file is read.
 */
export function* readSqliteTable(bytes: Buffer, table: string): Generator<SqliteRow> {
  const db = openDatabase(bytes);
  let root: number | undefined;
  for (const row of walkTable(db, 1, new Set())) {
    const [type, name, , rootPage] = row.values;
    if (type === 'table' && typeof name === 'string' && name.toLowerCase() === table.toLowerCase()) root = Number(rootPage);
  }
  if (root === undefined) throw new SqliteFormatError(`it has no ${table} table`);
  yield* walkTable(db, root, new Set());
}
