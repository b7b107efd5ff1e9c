/**
 * How much one block of copy may hold. A broadsheet page holds about 10,600 body characters (8
 * columns of 13 characters, 102 lines); a paragraph longer than three pages is no paragraph but
 * a file pasted whole, and setting it (total-fit line breaking over millions of characters)
 * would take minutes and gigabytes. It is refused at its line, with what to do.
 */
export const MAX_BLOCK_CHARS = 30_000;
