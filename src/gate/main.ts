import * as core from '@actions/core';
import { readStdin } from '../k8s/read-stdin.js';
import { splitList } from '../usage-error.js';
import { createRegistryClient } from '../oci/client.js';
import { describePolicy } from '../policy/describe.js';
import { annotationsFor } from '../report/annotations.js';
import { renderDenials } from '../report/denial-message.js';
import { renderSummary } from '../report/summary.js';
import { createEvidenceContext } from './evidence-context.js';
import { policyForSettings } from './gate-settings.js';
import { postPullRequestCheck } from './pr-check.js';
import { runGate } from './run-gate.js';
import { writeGateOutputs } from './write-outputs.js';

/** The gate action: inputs in, outputs, summary, annotations and the optional PR check out. */
async function main(): Promise<void> {
  const trustedRoot = core.getInput('trusted-root') || process.env.IMAGE_PASSPORT_TRUSTED_ROOT;
  const settings = {
    manifests: core.getMultilineInput('manifests'),
    policyFile: core.getInput('policy') || undefined,
    signerRepository: core.getInput('signer-repository') || undefined,
    signerWorkflow: core.getInput('signer-workflow') || undefined,
    signerIssuer: core.getInput('signer-issuer') || undefined,
    allowedRefs: splitList(core.getInput('allowed-refs')),
    require: splitList(core.getInput('require') || 'provenance'),
    allowedRegistries: splitList(core.getInput('allowed-registries')),
    mode: core.getInput('mode') || undefined,
    bundles: core.getMultilineInput('bundles'),
  };
  const policy = await policyForSettings(settings);
  for (const line of describePolicy(policy)) core.info(line);
  const githubToken = core.getInput('github-token') || process.env.GITHUB_TOKEN;
  if (githubToken) core.setSecret(githubToken);

  const run = await runGate({
    ...(await createEvidenceContext({
      registry: createRegistryClient(),
      bundles: settings.bundles,
      ...(trustedRoot ? { trustedRoot } : {}),
      ...(githubToken ? { githubToken } : {}),
    })),
    manifests: settings.manifests,
    cwd: process.cwd(),
    stdin: readStdin,
    policy,
  });

  const outDir = core.getInput('out-dir') || `${process.env.RUNNER_TEMP ?? '.'}/image-passport`;
  const written = await writeGateOutputs(outDir, run);
  core.setOutput('result', run.result.result);
  core.setOutput('report', written.reportPath);
  if (written.pinnedDir) core.setOutput('pinned-manifests', written.pinnedDir);
  core.setOutput(
    'verified-images',
    JSON.stringify(run.result.images.filter((image) => image.result === 'pass').map((image) => ({ ref: image.ref, digest: image.digest }))),
  );
  for (const annotation of annotationsFor(run.result)) {
    const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line, startColumn: annotation.column };
    if (policy.mode === 'audit') core.warning(annotation.message, properties);
    else core.error(annotation.message, properties);
  }
  await core.summary.addRaw(renderSummary(run.result)).write();
  if (core.getBooleanInput('pr-check') && githubToken) {
    core.info(await postPullRequestCheck(run.result, githubToken, process.env));
  }
  if (run.result.result === 'fail') {
    const denied = run.result.images.filter((image) => image.result === 'fail');
    core.setFailed(`image-passport gate: ${denied.length} of ${run.result.images.length} image(s) denied: ${renderDenials(run.result)[0]}`);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  core.setOutput('result', 'fail');
  core.setFailed(`image-passport gate: ${message}`);
});
