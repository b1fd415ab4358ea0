import { predicateTypeLabel } from '../policy/predicate-types.js';
import { describeSigner } from '../policy/signer-identity.js';
import type { GateResult, ImageResult } from './gate-result.js';

/** The job summary: verdict, the policy in plain words, then a row per image. */
export function renderSummary(result: GateResult): string {
  return [
    `## image-passport gate: ${headline(result)}`,
    '',
    countLine(result),
    '',
    '```text',
    ...result.policyDescription.map((line) => line.replaceAll('```', "'''")),
    '```',
    '',
    renderTable(result),
    '',
  ].join('\n');
}

export function deniedImages(result: GateResult): ImageResult[] {
  return result.images.filter((image) => image.result === 'fail');
}

export function headline(result: GateResult): string {
  if (deniedImages(result).length === 0) return '✅ passed';
  return result.mode === 'audit' ? '⚠️ denials found (audit mode: not enforced)' : '❌ failed';
}

export function countLine(result: GateResult): string {
  const denied = deniedImages(result).length;
  const total = result.images.length;
  return `${total} image${total === 1 ? '' : 's'}: ${total - denied} passed, ${denied} denied.`;
}

/** The Markdown table of images, shared by the job summary and the check run. */
export function renderTable(result: GateResult): string {
  const rows = result.images.map((image) =>
    [
      `${escapeCell(image.ref)}<br>${image.locations.map((location) => escapeCell(`${location.file}:${location.line}`)).join('<br>')}`,
      escapeCell(image.digest ?? 'not resolved'),
      escapeCell(image.signer ? describeSigner(image.signer) : 'none'),
      image.evidence.length > 0 ? image.evidence.map((entry) => escapeCell(`${predicateTypeLabel(entry.predicateType)} (${entry.source})`)).join('<br>') : 'none',
      verdictCell(image, result.mode),
      image.reasons.length > 0 ? image.reasons.map((reason) => escapeCell(`${reason.message} — ${reason.fix}`)).join('<br>') : '',
    ].join(' | '),
  );
  return ['| Image | Digest | Signer | Evidence | Verdict | Reason |', '| --- | --- | --- | --- | --- | --- |', ...rows.map((row) => `| ${row} |`)].join('\n');
}

function verdictCell(image: ImageResult, mode: GateResult['mode']): string {
  if (image.result === 'pass') return '✅ pass';
  return mode === 'audit' ? '⚠️ fail (audit)' : '❌ fail';
}

/** Certificate fields are chosen by whoever signed, so nothing in a cell may become Markdown or HTML. */
export function escapeCell(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[\\`*_[\]|]/g, '\\$&')
    .replace(/\r?\n|\r/g, ' ');
}
