import path from 'node:path/posix';

/** What the interests that wanted a file kept of it, by interest id. */
export interface KeptFile {
  kind: 'file';
  records: ReadonlyMap<string, unknown>;
}

export interface KeptLink {
  kind: 'link';
  target: string;
}

export type Kept = KeptFile | KeptLink;

interface Stored {
  kept: Kept;
  layerIndex: number;
  layerDigest: string;
}

interface Node {
  children: Map<string, Node>;
  stored?: Stored;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

export type WhiteoutKind = 'whiteout' | 'opaque';

/** `.wh.name` and `.wh..wh..opq` as defined by the OCI image layer spec. */
export function whiteoutOf(filePath: string): { kind: WhiteoutKind; target: string } | undefined {
  const base = path.basename(filePath);
  if (!base.startsWith(WHITEOUT_PREFIX)) return undefined;
  const dir = path.dirname(filePath);
  if (base === OPAQUE_MARKER) return { kind: 'opaque', target: dir };
  return { kind: 'whiteout', target: path.join(dir, base.slice(WHITEOUT_PREFIX.length)) };
}

function components(filePath: string): string[] {
  return filePath.split('/').filter((part) => part !== '');
}

/**
 * The squashed view of the files kept so far: each layer's entries replace or delete what lower
 * layers left, and never what the same layer wrote, whatever the order of entries in the tar.
 */
export class SquashedTree {
  private readonly root: Node = { children: new Map() };
  private layerIndex = -1;
  private layerDigest = '';

  beginLayer(index: number, digest: string): void {
    this.layerIndex = index;
    this.layerDigest = digest;
  }

  private find(filePath: string, create: boolean): Node | undefined {
    let node = this.root;
    for (const part of components(filePath)) {
      let child = node.children.get(part);
      if (!child) {
        if (!create) return undefined;
        child = { children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    }
    return node;
  }

  private isLower(stored: Stored | undefined): boolean {
    return stored !== undefined && stored.layerIndex < this.layerIndex;
  }

  private dropLowerBelow(node: Node): void {
    for (const [name, child] of node.children) {
      if (this.isLower(child.stored)) delete child.stored;
      this.dropLowerBelow(child);
      if (!child.stored && child.children.size === 0) node.children.delete(name);
    }
  }

  /** Applies a whiteout entry of the current layer. */
  applyWhiteout(kind: WhiteoutKind, target: string): void {
    const node = this.find(target, false);
    if (!node) return;
    if (kind === 'whiteout' && this.isLower(node.stored)) delete node.stored;
    this.dropLowerBelow(node);
  }

  /**
   * Any entry of the current layer at `filePath` hides a lower one at the same path; a non-directory
   * also hides everything lower layers had beneath it.
   */
  shadow(filePath: string, isDirectory: boolean): void {
    const node = this.find(filePath, false);
    if (!node) return;
    if (this.isLower(node.stored)) delete node.stored;
    if (!isDirectory) this.dropLowerBelow(node);
  }

  put(filePath: string, kept: Kept): void {
    const node = this.find(filePath, true) as Node;
    node.stored = { kept, layerIndex: this.layerIndex, layerDigest: this.layerDigest };
  }

  /** A file of the current layer, for tar hard links, which point earlier in the same archive. */
  getFromCurrentLayer(filePath: string): KeptFile | undefined {
    const stored = this.find(filePath, false)?.stored;
    if (!stored || stored.layerIndex !== this.layerIndex || stored.kept.kind !== 'file') return undefined;
    return stored.kept;
  }

  private storedAt(filePath: string): Stored | undefined {
    return this.find(filePath, false)?.stored;
  }

  /**
   * Resolves recorded symlinks in every component of `filePath`. Relative targets resolve inside the
   * image; absolute targets and targets that climb above the root are refused with a reason.
   */
  resolve(filePath: string): { path: string } | { refused: string } {
    let parts = components(filePath);
    for (let hops = 0; hops < 40; hops++) {
      let changed = false;
      for (let i = 1; i <= parts.length; i++) {
        const prefix = `/${parts.slice(0, i).join('/')}`;
        const stored = this.storedAt(prefix);
        if (stored?.kept.kind !== 'link') continue;
        const target = stored.kept.target;
        if (target.startsWith('/')) return { refused: `${prefix} is a symlink to the absolute path ${target}` };
        const joined = path.normalize(path.join(path.dirname(prefix), target));
        if (!joined.startsWith('/') || components(path.dirname(prefix)).length < countUps(target)) {
          return { refused: `${prefix} is a symlink that leaves the image root (${target})` };
        }
        parts = [...components(joined), ...parts.slice(i)];
        changed = true;
        break;
      }
      if (!changed) return { path: `/${parts.join('/')}` };
    }
    return { refused: `${filePath} has a symlink loop` };
  }

  lookup(filePath: string): { path: string; layerDigest: string; file: KeptFile } | { refused: string } | undefined {
    const resolved = this.resolve(filePath);
    if ('refused' in resolved) return resolved;
    const stored = this.storedAt(resolved.path);
    if (stored?.kept.kind !== 'file') return undefined;
    return { path: resolved.path, layerDigest: stored.layerDigest, file: stored.kept };
  }

  /** Every kept file, sorted by path so that output does not depend on tar order. */
  files(): { path: string; layerDigest: string; file: KeptFile }[] {
    const out: { path: string; layerDigest: string; file: KeptFile }[] = [];
    const walk = (node: Node, prefix: string): void => {
      if (node.stored?.kept.kind === 'file') {
        out.push({ path: prefix || '/', layerDigest: node.stored.layerDigest, file: node.stored.kept });
      }
      for (const name of [...node.children.keys()].sort()) walk(node.children.get(name) as Node, `${prefix}/${name}`);
    };
    walk(this.root, '');
    return out;
  }
}

function countUps(target: string): number {
  let depth = 0;
  let maxUp = 0;
  for (const part of components(target)) {
    if (part === '..') depth--;
    else if (part !== '.') depth++;
    maxUp = Math.max(maxUp, -depth);
  }
  return maxUp;
}
