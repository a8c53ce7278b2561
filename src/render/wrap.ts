import stringWidth from "fast-string-width";
import { wrapAnsi } from "fast-wrap-ansi";

// Word wrapping for terminal text, with fast-wrap-ansi and fast-string-width: wrap-ansi and
// string-width as rewritten for speed by the e18e project, the pair Inquirer itself uses. They
// measure text as a terminal shows it (colour codes take no room, wide characters two columns).
// string-width proper builds an Intl.Segmenter as it loads: 50 to 80 ms on a loaded 2-core
// machine, against 3 to 11 ms for fast-string-width (one run each, three times). Lines break only
// between words, so a flag, a path or a URL is never split: one longer than the line stands
// alone on a line of its own, past the edge, still whole and copyable.

export const displayWidth = (text: string): number => stringWidth(text);

/**
 * The spaces a line may break at. Not \s: that takes in the no-break spaces (U+00A0 between a
 * number and its noun, U+202F before a French : ; ! ? % and inside « »), which must hold.
 */
export const BREAKABLE = /[ \t\n\r\f\v]+/;

export function wrap(text: string, width: number): string[] {
  const limit = Math.max(4, width);
  return text
    .split("\n")
    .flatMap((paragraph) =>
      wrapAnsi(paragraph.split(BREAKABLE).filter(Boolean).join(" "), limit, { hard: false }).split("\n"),
    );
}

/** Wraps and indents every line; the first line may carry a different prefix (a bullet). */
export function block(text: string, width: number, indent: string, first = indent): string {
  return wrap(text, width - displayWidth(indent))
    .map((line, i) => (i === 0 ? first : indent) + line)
    .join("\n");
}
