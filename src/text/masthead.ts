/**
 * The masthead's texts, set: the paper's name in the masthead face and size (unless an image
 * stands for it), then the lines under it — the date line with 农历, the issue number and the
 * publisher on one line, then the edition's further lines.
 */
import type { ColourRef, HouseStyle, Masthead, MastheadImage, Page, RoleStyle, SourcePos } from '../model/index.js';
import type { SetText } from './index.js';
import { mastheadDateLine } from './masthead-text.js';

/** The masthead of a front page, set. */
export interface ItemizedMasthead {
  /** The paper's name, set; absent when an image stands for it. */
  readonly name?: SetText;
  /** The image of the name, and the name as its alternative text. */
  readonly image?: MastheadImage;
  readonly alt: string;
  /** Colour of the name and the band's rule (black when absent). */
  readonly colour?: ColourRef;
  /** The lines under the name, in order: the date line, issue and publisher, the others. */
  readonly lines: readonly SetText[];
  readonly source: SourcePos;
}

/** Between the issue number and the publisher: two full-width spaces. */
const FIELD_SEPARATOR = '\u3000\u3000';

/** The masthead of `page`, from the edition's `masthead:` (or the page's paper name alone). */
export function itemizeMasthead(page: Page, masthead: Masthead | undefined, style: HouseStyle, setString: (text: string, role: RoleStyle, source: SourcePos) => SetText): ItemizedMasthead {
  const source = masthead?.source ?? page.source;
  const name = masthead?.name ?? page.paper;
  const issueLine = [masthead?.issue, masthead?.publisher].filter((t): t is string => t !== undefined && t !== '').join(FIELD_SEPARATOR);
  const texts = [mastheadDateLine(page.date), ...(issueLine ? [issueLine] : []), ...(masthead?.lines ?? [])];
  return {
    ...(masthead?.image ? { image: masthead.image } : { name: setString(name, style.masthead, source) }),
    alt: name,
    ...(masthead?.colour ? { colour: masthead.colour } : {}),
    lines: texts.map((text) => setString(text, style.mastheadLine, source)),
    source,
  };
}
