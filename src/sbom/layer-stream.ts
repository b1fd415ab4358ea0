import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Decompress as ZstdDecompress } from 'fzstd';
import tar from 'tar-stream';
import { SbomError, describeError } from './errors.js';
import type { LayerDescriptor } from './image-source.js';

export interface LayerLimits {
  /** compressed bytes of one layer, as stored in the registry */
  maxLayerBytes: number;
  /** bytes of one layer's tar stream once decompressed: the guard against decompression bombs */
  maxUncompressedLayerBytes: number;
}

export type EntryType = 'file' | 'directory' | 'symlink' | 'link' | 'other';

export interface LayerEntry {
  /** the tar entry's name as written, for messages */
  rawName: string;
  type: EntryType;
  size: number;
  mode: number;
  linkname?: string;
  /** must be read to its end or drained before the promise of the entry handler settles */
  stream: Readable;
}

export type EntryHandler = (entry: LayerEntry) => Promise<void>;

type Compression = 'gzip' | 'zstd' | 'none';

export function compressionOf(layer: LayerDescriptor): Compression {
  const type = layer.mediaType;
  if (/[+.]gzip$/.test(type)) return 'gzip';
  if (/[+.]zstd$/.test(type)) return 'zstd';
  if (/(^|[.+/])tar$/.test(type)) return 'none';
  throw new SbomError(
    `layer ${layer.digest} has media type "${type}", which is not a tar layer (gzip, zstd or uncompressed)`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

class ByteLimit extends Transform {
  private seen = 0;
  constructor(
    private readonly limit: number,
    private readonly describeOverflow: (limit: number) => string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) {
      callback(new SbomError(this.describeOverflow(this.limit)));
      return;
    }
    callback(null, chunk);
  }
}

class ZstdDataError extends Error {}

class FzstdTransform extends Transform {
  private readonly decoder = new ZstdDecompress((data) => {
    this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.push(chunk);
      callback();
    } catch (error) {
      callback(new ZstdDataError(describeError(error)));
    }
  }
  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      callback();
    } catch (error) {
      callback(new ZstdDataError(describeError(error)));
    }
  }
}

type NativeZstd = { createZstdDecompress?: () => Transform };

// Node 24's zlib decodes zstd natively; Node 20 has no zstd, so fzstd (pure JS) stands in.
function zstdDecompressor(): Transform {
  const native = (zlib as unknown as NativeZstd).createZstdDecompress;
  return native ? native() : new FzstdTransform();
}

function decompressor(compression: Compression): Transform | undefined {
  if (compression === 'gzip') return zlib.createGunzip();
  if (compression === 'zstd') return zstdDecompressor();
  return undefined;
}

function explainFailure(error: unknown, compression: Compression): string {
  if (error instanceof SbomError) return error.message;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = describeError(error);
  const fromDecoder = error instanceof ZstdDataError || code.startsWith('Z_') || /zstd/i.test(code);
  if (fromDecoder && compression === 'gzip') {
    return code === 'Z_BUF_ERROR' ? 'the gzip data is truncated (unexpected end of file)' : `the gzip data is corrupt (${message})`;
  }
  if (fromDecoder && compression === 'zstd') return `the zstd data is corrupt or truncated (${message})`;
  if (message === 'Unexpected end of data') return 'the tar stream is truncated (unexpected end of data)';
  if (/tar header|checksum/i.test(message)) return `the tar stream is corrupt (${message})`;
  return message;
}

function entryType(type: tar.Header['type']): EntryType {
  if (type === 'file' || type === 'contiguous-file') return 'file';
  if (type === 'directory' || type === 'symlink' || type === 'link') return type;
  return 'other';
}

export function drain(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
    stream.resume();
  });
}

/**
 * Streams one layer through decompression and tar parsing, handing each entry to `onEntry` in
 * archive order. Nothing is written to disk and only the entry being handled is in flight.
 */
export async function readLayer(
  layer: LayerDescriptor,
  source: NodeJS.ReadableStream | Readable,
  limits: LayerLimits,
  onEntry: EntryHandler,
): Promise<void> {
  const compression = compressionOf(layer);
  const stated = layer.size > 0 && layer.size < limits.maxLayerBytes;
  const stages: (NodeJS.ReadableStream | NodeJS.WritableStream)[] = [
    source instanceof Readable ? source : Readable.from(source as AsyncIterable<Buffer>),
    new ByteLimit(
      stated ? layer.size : limits.maxLayerBytes,
      (limit) =>
        stated
          ? `layer ${layer.digest} sent more than the ${layer.size} bytes its descriptor states`
          : `layer ${layer.digest} is over the ${formatBytes(limit)} layer size limit`,
    ),
  ];
  const decoder = decompressor(compression);
  if (decoder) stages.push(decoder);
  stages.push(
    new ByteLimit(
      limits.maxUncompressedLayerBytes,
      (limit) => `layer ${layer.digest} unpacks to more than the ${formatBytes(limit)} uncompressed limit`,
    ),
  );
  const extract = tar.extract();
  let handlerError: unknown;
  extract.on('entry', (header, stream, next) => {
    const entry: LayerEntry = {
      rawName: header.name,
      type: entryType(header.type),
      size: header.size ?? 0,
      mode: header.mode ?? 0,
      linkname: header.linkname ?? undefined,
      // tar-stream's entries are streamx streams; they support the async iteration and events used here.
      stream: stream as unknown as Readable,
    };
    onEntry(entry).then(
      () => next(),
      (error: unknown) => {
        handlerError = error;
        extract.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  stages.push(extract);
  try {
    await pipeline(stages);
  } catch (error) {
    // An entry's stream fails with the archive's own error when the data ends inside that entry.
    const cause = handlerError ?? error;
    if (cause instanceof SbomError) throw cause;
    throw new SbomError(`layer ${layer.digest}: ${explainFailure(cause, compression)}`);
  }
}
