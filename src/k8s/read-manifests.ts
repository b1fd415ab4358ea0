import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { ManifestError } from './manifest-error.js';

export interface ManifestFile {
  /** The path as the user wrote it (or as their glob or directory expanded it), `-` for stdin. */
  path: string;
  text: string;
  documents: Document.Parsed[];
}

export interface ReadManifestsOptions {
  cwd: string;
  stdin?: () => Promise<string>;
}

const MANIFEST_EXTENSIONS = '**/*.{yaml,yml,json}';

export async function readManifests(inputs: string[], options: ReadManifestsOptions): Promise<ManifestFile[]> {
  if (inputs.length === 0) throw new ManifestError('manifests: no input given — name files, globs, directories or - for stdin');
  const files: ManifestFile[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      if (!options.stdin) throw new ManifestError('manifests: "-" reads stdin, which is not available here — name the files instead');
      if (seen.has('-')) continue;
      seen.add('-');
      files.push(parseManifest('-', await options.stdin()));
      continue;
    }
    for (const file of await expandInput(input, options.cwd)) {
      const absolute = path.resolve(options.cwd, file);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      files.push(parseManifest(file, await readText(absolute, file)));
    }
  }
  return files;
}

async function expandInput(input: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, input);
  const stats = await stat(absolute).catch(() => undefined);
  if (stats?.isFile()) return [input];
  if (stats?.isDirectory()) {
    const found = await glob(MANIFEST_EXTENSIONS, { cwd: absolute, onlyFiles: true });
    if (found.length === 0) throw new ManifestError(`manifests: directory "${input}" holds no .yaml, .yml or .json file — check the path`);
    return found.sort().map((file) => path.posix.join(input.replaceAll('\\', '/'), file));
  }
  if (!isDynamicPattern(input)) throw new ManifestError(`manifests: "${input}" does not exist — check the path (relative to ${cwd})`);
  const found = await glob(input, { cwd, onlyFiles: true, absolute: path.isAbsolute(input), expandDirectories: false });
  if (found.length === 0) throw new ManifestError(`manifests: "${input}" matches no file — check the pattern (relative to ${cwd})`);
  return found.sort();
}

async function readText(absolute: string, shown: string): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    throw new ManifestError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}) — check the path and its permissions`);
  }
}

/** Parses one manifest text (YAML streams, Helm output and JSON alike: JSON is YAML). */
export function parseManifest(file: string, text: string): ManifestFile {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const streamErrors = 'empty' in documents ? documents.errors : [];
  const list: Document.Parsed[] = [...documents];
  const error = [...streamErrors, ...list.flatMap((document) => document.errors)][0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ManifestError(`${file}:${line}:${col}: ${firstLine(error.message)} — fix the YAML`);
  }
  return { path: file, text, documents: list };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}
