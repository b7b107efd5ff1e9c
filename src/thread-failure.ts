/**
 * An error as it crosses from a worker thread to the main one. Structured cloning keeps an
 * Error's message but not its class. So a content error is sent with its place and hint, and
 * it comes back as the ContentError it was: the command line prints `file:line: …` and exits 1.
 * Anything else comes back as an internal error, with its stack.
 */
import { ContentError, type SourcePos } from './model/index.js';

export interface ThreadFailure {
  readonly content: boolean;
  readonly message: string;
  readonly pos?: SourcePos;
  readonly hint?: string;
  readonly stack?: string;
}

export function failureOf(error: unknown): ThreadFailure {
  if (error instanceof ContentError) return { content: true, message: error.message, ...(error.pos ? { pos: error.pos } : {}), ...(error.hint ? { hint: error.hint } : {}) };
  const e = error instanceof Error ? error : new Error(String(error));
  return { content: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

export function errorOf(failure: ThreadFailure): Error {
  if (failure.content) return new ContentError(failure.message, failure.pos, failure.hint);
  const err = new Error(failure.message);
  if (failure.stack) err.stack = failure.stack;
  return err;
}
