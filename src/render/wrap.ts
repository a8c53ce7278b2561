// Word wrapping for terminal text. A word longer than the line is split after one of its own
// dashes, slashes or dots where it has one, and otherwise with a "-" mark, so nothing is ever
// cut silently.

export const displayWidth = (text: string): number => [...text].length;

export function wrap(text: string, width: number): string[] {
  const limit = Math.max(4, width);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (displayWidth(word) > limit) {
        const room = line === "" ? limit : limit - displayWidth(line) - 1;
        if (room < 4) {
          lines.push(line);
          line = "";
          continue;
        }
        const chars = [...word];
        const natural = Math.max(...[..."-/#._"].map((c) => chars.lastIndexOf(c, room - 1)));
        const cut = natural >= 1 ? natural + 1 : room - 1;
        const head = chars.slice(0, cut).join("") + (natural >= 1 ? "" : "-");
        lines.push(line === "" ? head : `${line} ${head}`);
        line = "";
        word = chars.slice(cut).join("");
      }
      if (line === "") line = word;
      else if (displayWidth(line) + 1 + displayWidth(word) <= limit) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Wraps and indents every line; the first line may carry a different prefix (a bullet). */
export function block(text: string, width: number, indent: string, first = indent): string {
  return wrap(text, width - displayWidth(indent))
    .map((line, i) => (i === 0 ? first : indent) + line)
    .join("\n");
}
