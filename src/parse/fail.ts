/** Building ContentErrors with a position: every content problem names file and line. */
import { ContentError } from '../model/errors.js';
import type { SourcePos } from '../model/document.js';

/** Throw a ContentError at `file:line`, with a hint saying what to do. */
export function fail(pos: SourcePos, message: string, hint?: string): never {
  throw new ContentError(message, { file: pos.file, line: pos.line }, hint);
}

/** A position in `file`. */
export function at(file: string, line: number): SourcePos {
  return { file, line };
}
