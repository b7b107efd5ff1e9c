/**
 * A TrueType glyph's outline read straight from its `glyf` bytes, as the commands fontkit's
 * `glyph.path` holds and with the horizontal extent of fontkit's exact `path.bbox`: the same
 * numbers by the same arithmetic, so that what is drawn from them (the EPUB's cover) is the same
 * bytes. fontkit builds a glyph object, a point object for every point, a struct decoder's
 * records, a path of command objects and closures for its bounds: the sample's cover, some forty
 * glyphs of the masthead and headline faces, allocated 3.4 MB that way on a new edition's main
 * thread. A face without `glyf` (CFF outlines) or with variations is left to fontkit.
 *
 * The glyph's bytes are read into the face's memory first (`face.outlines`, fonts/font-file.ts).
 */
import type { Face } from './types.js';

/** An outline command, as fontkit's Path holds one (export/path-data.ts writes it as SVG). */
export interface OutlineCommand {
  readonly command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  readonly args: number[];
}

/** A glyph's outline and its ink's horizontal extent in font units (Infinity and -Infinity when it has none). */
export interface GlyphOutline {
  readonly commands: readonly OutlineCommand[];
  readonly minX: number;
  readonly maxX: number;
}

/** fontkit's font, as far as this module reads inside it (as fonts/font-file.ts does). */
interface TrueTypeInternals {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca?: { offsets: ArrayLike<number> };
}

/** glyf flags of a simple glyph's point (OpenType 1.9, "glyf": simple glyph description). */
const ON_CURVE = 0x01;
const X_SHORT_VECTOR = 0x02;
const Y_SHORT_VECTOR = 0x04;
const REPEAT = 0x08;
const SAME_X = 0x10;
const SAME_Y = 0x20;
/** Composite glyph flags. */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
/** numberOfContours, xMin, yMin, xMax, yMax. */
const GLYPH_HEADER_BYTES = 10;
/** An F2Dot14 as fontkit reads it: its two bytes at the top of an int32, over 2^30. */
const F2DOT14_HIGH = 24;
const F2DOT14_LOW = 16;
const F2DOT14_DIVISOR = 1073741824;
/** Tables whose presence leaves a face's outlines to fontkit: CFF outlines, variations. */
const FONTKIT_ONLY = ['CFF ', 'CFF2', 'gvar', 'fvar'];

interface Point {
  readonly onCurve: boolean;
  readonly endContour: boolean;
  readonly x: number;
  readonly y: number;
}

/** Where a face's glyph outlines are: its memory, the glyf table's offset and loca's offsets; undefined for fontkit's faces. */
interface GlyfSource {
  readonly face: Face;
  readonly bytes: DataView;
  readonly glyf: number;
  readonly offsets: ArrayLike<number>;
}

function glyfSource(face: Face): GlyfSource | undefined {
  const tt = face.font as unknown as TrueTypeInternals;
  const glyf = tt.directory.tables.glyf;
  const offsets = tt.loca?.offsets;
  if (!glyf || !offsets || FONTKIT_ONLY.some((tag) => tt.directory.tables[tag])) return undefined;
  return { face, bytes: new DataView(face.bytes.memory), glyf: glyf.offset, offsets };
}

/** A glyph's outline and ink extent: read here for a TrueType face, by fontkit otherwise. */
export function glyphOutline(face: Face, id: number): GlyphOutline {
  const source = glyfSource(face);
  if (!source) {
    const path = face.font.getGlyph(id).path;
    return { commands: path.commands as OutlineCommand[], minX: path.bbox.minX, maxX: path.bbox.maxX };
  }
  const commands = pathOf(contoursOf(source, id));
  return { commands, ...inkExtent(commands) };
}

/** fontkit's `_parseGlyphCoord`: a coordinate from the last one, by its two flags. */
function coordinate(bytes: DataView, at: { pos: number }, prev: number, short: number, same: number): number {
  if (short) {
    const value = bytes.getUint8(at.pos++);
    return (same ? value : -value) + prev;
  }
  if (same) return prev;
  const delta = bytes.getInt16(at.pos);
  at.pos += 2;
  return prev + delta;
}

