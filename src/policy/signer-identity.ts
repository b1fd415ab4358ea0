import { GITHUB_ISSUER } from './field-values.js';
import type { SignerIdentity, SignerRule } from './types.js';

/**
 * The GitHub server whose URIs the certificate carries: github.com for GitHub's issuer, the tenant for
 * GHE.com (`token.actions.<tenant>.ghe.com`), the issuer's own origin for GitHub Enterprise Server.
 */
export function serverForIssuer(issuer: string): string {
  if (issuer === GITHUB_ISSUER) return 'https://github.com';
  const url = new URL(issuer);
  // A loopback issuer is a stand-in for github.com's (a test lab): its certificates carry github.com URIs.
  if (url.protocol === 'http:') return 'https://github.com';
  return url.hostname.startsWith('token.actions.') ? `https://${url.hostname.slice('token.actions.'.length)}` : url.origin;
}

export function repositoryUri(repository: string, server: string): string {
  return repository.startsWith('https://') ? repository : `${server}/${repository}`;
}

/** A URI on the server without its origin: `acme/app/.github/workflows/release.yml@refs/heads/main`. */
export function shortUri(uri: string, server: string): string {
  return uri.toLowerCase().startsWith(`${server.toLowerCase()}/`) ? uri.slice(server.length + 1) : uri;
}

/** Splits a Build Signer URI into the workflow file's URI and the ref it ran at. */
export function splitWorkflowUri(uri: string): { file: string; ref?: string } {
  const at = uri.indexOf('@refs/') !== -1 ? uri.indexOf('@refs/') : uri.lastIndexOf('@');
  return at === -1 ? { file: uri } : { file: uri.slice(0, at), ref: uri.slice(at + 1) };
}

export function signerWorkflowUri(signer: SignerIdentity): string | undefined {
  return signer.buildSignerUri ?? signer.subjectAlternativeName;
}

/** `acme/app/.github/workflows/test.yml@refs/heads/feature`, plus the calling repository and ref when they differ. */
export function describeSigner(signer: SignerIdentity, issuer: string = signer.issuer ?? GITHUB_ISSUER): string {
  const server = serverForIssuer(safeIssuer(issuer));
  const workflowUri = signerWorkflowUri(signer);
  const repository = signer.sourceRepositoryUri ? shortUri(signer.sourceRepositoryUri, server) : undefined;
  if (!workflowUri) return repository ? `a workflow of ${repository}` : 'an identity without a workflow';
  const workflow = shortUri(workflowUri, server);
  const { ref: workflowRef } = splitWorkflowUri(workflow);
  let text = workflow;
  if (repository && !workflow.toLowerCase().startsWith(`${repository.toLowerCase()}/`)) text += ` called from ${repository}`;
  if (signer.sourceRepositoryRef && signer.sourceRepositoryRef !== workflowRef) text += ` on ${signer.sourceRepositoryRef}`;
  return text;
}

/** What the rule asks for, in the same words: `acme/app/.github/workflows/release.yml on refs/heads/main or refs/tags/v*`. */
export function describeWanted(rule: SignerRule): string {
  let text: string;
  if (rule.workflow) {
    text = `${rule.workflow.repository}/${rule.workflow.path}${rule.workflow.ref ? `@${rule.workflow.ref}` : ''}`;
    if (rule.repository && rule.repository.toLowerCase() !== rule.workflow.repository.toLowerCase()) text += ` called from ${rule.repository}`;
  } else if (rule.repository) {
    text = `a workflow of ${rule.repository}`;
  } else if (rule.owner) {
    text = `a workflow of a repository owned by ${rule.owner}`;
  } else {
    text = 'a workflow';
  }
  if (rule.owner && (rule.workflow || rule.repository)) text += ` (owner ${rule.owner})`;
  if (rule.refs) text += ` on ${rule.refs.map(describeRefPattern).join(' or ')}`;
  if (rule.commit) text += ` at commit ${rule.commit}`;
  return text;
}

export function describeRefPattern(pattern: string): string {
  return pattern.startsWith('semver:') ? `tags matching semver ${pattern.slice('semver:'.length)}` : pattern;
}

function safeIssuer(issuer: string): string {
  try {
    new URL(issuer);
    return issuer;
  } catch {
    return GITHUB_ISSUER;
  }
}
