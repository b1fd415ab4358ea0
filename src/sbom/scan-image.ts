import type { Readable } from 'node:stream';
import type { CandidateFile, Capture, FileInterest } from './catalogers/cataloger.js';
import { SbomError, describeError } from './errors.js';
import { fanOut } from './fan-out.js';
import { FileSelector, normalizeEntryPath, type Selection } from './file-selector.js';
import type { ImageSource } from './image-source.js';
import { drain, readLayer, type LayerLimits } from './layer-stream.js';
import { SquashedTree, whiteoutOf } from './squash.js';

export interface ScanResult {
  tree: SquashedTree;
  warnings: string[];
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads the file to its end, then reduces it; a file that does not parse is a warning, not a failure. */
async function runCapture(
  capture: Capture<unknown>,
  stream: Readable,
  file: CandidateFile,
): Promise<{ record: unknown } | { problem: string }> {
  try {
    if (capture.kind === 'whole') {
      const content = await readAll(stream);
      return { record: capture.parse(content, file.path) };
    }
    return { record: await capture.scan(stream, file) };
  } catch (error) {
    return { problem: describeError(error) };
  }
}

/**
 * Streams every layer of the image bottom-up into a squashed tree of the files the interests keep.
 * Each layer is opened only when the previous one is done, so at most one layer is in flight.
 */
export async function scanImage(
  source: ImageSource,
  interests: readonly FileInterest<unknown>[],
  limits: LayerLimits,
): Promise<ScanResult> {
  const tree = new SquashedTree();
  const warnings: string[] = [];
  const selector = new FileSelector(interests);
  for (const [index, layer] of source.layers.entries()) {
    if (layer.size > limits.maxLayerBytes) {
      throw new SbomError(
        `layer ${layer.digest} is ${layer.size} bytes, over the ${limits.maxLayerBytes}-byte layer size limit`,
      );
    }
    tree.beginLayer(index, layer.digest);
    let stream: NodeJS.ReadableStream | Readable;
    try {
      stream = await source.openLayer(layer);
    } catch (error) {
      throw new SbomError(`layer ${layer.digest} of ${source.name} could not be opened: ${describeError(error)}`);
    }
    const warn = (message: string): void => {
      warnings.push(`layer ${layer.digest}: ${message}`);
    };
    await readLayer(layer, stream, limits, async (entry) => {
      const normalized = normalizeEntryPath(entry.rawName);
      if ('unsafe' in normalized) {
        warn(`skipped ${normalized.unsafe}`);
        return drain(entry.stream);
      }
      const filePath = normalized.path;
      const whiteout = whiteoutOf(filePath);
      if (whiteout) {
        tree.applyWhiteout(whiteout.kind, whiteout.target);
        return drain(entry.stream);
      }
      tree.shadow(filePath, entry.type === 'directory');
      if (entry.type === 'symlink') {
        if (selector.wantsLink(filePath)) tree.put(filePath, { kind: 'link', target: entry.linkname ?? '' });
        else if (selector.wantsPath(filePath)) warn(`skipped ${filePath}: it is a symlink to ${entry.linkname ?? ''}`);
        return drain(entry.stream);
      }
      if (entry.type === 'link') {
        const target = normalizeEntryPath(entry.linkname ?? '');
        if ('path' in target && selector.wantsPath(filePath)) {
          const linked = tree.getFromCurrentLayer(target.path);
          if (linked) tree.put(filePath, linked);
        } else if ('unsafe' in target) {
          warn(`skipped hard link ${filePath}: ${target.unsafe}`);
        }
        return drain(entry.stream);
      }
      if (entry.type !== 'file') return drain(entry.stream);
      const file: CandidateFile = { path: filePath, size: entry.size, mode: entry.mode };
      const selections = selector.select(file).filter(({ capture, interest }) => {
        if (capture.kind !== 'whole' || entry.size <= capture.maxBytes) return true;
        warn(`skipped ${filePath}: ${entry.size} bytes is over the ${capture.maxBytes}-byte cap for ${interest.id} files`);
        return false;
      });
      if (selections.length === 0) return drain(entry.stream);
      const outcomes = await fanOut(
        entry.stream,
        selections.map(({ capture }) => (stream: Readable) => runCapture(capture, stream, file)),
      );
      const records = new Map<string, unknown>();
      for (const [index, outcome] of outcomes.entries()) {
        if ('problem' in outcome) warn(`skipped ${filePath}: ${outcome.problem}`);
        else if (outcome.record !== undefined) records.set((selections[index] as Selection).interest.id, outcome.record);
      }
      if (records.size > 0) tree.put(filePath, { kind: 'file', records });
    });
  }
  return { tree, warnings };
}
