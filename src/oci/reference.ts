import { isValidDigest } from './digest.js';

/** A fully normalised image reference: `registry` is never empty, Docker Hub names carry `library/`. */
export interface ImageReference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';

export class ImageReferenceError extends Error {
  override readonly name = 'ImageReferenceError';
  readonly input: string;

  constructor(input: string, problem: string) {
    super(`invalid image reference ${JSON.stringify(input)}: ${problem}`);
    this.input = input;
  }
}

// The grammar of github.com/distribution/reference, which Docker and containerd share.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const HEX_ID = /^[a-f0-9]{64}$/;
const MAX_NAME_LENGTH = 255;

/** Docker's rule: the first path part names a registry only if it looks like a host. */
function splitDomain(name: string): { registry: string; path: string } {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  if (slash === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    return { registry: DOCKER_HUB, path: name };
  }
  return { registry: first === 'index.docker.io' ? DOCKER_HUB : first, path: name.slice(slash + 1) };
}

function checkPath(input: string, path: string): void {
  if (path === '') throw new ImageReferenceError(input, 'the repository name is empty');
  for (const component of path.split('/')) {
    if (component === '') throw new ImageReferenceError(input, `the repository "${path}" has an empty path component`);
    if (component.includes(':')) {
      throw new ImageReferenceError(input, `the repository "${path}" contains ':'; only one ":tag" may follow the name`);
    }
    if (component.toLowerCase() !== component) {
      throw new ImageReferenceError(input, `the repository "${path}" must be lowercase ("${path.toLowerCase()}")`);
    }
    if (!PATH_COMPONENT.test(component)) {
      throw new ImageReferenceError(
        input,
        `the path component "${component}" may hold only a-z, 0-9 and single separators '.', '_', '__' or '-' between them`,
      );
    }
  }
}

export function parseImageReference(text: string): ImageReference {
  if (text.trim() === '') throw new ImageReferenceError(text, 'it is empty');
  if (/\s/.test(text)) throw new ImageReferenceError(text, 'it contains whitespace');

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (digest.includes('@')) throw new ImageReferenceError(text, "it contains more than one '@'");
    if (!isValidDigest(digest)) {
      throw new ImageReferenceError(text, `the digest "${digest}" must be sha256: followed by 64 lowercase hex digits (or sha512: and 128)`);
    }
  }
  if (rest === '') throw new ImageReferenceError(text, 'the repository name before the digest is missing');

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw new ImageReferenceError(
        text,
        `the tag "${tag}" must be 1 to 128 of letters, digits, '_', '.' or '-', not starting with '.' or '-'`,
      );
    }
  }
  if (rest === '') throw new ImageReferenceError(text, 'the repository name before the tag is missing');

  const { registry, path } = splitDomain(rest);
  if (!DOMAIN.test(registry)) throw new ImageReferenceError(text, `the registry "${registry}" is not a valid host[:port]`);
  if (HEX_ID.test(path)) {
    throw new ImageReferenceError(text, 'a repository name cannot be a 64-character hex string (that is an image ID; write name@sha256:<hex>)');
  }
  checkPath(text, path);
  const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
  if (registry.length + 1 + repository.length > MAX_NAME_LENGTH) {
    throw new ImageReferenceError(text, `the name is longer than ${MAX_NAME_LENGTH} characters`);
  }

  const ref: ImageReference = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

export function formatImageReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** The tag or digest a request names: a digest wins over a tag, as in Docker; no tag means `latest`. */
export function referenceTarget(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}
