/**
 * 压题照片: a photo set above its article's headline (`{place=above}`). One per article, written
 * first in the article, so the page and the e-book read it where it stands.
 */
import type { Block } from '../model/document.js';
import { HEAD_ROLES } from '../model/index.js';
import { fail } from './fail.js';

export function checkAbovePhotos(blocks: readonly Block[], id: string): void {
  const above = blocks.filter((b) => b.kind === 'figure' && b.place === 'above');
  if (above.length > 1) {
    fail(above[1].source, `a second photo above the headline of article "${id}" (the first is on line ${above[0].source.line})`, 'an article has one photo above its headline: give this one {place=top} or {place=bottom}');
  }
  if (above.length === 0) return;
  if (blocks[0] !== above[0]) {
    const head = blocks.find((b) => b.kind === 'text' && HEAD_ROLES.has(b.role));
    const after = head && blocks.indexOf(head) < blocks.indexOf(above[0]) ? `, after its headline block (line ${head.source.line})` : ', not first';
    fail(above[0].source, `the photo above the headline of article "${id}" is written${after}`, 'write the {place=above} photo first in the article, before its kicker and # headline: it is read first too');
  }
}
