/** Set and audit a generated edition: its report, or undefined when it was refused with a content error naming its page file and line. */
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import type { CheckReport } from '../../src/check/index.js';
import type { FontBook } from '../../src/fonts/index.js';
import { ContentError } from '../../src/model/index.js';
import { checkEditionDir, type CheckDirOptions } from '../../src/pipeline.js';
import { writeEditionFolder, type EditionFiles } from './edition.js';

export async function checkOrRefused(files: EditionFiles, fonts: FontBook, options: CheckDirOptions, prefix: string): Promise<CheckReport | undefined> {
  const dir = writeEditionFolder(files, prefix);
  try {
    return await checkEditionDir(dir, options, fonts);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).format()).toMatch(/\d\.md:\d+: /);
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
