import { annotationsFor } from './annotations.js';
import type { GateResult } from './gate-result.js';
import { countLine, deniedImages, headline, renderTable } from './summary.js';

/** GitHub's limits: 65535 characters per output field, 50 annotations per request. */
const MAX_OUTPUT = 65_535;
const MAX_ANNOTATIONS = 50;
const MAX_STATUS_DESCRIPTION = 140;

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number;
  end_column: number;
  annotation_level: 'failure' | 'warning';
  title: string;
  message: string;
}

/** The body of `POST /repos/{owner}/{repo}/check-runs`, without `head_sha`, which the caller adds. */
export interface CheckRunBody {
  name: string;
  status: 'completed';
  conclusion: 'success' | 'failure' | 'neutral';
  output: { title: string; summary: string; text: string; annotations: CheckRunAnnotation[] };
}

export function renderCheckRun(result: GateResult, options: { name: string }): CheckRunBody {
  const denied = deniedImages(result).length > 0;
  const conclusion = !denied ? 'success' : result.mode === 'audit' ? 'neutral' : 'failure';
  const annotations = annotationsFor(result)
    .slice(0, MAX_ANNOTATIONS)
    .map((annotation) => ({
      path: annotation.file,
      start_line: annotation.line,
      end_line: annotation.line,
      start_column: annotation.column,
      end_column: annotation.column,
      annotation_level: result.mode === 'audit' ? ('warning' as const) : ('failure' as const),
      title: annotation.title,
      message: annotation.message,
    }));
  return {
    name: options.name,
    status: 'completed',
    conclusion,
    output: {
      title: `${headline(result)}: ${countLine(result)}`,
      summary: truncate([countLine(result), '', ...result.policyDescription.map((line) => `    ${line}`)].join('\n')),
      text: truncate(renderTable(result)),
      annotations,
    },
  };
}

export interface CommitStatusBody {
  state: 'success' | 'failure';
  description: string;
  context: string;
}

/** For tokens without `checks: write`: a commit status has no neutral state, so audit mode reports success and says why. */
export function renderCommitStatus(result: GateResult, options: { context?: string } = {}): CommitStatusBody {
  const denied = deniedImages(result);
  const total = result.images.length;
  let description: string;
  if (denied.length === 0) description = `${total} of ${total} image${total === 1 ? '' : 's'} verified`;
  else description = `${denied.length} of ${total} image${total === 1 ? '' : 's'} denied${result.mode === 'audit' ? ' (audit mode, not enforced)' : ''}: ${denied[0]!.ref}`;
  return {
    state: denied.length === 0 || result.mode === 'audit' ? 'success' : 'failure',
    description: description.length > MAX_STATUS_DESCRIPTION ? `${description.slice(0, MAX_STATUS_DESCRIPTION - 1)}…` : description,
    context: options.context ?? 'image-passport/gate',
  };
}

function truncate(text: string): string {
  const note = '\n\n… truncated: the full report is in the job summary and the report output.';
  return text.length > MAX_OUTPUT ? `${text.slice(0, MAX_OUTPUT - note.length)}${note}` : text;
}
