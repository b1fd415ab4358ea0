export interface PurlParts {
  type: string;
  /** slash-separated; each segment is encoded on its own */
  namespace?: string;
  name: string;
  version?: string;
  /** kept in the given order, as Syft writes them (arch, upstream, distro) */
  qualifiers?: [key: string, value: string | undefined][];
}

const UNRESERVED = /[A-Za-z0-9._~-]/;

function encode(text: string, keep: RegExp = UNRESERVED): string {
  let out = '';
  for (const char of text) {
    if (keep.test(char)) {
      out += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

// Qualifier values keep ':' and '/' readable, as the purl spec's own examples do (repository_url=docker.io/library/debian).
const QUALIFIER_VALUE_KEEP = /[A-Za-z0-9._~:/-]/;

export function formatPurl(parts: PurlParts): string {
  let purl = `pkg:${parts.type}/`;
  if (parts.namespace) {
    purl += parts.namespace
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => encode(segment))
      .join('/');
    purl += '/';
  }
  purl += encode(parts.name);
  if (parts.version) purl += `@${encode(parts.version)}`;
  const qualifiers = (parts.qualifiers ?? []).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
  );
  if (qualifiers.length > 0) {
    purl += `?${qualifiers.map(([key, value]) => `${key}=${encode(value, QUALIFIER_VALUE_KEEP)}`).join('&')}`;
  }
  return purl;
}

/** `distro=debian-12`, `distro=alpine-3.19.1`; undefined without an os-release. */
export function distroQualifier(os: { id: string; versionId?: string } | undefined): string | undefined {
  if (!os) return undefined;
  return os.versionId ? `${os.id}-${os.versionId}` : os.id;
}
