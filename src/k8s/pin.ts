import { Scalar } from 'yaml';
import { locateImages } from './find-images.js';
import type { LocatedImage } from './find-images.js';
import { ManifestError } from './manifest-error.js';
import type { ManifestFile } from './read-manifests.js';

export interface PinnedManifest {
  path: string;
  text: string;
}

/** Characters an image reference may hold that stay a plain scalar in block and flow context alike. */
const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@+]*$/;

/**
 * Rewrites each image found in the manifests to its pinned form by splicing the source text at the
 * scalar's range, so everything else (comments, quoting, indentation, key order) stays byte for byte.
 * Images without a pin are left as written.
 */
export function pinManifests(files: ManifestFile[], pins: Map<string, string>): PinnedManifest[] {
  const located = locateImages(files);
  return files.map((file) => {
    const edits = new Map<Scalar<string>, LocatedImage>();
    for (const image of located) {
      if (image.file === file.path && pins.has(image.image) && !edits.has(image.scalar)) edits.set(image.scalar, image);
    }
    const ordered = [...edits.values()].sort((a, b) => rangeOf(b)[0] - rangeOf(a)[0]);
    let text = file.text;
    for (const image of ordered) {
      const [start, end] = rangeOf(image);
      text = text.slice(0, start) + renderScalar(image, pins.get(image.image)!) + text.slice(end);
    }
    return { path: file.path, text };
  });
}

function rangeOf(image: LocatedImage): [number, number] {
  const range = image.scalar.range;
  if (!range) throw new ManifestError(`${image.file}:${image.line}:${image.column}: ${image.image} has no source position — pin it by hand`);
  return [range[0], range[1]];
}

function renderScalar(image: LocatedImage, value: string): string {
  switch (image.scalar.type) {
    case Scalar.PLAIN:
      return PLAIN_SAFE.test(value) ? value : JSON.stringify(value);
    case Scalar.QUOTE_DOUBLE:
      return JSON.stringify(value);
    case Scalar.QUOTE_SINGLE:
      return `'${value.replaceAll("'", "''")}'`;
    default:
      throw new ManifestError(`${image.file}:${image.line}:${image.column}: ${image.image} is written as a block scalar, which cannot be pinned in place — write the image on one line`);
  }
}
