import { UsageError } from '../usage-error.js';
import { policyFromInputs } from '../policy/inline-inputs.js';
import { loadPolicyFile } from '../policy/policy-file.js';
import type { Policy } from '../policy/types.js';

/** What the action's inputs and the CLI's flags both come down to. */
export interface GateSettings {
  manifests: string[];
  policyFile?: string;
  signerRepository?: string;
  signerWorkflow?: string;
  signerIssuer?: string;
  allowedRefs: string[];
  require: string[];
  allowedRegistries: string[];
  mode?: string;
  trustedRoot?: string;
  bundles: string[];
  outDir?: string;
}

/** The policy a run enforces: the file, or the inline inputs, never both; `mode` overrides the file's. */
export async function policyForSettings(settings: GateSettings): Promise<Policy> {
  const inline = settings.signerRepository || settings.signerWorkflow || settings.allowedRefs.length > 0 || settings.allowedRegistries.length > 0;
  if (settings.mode !== undefined && settings.mode !== 'enforce' && settings.mode !== 'audit') {
    throw new UsageError(`mode "${settings.mode}" is not known: use enforce or audit`);
  }
  if (settings.manifests.length === 0) throw new UsageError('no manifests given: name files, globs, directories or - for stdin');
  let policy: Policy;
  if (settings.policyFile) {
    if (inline) {
      throw new UsageError(
        'both a policy file and inline signer inputs were given: put the signer rule in the policy file, or drop the policy and use the inline inputs alone',
      );
    }
    policy = await loadPolicyFile(settings.policyFile);
  } else if (inline) {
    policy = policyFromInputs({
      signerRepository: settings.signerRepository,
      signerWorkflow: settings.signerWorkflow,
      signerIssuer: settings.signerIssuer,
      allowedRefs: settings.allowedRefs,
      require: settings.require,
      allowedRegistries: settings.allowedRegistries,
      mode: settings.mode === 'audit' ? 'audit' : 'enforce',
    });
  } else {
    throw new UsageError('no policy: give a policy file, or at least signer-repository (and signer-workflow, allowed-refs, require)');
  }
  return settings.mode ? { ...policy, mode: settings.mode as Policy['mode'] } : policy;
}