/** A simple glyph's points, as fontkit's `_decodeSimple` makes them (every flag read is a point). */
function simplePoints(bytes: DataView, start: number, contours: number): Point[] {
  const at = { pos: start + GLYPH_HEADER_BYTES };
  const ends: number[] = [];
  for (let i = 0; i < contours; i++, at.pos += 2) ends.push(bytes.getUint16(at.pos));
  at.pos += 2 + bytes.getUint16(at.pos);
  const count = ends[ends.length - 1] + 1;
  const flags: number[] = [];
  while (flags.length < count) {
    const flag = bytes.getUint8(at.pos++);
    flags.push(flag);
    if (flag & REPEAT) for (let repeat = bytes.getUint8(at.pos++); repeat > 0; repeat--) flags.push(flag);
  }
  const xs: number[] = [];
  let x = 0;
  for (const flag of flags) xs.push((x = coordinate(bytes, at, x, flag & X_SHORT_VECTOR, flag & SAME_X)));
  const endSet = new Set(ends);
  let y = 0;
  return flags.map((flag, i) => ({ onCurve: (flag & ON_CURVE) !== 0, endContour: endSet.has(i), x: xs[i], y: (y = coordinate(bytes, at, y, flag & Y_SHORT_VECTOR, flag & SAME_Y)) }));
}

/** An F2Dot14 at `pos`, as fontkit reads one. */
function f2dot14(bytes: DataView, pos: number): number {
  return ((bytes.getUint8(pos) << F2DOT14_HIGH) | (bytes.getUint8(pos + 1) << F2DOT14_LOW)) / F2DOT14_DIVISOR;
}

/** A composite glyph's points: each component's contours placed by its offset and matrix, as fontkit's `_getContours`. */
function compositePoints(source: GlyfSource, start: number): Point[] {
  const { bytes } = source;
  const points: Point[] = [];
  let pos = start + GLYPH_HEADER_BYTES;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = bytes.getUint16(pos);
    const component = bytes.getUint16(pos + 2);
    pos += 4;
    const words = flags & ARG_1_AND_2_ARE_WORDS;
    const dx = words ? bytes.getInt16(pos) : bytes.getInt8(pos);
    const dy = words ? bytes.getInt16(pos + 2) : bytes.getInt8(pos + 1);
    pos += words ? 4 : 2;
    let scaleX = 1;
    let scaleY = 1;
    let scale01 = 0;
    let scale10 = 0;
    if (flags & WE_HAVE_A_SCALE) {
      scaleX = scaleY = f2dot14(bytes, pos);
      pos += 2;
    } else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) {
      scaleX = f2dot14(bytes, pos);
      scaleY = f2dot14(bytes, pos + 2);
      pos += 4;
    } else if (flags & WE_HAVE_A_TWO_BY_TWO) {
      scaleX = f2dot14(bytes, pos);
      scale01 = f2dot14(bytes, pos + 2);
      scale10 = f2dot14(bytes, pos + 4);
      scaleY = f2dot14(bytes, pos + 6);
      pos += 8;
    }
    for (const contour of contoursOf(source, component)) {
      for (const p of contour) points.push({ onCurve: p.onCurve, endContour: p.endContour, x: p.x * scaleX + p.y * scale01 + dx, y: p.y * scaleY + p.x * scale10 + dy });
    }
  }
  return points;
}

/** A glyph's contours: its points split after each contour's end point, as fontkit's `_getContours` (points after the last end are dropped). */
function contoursOf(source: GlyfSource, id: number): Point[][] {
  const { offsets } = source;
  if (!(id >= 0 && id + 1 < offsets.length) || offsets[id] === offsets[id + 1]) return [];
  source.face.outlines.read([id]);
  const start = source.glyf + offsets[id];
  const contours = source.bytes.getInt16(start);
  const points = contours > 0 ? simplePoints(source.bytes, start, contours) : contours < 0 ? compositePoints(source, start) : [];
  const out: Point[][] = [];
  let current: Point[] = [];
  for (const point of points) {
    current.push(point);
    if (point.endContour) {
      out.push(current);
      current = [];
    }
  }
  return out;
}

