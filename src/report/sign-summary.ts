import type { SignResult } from '../sign/run-sign.js';

export interface SignSummaryContext {
  /** The certificate's SAN and OIDC issuer, which the verify commands pin. */
  identity: { san?: string; issuer?: string };
  repository?: string;
  /** Rekor's search UI, linked only for the public-good log. */
  rekorSearchUrl?: string;
}

/** The sign step's job summary: subjects, each attestation and where it is, and verify commands. */
export function renderSignSummary(result: SignResult, context: SignSummaryContext): string {
  const names = result.target.names.map((name) => `${name.registry}/${name.repository}`);
  const lines = ['## image-passport sign', '', '| subject | digest | platform |', '|---|---|---|'];
  for (const subject of result.target.subjects) {
    const platform = subject.platform ? `${subject.platform.os}/${subject.platform.architecture}${subject.platform.variant ? `/${subject.platform.variant}` : ''}` : subject.digest === result.target.digest && result.target.subjects.length > 1 ? 'index' : '';
    lines.push(`| ${names.join('<br>')} | \`${subject.digest}\` | ${platform} |`);
  }
  lines.push('', '| attestation | subjects | stored | witness |', '|---|---|---|---|');
  for (const attestation of result.attestations) {
    const stored = [
      ...attestation.referrers.map((referrer) => `registry referrer \`${referrer.digest.slice(0, 19)}…\``),
      ...(attestation.githubUrl ? [`[GitHub](${attestation.githubUrl})`] : []),
      `file \`${attestation.bundlePath}\``,
    ];
    const witness = attestation.logIndex
      ? context.rekorSearchUrl
        ? `Rekor [${attestation.logIndex}](${context.rekorSearchUrl}?logIndex=${attestation.logIndex})`
        : `Rekor ${attestation.logIndex}`
      : attestation.timestamp
        ? `TSA timestamp (${attestation.timestamp})`
        : '';
    lines.push(`| \`${attestation.predicateType}\` | ${attestation.subjectDigests.length} | ${stored.join('<br>')} | ${witness} |`);
  }
  if (result.notes.length > 0) lines.push('', ...result.notes.map((note) => `> ${note}`));
  lines.push('', '### Verify', '', '```sh', ...verifyCommands(result, context), '```', '');
  return lines.join('\n');
}

function verifyCommands(result: SignResult, context: SignSummaryContext): string[] {
  const name = result.target.names[0]!;
  const image = `${name.registry}/${name.repository}@${result.target.digest}`;
  const { san, issuer } = context.identity;
  const repository = context.repository ?? '<owner>/<repo>';
  const commands = [
    `npx image-passport verify ${image} --signer-repository ${repository} --require provenance${result.sbomPaths.length > 0 ? ',sbom' : ''}`,
    `gh attestation verify oci://${image} --bundle-from-oci --repo ${repository}`,
  ];
  if (san && issuer) {
    commands.push(`cosign verify-attestation --type slsaprovenance1 --certificate-identity '${san}' --certificate-oidc-issuer '${issuer}' ${image}`);
  }
  return commands;
}
