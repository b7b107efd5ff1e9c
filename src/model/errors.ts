import type { SourcePos } from './document.js';

/**
 * A problem in the content (page files, fonts, images) that the newsroom can fix. The command
 * line prints it as `file:line: message` and exits 1, without a stack trace.
 */
export class ContentError extends Error {
  constructor(
    message: string,
    /** Where the problem is, when it is in a file. */
    readonly pos?: SourcePos,
    /** What to do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ContentError';
  }

  /** `content/11.md:42: message (hint)`. */
  format(): string {
    const where = this.pos ? `${this.pos.file}:${this.pos.line}: ` : '';
    return `${where}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}
