import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toJsonReport } from '../report/json-report.js';
import type { GateRun } from './run-gate.js';

export interface WrittenOutputs {
  pinnedDir?: string;
  reportPath: string;
}

/**
 * Writes the JSON report, and the pinned manifests under their input names when the run passed or
 * is an audit: a failed enforce run leaves nothing that could be applied by mistake.
 */
export async function writeGateOutputs(outDir: string, run: GateRun): Promise<WrittenOutputs> {
  await mkdir(outDir, { recursive: true });
  const reportPath = path.join(outDir, 'report.json');
  await writeFile(reportPath, JSON.stringify(toJsonReport(run.result), null, 2) + '\n');
  const applicable = run.result.result === 'pass';
  if (!applicable) return { reportPath };
  const pinnedDir = path.join(outDir, 'pinned');
  for (const file of run.pinned) {
    const target = path.join(pinnedDir, pinnedName(file.path));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  return { pinnedDir, reportPath };
}

/** Keeps the user's relative layout; stdin and paths outside the working tree get a flat name. */
function pinnedName(input: string): string {
  if (input === '-') return 'stdin.yaml';
  const normalised = path.normalize(input);
  if (path.isAbsolute(normalised) || normalised.startsWith('..')) return path.basename(normalised);
  return normalised;
}
