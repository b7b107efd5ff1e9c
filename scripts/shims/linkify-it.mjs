// linkify-it, made at its first use. markdown-it makes a LinkifyIt in its constructor, which
// compiles its regular expressions (2–3 ms at every start); banmian's Markdown has linkify off
// (src/parse/markdown.ts), so markdown-it never asks it anything. Whatever is asked of the stand-in
// makes the real one and is answered by it.
import LinkifyIt from 'linkify-it';

export default function LazyLinkifyIt(schemas, options) {
  let real;
  const made = () => (real ??= new LinkifyIt(schemas, options));
  return new Proxy(
    {},
    {
      get: (_, key) => {
        const value = made()[key];
        return typeof value === 'function' ? value.bind(made()) : value;
      },
      set: (_, key, value) => {
        made()[key] = value;
        return true;
      },
      has: (_, key) => key in made(),
    },
  );
}
