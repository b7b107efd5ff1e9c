/**
 * A Markdown list in an article → one `list-item` text block per item.
 *
 * `- ` items make a bulleted list, `1. ` items a numbered one (from the number written first).
 * A bulleted list whose every item ends in a page reference (`第3版`, `3版`) is an index list,
 * the 导读 box's: its items are set with a dot leader to the reference, flush right. Each item
 * is one paragraph; a list inside a list is refused (one level only).
 */
import type { Token } from 'markdown-it';
import type { Inline, ListKind, SourcePos, TextBlock } from '../model/document.js';
import { at, fail } from './fail.js';
import { closing } from './markdown.js';

/** Items with a page reference from which a list missing one on another item is taken for an index list. */
const MIN_INDEX_ITEMS = 2;

/** An index item's page reference at the end of its text: 第3版, 第 12 版, 3版, 第三版. */
const PAGE_REF = /(第\s*[0-9０-９一二三四五六七八九十]+\s*版|[0-9０-９]+\s*版)$/u;
/** Dots, spaces or a colon typed between an index item's text and its reference: the leader replaces them. */
const TYPED_LEADER = /[\s.．·…。：:]+$/u;

const LIST_SYNTAX = 'write each item on a line starting with "- " (or "1. "), one paragraph an item';

/** What the caller makes of one item's paragraph: a text block in the role `list-item`. */
export type ItemBlock = (inline: Token, pos: SourcePos) => TextBlock;

/** An item's inlines split before its page reference, or undefined when it has none. */
function splitRef(inlines: readonly Inline[]): { inlines: Inline[]; ref: string } | undefined {
  const last = inlines[inlines.length - 1];
  if (last?.kind !== 'text') return undefined;
  const m = PAGE_REF.exec(last.text.trimEnd());
  if (!m) return undefined;
  const before = last.text.trimEnd().slice(0, m.index).replace(TYPED_LEADER, '');
  const head = before === '' ? inlines.slice(0, -1) : [...inlines.slice(0, -1), { kind: 'text' as const, text: before }];
  if (head.length === 0) return undefined;
  return { inlines: head, ref: m[1] };
}

/**
 * The items of the list opened at `tokens[open]` as blocks; `list` numbers the article's lists.
 * `item` makes an item's block (the caller's paragraph rules: length, note markers).
 */
export function listBlocks(tokens: readonly Token[], open: number, list: number, file: string, item: ItemBlock): TextBlock[] {
  const opener = tokens[open];
  const close = closing(tokens, open);
  const pos = at(file, (opener.map?.[0] ?? 0) + 1);
  if (opener.attrs?.some(([key]) => key !== 'start')) {
    fail(pos, 'a {…} on a list is not part of the content format', 'a list is numbered (1.) or bulleted (-); one whose every item ends in a page reference (第3版) is an index list by itself');
  }
  const ordered = opener.type === 'ordered_list_open';
  const start = ordered ? Number(opener.attrGet('start') ?? 1) : 1;
  const blocks: TextBlock[] = [];
  for (let i = open + 1; i < close; i = closing(tokens, i) + 1) {
    const itemPos = at(file, (tokens[i].map?.[0] ?? 0) + 1);
    const end = closing(tokens, i);
    const inner = tokens.slice(i + 1, end);
    const nested = inner.find((t) => t.type === 'bullet_list_open' || t.type === 'ordered_list_open');
    if (nested) fail(at(file, (nested.map?.[0] ?? 0) + 1), 'a list inside a list item is not part of the content format', 'lists have one level: write the inner items as items of the list, or as a paragraph');
    if (inner.length === 0) fail(itemPos, 'an empty list item', 'write its text after the "- ", or remove the line');
    if (inner.length !== 3 || inner[0].type !== 'paragraph_open') fail(itemPos, 'a list item holds one paragraph', LIST_SYNTAX);
    if (inner[0].attrs?.length) fail(itemPos, 'a {…} on a list item is not part of the content format', 'remove it: list items take no role');
    blocks.push(item(inner[1], itemPos));
  }
  const highest = start + blocks.length - 1;
  const refs = ordered ? [] : blocks.map((b) => splitRef(b.inlines));
  const index = refs.length > 0 && refs.every((r) => r !== undefined);
  // Most items end in a page reference: an index list (导读) with one forgotten, not a bulleted list.
  const found = refs.filter((r) => r !== undefined).length;
  if (!index && found >= MIN_INDEX_ITEMS && found * 2 > refs.length) {
    const k = refs.findIndex((r) => r === undefined);
    fail(blocks[k].source, `this item has no page reference, but ${found} of the list's ${refs.length} items end in one (an index list, 导读)`, 'end it with its page, e.g. 第3版, as the others do; a list where not most items end in a page is a bulleted list');
  }
  const kind: ListKind = ordered ? 'ordered' : index ? 'index' : 'bullet';
  return blocks.map((block, k) => {
    const ref = index ? refs[k] : undefined;
    const mark = { kind, list, number: start + k, start, highest };
    return ref ? { ...block, inlines: ref.inlines, list: { ...mark, ref: ref.ref } } : { ...block, list: mark };
  });
}
