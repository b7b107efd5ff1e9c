/** Minimal typings for the `linebreak` package (UAX #14), which ships none. */
declare module 'linebreak' {
  interface Break {
    /** UTF-16 offset after which a line may break. */
    position: number;
    /** True for a mandatory break (after a newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
