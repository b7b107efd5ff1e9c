/**
 * Test files in an order that keeps the one worker busy: files that wait for the run's shared
 * builds or EPUBCheck (they import tests/helpers/runs.ts) go last, so the unit tests run while
 * the shared work goes on beside them; within each group, vitest's own order (slowest first).
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const WAITS = /from '(?:\.\.\/)+helpers\/(?:runs|check-json)\.js'/;

export default class SharedWorkLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = (file: TestSpecification): boolean => WAITS.test(readFileSync(file.moduleId, 'utf8'));
    return [...sorted.filter((f) => !waits(f)), ...sorted.filter(waits)];
  }
}
