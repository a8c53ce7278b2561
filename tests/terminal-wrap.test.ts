import { describe, expect, it } from "vitest";
import { displayWidth, wrap } from "../src/render/wrap.js";

describe("wrapping", () => {
  it("never splits a flag, a path or any other token, even one longer than the line", () => {
    const text =
      "Run it with --isolation=hyperv, or set exec-opts in C:\\ProgramData\\docker\\config\\daemon.json today";
    const lines = wrap(text, 20);
    for (const token of text.split(" "))
      expect(
        lines.some((l) => l.split(" ").includes(token)),
        token,
      ).toBe(true);
    // Only a token longer than the line itself runs past it.
    for (const line of lines) if (line.includes(" ")) expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  it("measures as a terminal shows: colour takes no room, a wide character two columns", () => {
    expect(displayWidth("\x1b[1mbold\x1b[22m")).toBe(4);
    expect(displayWidth("日本")).toBe(4);
    expect(wrap("日本 日本 日本", 9)).toEqual(["日本 日本", "日本"]);
  });

  it("keeps paragraphs and joins runs of space", () => {
    expect(wrap("a  b\nc", 20)).toEqual(["a b", "c"]);
  });
});
