import type { FileInterest } from './catalogers/cataloger.js';
import type { OperatingSystem } from './package.js';

export const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'] as const;

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$/.exec(trimmed) ?? /^'(.*)'$/.exec(trimmed);
  return quoted ? (quoted[1] as string).replace(/\\(["\\$`])/g, '$1') : trimmed;
}

export function parseOsRelease(text: string): OperatingSystem | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) fields.set(match[1] as string, unquote(match[2] as string));
  }
  const id = fields.get('ID');
  if (!id) return undefined;
  return { id, versionId: fields.get('VERSION_ID'), prettyName: fields.get('PRETTY_NAME') };
}

/** /etc/os-release, which is often a symlink to ../usr/lib/os-release, with the latter as fallback. */
export const osReleaseInterest: FileInterest<OperatingSystem> = {
  id: 'os-release',
  capture(file) {
    if (!(OS_RELEASE_PATHS as readonly string[]).includes(file.path)) return undefined;
    return { kind: 'whole', maxBytes: 64 * 1024, parse: (content) => parseOsRelease(content.toString('utf8')) };
  },
  wantsLink: (path) => (OS_RELEASE_PATHS as readonly string[]).includes(path),
};
