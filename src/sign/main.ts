import * as core from '@actions/core';
import { createRegistryClient } from '../oci/client.js';
import { renderSignSummary } from '../report/sign-summary.js';
import { signerIdentityOf } from './signer-identity.js';
import { runSign } from './run-sign.js';
import { signOptionsFor } from './sign-settings.js';
import { signOutputs } from './sign-outputs.js';

/** The sign action: inputs in; outputs and the job summary out; one line on failure. */
async function main(): Promise<void> {
  const githubToken = core.getInput('github-token') || process.env.GITHUB_TOKEN;
  if (githubToken) core.setSecret(githubToken);
  const digest = core.getInput('digest');
  const fulcioUrl = core.getInput('fulcio-url');
  const rekorUrl = core.getInput('rekor-url');
  const tsaUrl = core.getInput('tsa-url');
  const trustedRoot = core.getInput('trusted-root') || process.env.IMAGE_PASSPORT_TRUSTED_ROOT;
  const options = await signOptionsFor(
    {
      images: core.getMultilineInput('image', { required: true }),
      ...(digest ? { digest } : {}),
      sbom: core.getInput('sbom') || 'generate',
      sbomFormat: core.getInput('sbom-format') || 'spdx-json',
      ...(fulcioUrl ? { fulcioUrl } : {}),
      ...(rekorUrl ? { rekorUrl } : {}),
      ...(tsaUrl ? { tsaUrl } : {}),
      ...(trustedRoot ? { trustedRoot } : {}),
      pushToRegistry: core.getBooleanInput('push-to-registry'),
      githubAttestations: core.getBooleanInput('github-attestations'),
      ...(githubToken ? { githubToken } : {}),
      workDir: `${process.env.RUNNER_TEMP ?? '.'}/image-passport-sign`,
    },
    createRegistryClient(),
  );
  const result = await runSign(options);
  for (const [name, value] of Object.entries(signOutputs(result))) core.setOutput(name, value);
  for (const note of result.notes) core.warning(note);
  const identity = await signerIdentityOf(options.signer);
  await core.summary
    .addRaw(
      renderSignSummary(result, {
        identity,
        ...(process.env.GITHUB_REPOSITORY ? { repository: process.env.GITHUB_REPOSITORY } : {}),
        ...(options.signer.endpoints.instance === 'public-good' ? { rekorSearchUrl: 'https://search.sigstore.dev/' } : {}),
      }),
    )
    .write();
}

main().catch((error: unknown) => {
  core.setFailed(`image-passport sign: ${error instanceof Error ? error.message : String(error)}`);
});