/** The contours as path commands, as fontkit's TTFGlyph `_getPath` makes them. */
function pathOf(contours: readonly Point[][]): OutlineCommand[] {
  const commands: OutlineCommand[] = [];
  for (const contour of contours) {
    let first = contour[0];
    const last = contour[contour.length - 1];
    let start = 0;
    let curve: Point | undefined;
    if (first.onCurve) {
      // The first point is the moveTo's.
      start = 1;
    } else {
      // Off the curve: start at the last point if it is on it, else midway between the two.
      first = last.onCurve ? last : { onCurve: false, endContour: false, x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 };
      curve = first;
    }
    commands.push({ command: 'moveTo', args: [first.x, first.y] });
    for (let j = start; j < contour.length; j++) {
      const point = contour[j];
      const prev = j === 0 ? first : contour[j - 1];
      if (prev.onCurve && point.onCurve) commands.push({ command: 'lineTo', args: [point.x, point.y] });
      else if (prev.onCurve) curve = point;
      else if (!point.onCurve) {
        commands.push({ command: 'quadraticCurveTo', args: [prev.x, prev.y, (prev.x + point.x) / 2, (prev.y + point.y) / 2] });
        curve = point;
      } else {
        commands.push({ command: 'quadraticCurveTo', args: [curve!.x, curve!.y, point.x, point.y] });
        curve = undefined;
      }
    }
    // Back to the first point.
    if (curve) commands.push({ command: 'quadraticCurveTo', args: [curve.x, curve.y, first.x, first.y] });
    commands.push({ command: 'closePath', args: [] });
  }
  return commands;
}

/**
 * The outline's horizontal extent, as fontkit's exact `path.bbox` finds it: every end point,
 * and each curve's turning points in x (a quadratic raised to a cubic), by the same arithmetic.
 */
function inkExtent(commands: readonly OutlineCommand[]): { minX: number; maxX: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  const add = (x: number): void => {
    if (Math.abs(x) === Infinity) return;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
  };
  let cx = 0;
  for (const { command, args } of commands) {
    if (command === 'moveTo' || command === 'lineTo') {
      add(args[0]);
      cx = args[0];
    } else if (command === 'quadraticCurveTo' || command === 'bezierCurveTo') {
      const quadratic = command === 'quadraticCurveTo';
      const p3 = quadratic ? args[2] : args[4];
      // http://fontforge.org/bezier.html: CP1 = QP0 + 2/3 (QP1 − QP0), CP2 = QP2 + 2/3 (QP1 − QP2).
      const p1 = quadratic ? cx + (2 / 3) * (args[0] - cx) : args[0];
      const p2 = quadratic ? p3 + (2 / 3) * (args[0] - p3) : args[2];
      const p0 = cx;
      add(p3);
      const at = (t: number): number => Math.pow(1 - t, 3) * p0 + 3 * Math.pow(1 - t, 2) * t * p1 + 3 * (1 - t) * Math.pow(t, 2) * p2 + Math.pow(t, 3) * p3;
      const b = 6 * p0 - 12 * p1 + 6 * p2;
      const a = -3 * p0 + 9 * p1 - 9 * p2 + 3 * p3;
      const c = 3 * p1 - 3 * p0;
      if (a === 0) {
        if (b !== 0) {
          const t = -c / b;
          if (0 < t && t < 1) add(at(t));
        }
      } else {
        const b2ac = Math.pow(b, 2) - 4 * c * a;
        if (b2ac >= 0) {
          const t1 = (-b + Math.sqrt(b2ac)) / (2 * a);
          if (0 < t1 && t1 < 1) add(at(t1));
          const t2 = (-b - Math.sqrt(b2ac)) / (2 * a);
          if (0 < t2 && t2 < 1) add(at(t2));
        }
      }
      cx = p3;
    }
  }
  return { minX, maxX };
}
