import { expect } from 'chai';
import { ConfigValidationError } from '../../../../engine/mapping/validation-error.js';

/** The problems of the ConfigValidationError that `run` throws (fails the test when it throws none). */
export function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected a ConfigValidationError');
}
