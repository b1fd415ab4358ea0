import type { GateSettings } from '../gate/gate-settings.js';
import { splitList } from '../usage-error.js';

/** The policy flags gate and verify share. */
export const policyFlagOptions = {
  policy: { type: 'string' },
  'signer-repository': { type: 'string' },
  'signer-workflow': { type: 'string' },
  'signer-issuer': { type: 'string' },
  'allowed-refs': { type: 'string', multiple: true },
  require: { type: 'string', multiple: true },
  'allowed-registries': { type: 'string', multiple: true },
  'trusted-root': { type: 'string' },
  bundles: { type: 'string', multiple: true },
  mode: { type: 'string' },
} as const;

type PolicyFlagValues = {
  policy?: string | undefined;
  'signer-repository'?: string | undefined;
  'signer-workflow'?: string | undefined;
  'signer-issuer'?: string | undefined;
  'allowed-refs'?: string[] | undefined;
  require?: string[] | undefined;
  'allowed-registries'?: string[] | undefined;
  'trusted-root'?: string | undefined;
  bundles?: string[] | undefined;
  mode?: string | undefined;
};

export function settingsFromFlags(values: PolicyFlagValues, manifests: string[]): GateSettings {
  const trustedRoot = values['trusted-root'] ?? process.env.IMAGE_PASSPORT_TRUSTED_ROOT;
  return {
    manifests,
    ...(values.policy ? { policyFile: values.policy } : {}),
    ...(values['signer-repository'] ? { signerRepository: values['signer-repository'] } : {}),
    ...(values['signer-workflow'] ? { signerWorkflow: values['signer-workflow'] } : {}),
    ...(values['signer-issuer'] ? { signerIssuer: values['signer-issuer'] } : {}),
    allowedRefs: splitList(values['allowed-refs']),
    require: values.require ? splitList(values.require) : ['provenance'],
    allowedRegistries: splitList(values['allowed-registries']),
    ...(values.mode ? { mode: values.mode } : {}),
    ...(trustedRoot ? { trustedRoot } : {}),
    bundles: values.bundles ?? [],
  };
}
