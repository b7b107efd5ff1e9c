/**
 * Where a build may write, checked before anything is set: `--out` must be a folder (or a path
 * one can be made at) that this user may write in, `--report` a file in such a folder. A wrong
 * path is the user's mistake, told at once with what to do, not an internal error after minutes
 * of work (or after the PDF and EPUB were already written).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What is wrong with a path given on the command line, and what to do. */
export interface PathProblem {
  readonly message: string;
  readonly hint: string;
}

/** The nearest existing folder at or above `path`, or the file that stands in the way. */
function nearestExisting(path: string): { path: string; isDirectory: boolean } {
  let at = resolve(path);
  while (!existsSync(at)) {
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  return { path: at, isDirectory: statSync(at).isDirectory() };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A problem with the output folder `out`, or undefined when a build may write there. */
export function outputFolderProblem(out: string): PathProblem | undefined {
  if (existsSync(out) && !statSync(out).isDirectory()) {
    return { message: `--out ${out} is a file, not a folder`, hint: 'give a folder for the PDF and EPUB, e.g. --out output' };
  }
  const near = nearestExisting(out);
  if (!near.isDirectory) return { message: `--out ${out} lies under ${near.path}, which is a file`, hint: 'give a folder that can be made, e.g. --out output' };
  if (!writable(near.path)) return { message: `--out ${out}: ${near.path} may not be written by this user`, hint: 'give a folder you may write in, e.g. --out output in your own folder' };
  return undefined;
}

/** A problem with the report file `report`, or undefined when it can be written (into `out`, which the build makes, or an existing folder). */
export function reportFileProblem(report: string, out: string): PathProblem | undefined {
  if (existsSync(report) && statSync(report).isDirectory()) {
    return { message: `--report ${report} is a folder`, hint: 'give a file name for the JSON report, e.g. --report output/report.json' };
  }
  const parent = dirname(resolve(report));
  if (parent === resolve(out)) return undefined;
  if (!existsSync(parent)) {
    const near = nearestExisting(parent);
    // The report goes into the output folder, which the build makes: only a parent the build will not make is missing.
    return { message: `--report ${report}: its folder ${parent} does not exist${near.isDirectory ? '' : ` (${near.path} is a file)`}`, hint: 'give a file in an existing folder, or in the --out folder, e.g. --report output/report.json' };
  }
  if (!statSync(parent).isDirectory()) return { message: `--report ${report} lies under ${parent}, which is a file`, hint: 'give a file in a folder, e.g. --report output/report.json' };
  if (!writable(parent)) return { message: `--report ${report}: ${parent} may not be written by this user`, hint: 'give a file in a folder you may write in' };
  if (existsSync(report) && !writable(report)) return { message: `--report ${report} may not be written by this user`, hint: 'give another file name, or change its permissions' };
  return undefined;
}
