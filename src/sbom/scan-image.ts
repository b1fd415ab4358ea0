import type { Readable } from 'node:stream';
import type { CandidateFile, Capture, FileInterest } from './catalogers/cataloger.js';
import { SbomError, describeError } from './errors.js';
import { FileSelector, normalizeEntryPath } from './file-selector.js';
import type { ImageSource } from './image-source.js';
import { drain, readLayer, type LayerEntry, type LayerLimits } from './layer-stream.js';
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

/** Reads the entry to its end, then reduces it; a file that does not parse is a warning, not a failure. */
async function runCapture(
  capture: Capture<unknown>,
  entry: LayerEntry,
  file: CandidateFile,
): Promise<{ record: unknown } | { problem: string }> {
  try {
    if (capture.kind === 'whole') {
      const content = await readAll(entry.stream);
      return { record: capture.parse(content, file.path) };
    }
    // A scan reads the stream to its end before it decides, so a failure leaves nothing to drain.
    return { record: await capture.scan(entry.stream, file) };
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
      const selection = selector.select(file);
      if (!selection) return drain(entry.stream);
      const { capture, interest } = selection;
      if (capture.kind === 'whole' && entry.size > capture.maxBytes) {
        warn(`skipped ${filePath}: ${entry.size} bytes is over the ${capture.maxBytes}-byte cap for ${interest.id} files`);
        return drain(entry.stream);
      }
      const outcome = await runCapture(capture, entry, file);
      if ('problem' in outcome) warn(`skipped ${filePath}: ${outcome.problem}`);
      else if (outcome.record !== undefined) tree.put(filePath, { kind: 'file', interestId: interest.id, record: outcome.record });
    });
  }
  return { tree, warnings };
}
