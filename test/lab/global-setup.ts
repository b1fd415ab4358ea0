import type { TestProject } from 'vitest/node';
import './lab-info.js';
import { startLab } from './start.js';

/** One lab per test run, shared by every file of the `lab` project through provide/inject. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const lab = await startLab();
  project.provide('lab', lab.info);
  return () => lab.stop();
}
