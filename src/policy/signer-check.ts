import { matchesRefPattern, matchesTriggerPattern, sameGitHubName } from './patterns.js';
import { describeRefPattern, describeSigner, describeWanted, repositoryUri, serverForIssuer, signerWorkflowUri, splitWorkflowUri } from './signer-identity.js';
import type { Reason, SignerIdentity, SignerRule } from './types.js';

type SignerReason = Omit<Reason, 'rule'>;

/** The first way the signer falls short of the rule, or undefined when it passes every check. */
export function checkSigner(rule: SignerRule, signer: SignerIdentity): SignerReason | undefined {
  if (signer.issuer !== rule.issuer) {
    return {
      code: 'signer-issuer',
      field: 'signer.issuer',
      expected: rule.issuer,
      found: signer.issuer ?? '(none)',
      message: `signed with an identity from ${signer.issuer ?? 'an unknown issuer'}; the policy wants ${rule.issuer}`,
      fix: 'sign from GitHub Actions of the expected server, or set signer.issuer to the issuer that signed if you trust it',
    };
  }
  const server = serverForIssuer(rule.issuer);
  const signedBy = describeSigner(signer, rule.issuer);
  const wanted = describeWanted(rule);
  const identityMismatch = (code: Reason['code'], field: string, expected: string, found: string, fix: string): SignerReason => ({
    code,
    field,
    expected,
    found,
    message: `signed by ${signedBy}; the policy wants ${wanted}`,
    fix,
  });

  if (rule.repository) {
    const expected = repositoryUri(rule.repository, server);
    if (!sameUri(signer.sourceRepositoryUri, expected)) {
      return identityMismatch('signer-repository', 'signer.repository', expected, signer.sourceRepositoryUri ?? '(none)', `sign the image from ${rule.repository}, or add a rule for the other repository if you trust it`);
    }
  }
  if (rule.owner) {
    const expected = `${server}/${rule.owner}`;
    const found = signer.sourceRepositoryOwnerUri ?? ownerUriOf(signer.sourceRepositoryUri);
    if (!sameUri(found, expected)) {
      return identityMismatch('signer-owner', 'signer.owner', expected, found ?? '(none)', `sign the image from a repository of ${rule.owner}`);
    }
  }
  if (rule.workflow) {
    const workflowUri = signerWorkflowUri(signer);
    const { file, ref } = splitWorkflowUri(workflowUri ?? '');
    const repositoryPrefix = `${server}/${rule.workflow.repository}/`;
    const expectedFile = `${repositoryPrefix}${rule.workflow.path}`;
    const fileMatches = file.slice(0, repositoryPrefix.length).toLowerCase() === repositoryPrefix.toLowerCase() && file.slice(repositoryPrefix.length) === rule.workflow.path;
    const refMatches = rule.workflow.ref === undefined || (ref !== undefined && matchesRefPattern(rule.workflow.ref, ref));
    if (!fileMatches || !refMatches) {
      return identityMismatch(
        'signer-workflow',
        'signer.workflow',
        rule.workflow.ref ? `${expectedFile}@${describeRefPattern(rule.workflow.ref)}` : expectedFile,
        workflowUri ?? '(none)',
        `sign with ${rule.workflow.repository}/${rule.workflow.path}${rule.workflow.ref ? ` at ${describeRefPattern(rule.workflow.ref)}` : ''}, or change signer.workflow if that workflow is trusted`,
      );
    }
  }
  if (rule.refs && !(signer.sourceRepositoryRef !== undefined && rule.refs.some((pattern) => matchesRefPattern(pattern, signer.sourceRepositoryRef!)))) {
    return identityMismatch(
      'signer-ref',
      'signer.refs',
      rule.refs.map(describeRefPattern).join(' or '),
      signer.sourceRepositoryRef ?? '(none)',
      `sign from ${rule.refs.map(describeRefPattern).join(' or ')}, or add ${signer.sourceRepositoryRef ?? 'the ref'} to signer.refs if images built there may deploy`,
    );
  }
  if (rule.commit && signer.sourceRepositoryDigest?.toLowerCase() !== rule.commit) {
    return {
      code: 'signer-commit',
      field: 'signer.commit',
      expected: rule.commit,
      found: signer.sourceRepositoryDigest ?? '(none)',
      message: `signed by ${signedBy} at commit ${signer.sourceRepositoryDigest ?? '(unknown)'}; the policy wants commit ${rule.commit}`,
      fix: 'deploy the image built from the pinned commit, or update signer.commit',
    };
  }
  if (rule.repositoryId && signer.sourceRepositoryIdentifier !== rule.repositoryId) {
    return {
      code: 'signer-repository-id',
      field: 'signer.repository-id',
      expected: rule.repositoryId,
      found: signer.sourceRepositoryIdentifier ?? '(none)',
      message: `signed by ${signedBy} from repository id ${signer.sourceRepositoryIdentifier ?? '(none)'}; the policy pins repository id ${rule.repositoryId} (a repository deleted and re-created under the same name gets a new id)`,
      fix: 'do not deploy this image unless the repository was re-created on purpose; then update repository-id',
    };
  }
  if (rule.ownerId && signer.sourceRepositoryOwnerIdentifier !== rule.ownerId) {
    return {
      code: 'signer-owner-id',
      field: 'signer.owner-id',
      expected: rule.ownerId,
      found: signer.sourceRepositoryOwnerIdentifier ?? '(none)',
      message: `signed by ${signedBy} under owner id ${signer.sourceRepositoryOwnerIdentifier ?? '(none)'}; the policy pins owner id ${rule.ownerId} (an account renamed or re-registered under the same name gets a new id)`,
      fix: 'do not deploy this image unless the owner account changed on purpose; then update owner-id',
    };
  }
  if (rule.runner !== 'any' && signer.runnerEnvironment !== rule.runner) {
    const found = signer.runnerEnvironment ?? '(none)';
    return {
      code: 'signer-runner',
      field: 'signer.runner',
      expected: rule.runner,
      found,
      message: `signed by ${signedBy} on ${signer.runnerEnvironment ? `a ${found} runner` : 'a runner the certificate does not name'}; the policy wants a ${rule.runner} runner`,
      fix: rule.runner === 'github-hosted'
        ? 'build and sign on a GitHub-hosted runner (a self-hosted runner can keep state between jobs), or set signer.runner: any'
        : `build and sign on a ${rule.runner} runner, or change signer.runner`,
    };
  }
  const trigger = signer.buildTrigger;
  const allowed = rule.triggers.allow;
  const denied = trigger === undefined ? undefined : rule.triggers.deny.find((pattern) => matchesTriggerPattern(pattern, trigger));
  if (trigger === undefined || denied !== undefined || (allowed && !allowed.some((pattern) => matchesTriggerPattern(pattern, trigger)))) {
    const wantedTriggers = allowed ? `only ${allowed.join(', ')} events` : `no ${rule.triggers.deny.join(', ')} events`;
    return {
      code: 'signer-trigger',
      field: 'signer.triggers',
      expected: wantedTriggers,
      found: trigger ?? '(none)',
      message: `signed by ${signedBy} from ${trigger ? `a ${trigger} event` : 'an event the certificate does not name'}; the policy allows ${wantedTriggers}`,
      fix: 'sign from a push, release, tag or workflow_dispatch run (pull request runs build code nobody has reviewed yet), or change signer.triggers',
    };
  }
  return undefined;
}

function sameUri(found: string | undefined, expected: string): boolean {
  return found !== undefined && sameGitHubName(found.replace(/\/+$/, ''), expected);
}

function ownerUriOf(repository: string | undefined): string | undefined {
  return repository?.replace(/\/[^/]+\/?$/, '');
}
