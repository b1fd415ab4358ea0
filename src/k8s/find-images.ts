import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import type { ManifestFile } from './read-manifests.js';

export interface ImageOccurrence {
  /** The image string exactly as written in the manifest. */
  image: string;
  file: string;
  /** 1-based position of the image value. */
  line: number;
  column: number;
  /** The kind and metadata.name of the resource holding it (the item's, inside a List). */
  kind: string;
  name: string;
  container?: string;
  docIndex: number;
  /** Keys and indexes from the document root to the image value. */
  path: (string | number)[];
}

/** An occurrence with the scalar that holds the image, which pinning rewrites in place. */
export interface LocatedImage extends ImageOccurrence {
  scalar: Scalar<string>;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
/** Labels and annotations may use `image` as a key for plain text, never for a pulled image. */
const FREE_TEXT_MAPS = new Set(['labels', 'annotations']);

export function findImages(files: ManifestFile[]): ImageOccurrence[] {
  return locateImages(files).map(({ scalar: _scalar, ...occurrence }) => occurrence);
}

export function locateImages(files: ManifestFile[]): LocatedImage[] {
  const found: LocatedImage[] = [];
  for (const file of files) {
    const toPosition = positionFinder(file.text);
    file.documents.forEach((document, docIndex) => {
      if (!document.contents) return;
      const record: Found = (scalar, valueNode, path, at) => {
        const { line, column } = toPosition(valueNode.range?.[0] ?? 0);
        found.push({ image: scalar.value, file: file.path, line, column, kind: at.kind, name: at.name, docIndex, path, scalar, ...(at.container === undefined ? {} : { container: at.container }) });
      };
      visitResource(document.contents, [], (node, path, owner) => walk(document, node, path, owner, undefined, record));
    });
  }
  return found;
}

interface Owner {
  kind: string;
  name: string;
}

type Visit = (node: Node, path: (string | number)[], owner: Owner) => void;
type Found = (scalar: Scalar<string>, valueNode: Node, path: (string | number)[], at: Owner & { container?: string }) => void;

function visitResource(node: Node, path: (string | number)[], visit: Visit): void {
  if (!isMap(node)) {
    visit(node, path, { kind: '', name: '' });
    return;
  }
  const owner = { kind: stringAt(node, 'kind') ?? '', name: nameOf(node) };
  const items = node.get('items', true);
  if (owner.kind.endsWith('List') && isSeq(items)) {
    items.items.forEach((item, index) => {
      if (isMap(item) && stringAt(item, 'kind') !== undefined) visitResource(item, [...path, 'items', index], visit);
      else if (item && typeof item === 'object') visit(item as Node, [...path, 'items', index], owner);
    });
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === 'items') continue;
      if (pair.value && isScalar(pair.key)) visit(pair.value as Node, [...path, String(pair.key.value)], owner);
    }
    return;
  }
  visit(node, path, owner);
}

function walk(document: Document, node: Node, path: (string | number)[], owner: Owner, container: string | undefined, found: Found): void {
  if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (item && typeof item === 'object') walk(document, item as Node, [...path, index], owner, container, found);
    });
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !pair.value || typeof pair.value !== 'object') continue;
    const key = String(pair.key.value);
    const value = pair.value as Node;
    const valuePath = [...path, key];
    if (FREE_TEXT_MAPS.has(key) && path.at(-1) === 'metadata') continue;
    if (key === 'image') {
      const image = imageScalar(document, value);
      if (image) {
        found(image.scalar, image.at, [...valuePath, ...image.subPath], { ...owner, ...(container === undefined ? {} : { container }) });
        continue;
      }
    }
    if (CONTAINER_LISTS.has(key) && isSeq(value)) {
      value.items.forEach((item, index) => {
        if (isMap(item)) walk(document, item, [...valuePath, index], owner, stringAt(item, 'name') ?? '', found);
      });
      continue;
    }
    walk(document, value, valuePath, owner, container, found);
  }
}

/** `image: ref`, `image: *anchor`, or a pod's image volume `image: {reference: ref}`. */
function imageScalar(document: Document, value: Node): { scalar: Scalar<string>; at: Node; subPath: string[] } | undefined {
  const resolved = isAlias(value) ? value.resolve(document) : value;
  if (isScalar(resolved) && typeof resolved.value === 'string' && resolved.value.trim() !== '') {
    return { scalar: resolved as Scalar<string>, at: value, subPath: [] };
  }
  if (isMap(resolved)) {
    const reference = resolved.get('reference', true);
    if (isScalar(reference) && typeof reference.value === 'string' && reference.value.trim() !== '') {
      return { scalar: reference as Scalar<string>, at: reference, subPath: ['reference'] };
    }
  }
  return undefined;
}

function stringAt(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function nameOf(resource: YAMLMap): string {
  const metadata = resource.get('metadata', true);
  return isMap(metadata) ? (stringAt(metadata, 'name') ?? '') : '';
}

function positionFinder(text: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}
