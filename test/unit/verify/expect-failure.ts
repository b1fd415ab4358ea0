import { VerificationFailure } from '../../../src/verify/index.js';

/** The VerificationFailure `run` throws; any other outcome fails the test. */
export function failure(run: () => unknown): VerificationFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof VerificationFailure) return error;
    throw error;
  }
  throw new Error('expected a VerificationFailure');
}
