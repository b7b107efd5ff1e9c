import type { OutlineCommand } from '../fonts/outline.js';

/**
 * A glyph outline as SVG path data (`M x y L … Q … C … Z`), each point written by `point`
 * (which places and rounds it): the EPUB's cover draws outlines placed on the page, the SVG
 * pages in font units.
 */
export function pathData(commands: readonly OutlineCommand[], point: (x: number, y: number) => string): string {
  let d = '';
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        d += `M${point(args[0], args[1])}`;
        break;
      case 'lineTo':
        d += `L${point(args[0], args[1])}`;
        break;
      case 'quadraticCurveTo':
        d += `Q${point(args[0], args[1])} ${point(args[2], args[3])}`;
        break;
      case 'bezierCurveTo':
        d += `C${point(args[0], args[1])} ${point(args[2], args[3])} ${point(args[4], args[5])}`;
        break;
      case 'closePath':
        d += 'Z';
        break;
      default:
        throw new Error(`unknown outline command ${String(command)}`);
    }
  }
  return d;
}
