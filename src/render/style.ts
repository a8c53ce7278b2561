import { Chalk } from "chalk";

// Colour is decided once (see cli/terminal.ts) and handed to renderers as a Style.
// Renderers never look at the environment themselves.

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  accent(text: string): string;
  /** A URL, clickable (an OSC 8 hyperlink) where the terminal supports it; its text is the URL, whole. */
  link(url: string): string;
}

export function createStyle(enabled: boolean, hyperlinks = false): Style {
  const chalk = new Chalk({ level: enabled ? 1 : 0 });
  return {
    enabled,
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    good: (t) => chalk.green(t),
    bad: (t) => chalk.red(t),
    warn: (t) => chalk.yellow(t),
    accent: (t) => chalk.cyan(t),
    link: (url) => (hyperlinks ? `\x1b]8;;${url}\x1b\\${url}\x1b]8;;\x1b\\` : url),
  };
}

export const plain: Style = createStyle(false);
