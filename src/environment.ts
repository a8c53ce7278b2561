// Facts about where vmvc runs, read from the environment: colour, links, width, CI. Pure, so
// that every rule is testable; src/shell/ supplies the environment.

export type Env = Readonly<Record<string, string | undefined>>;

/** NO_COLOR and --no-color win; then FORCE_COLOR; then TERM=dumb; else colour only on a TTY. */
export function useColor(env: Env, isTTY: boolean, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    const value = force.trim().toLowerCase();
    if (value === "0" || value === "false") return false;
    return true;
  }
  if (env.TERM === "dumb") return false;
  return isTTY;
}

const atLeast = (version: string | undefined, major: number, minor = 0): boolean => {
  const [a = 0, b = 0] = (version ?? "").split(".").map(Number);
  return a > major || (a === major && b >= minor);
};

/**
 * Whether the terminal turns OSC 8 sequences into links: FORCE_HYPERLINK decides, else only
 * terminals known to (Windows Terminal, VS Code, iTerm2, WezTerm, kitty, GNOME's VTE), never
 * a pipe or CI log. Others would print the sequence's text, so they get the bare URL.
 */
export function supportsHyperlinks(env: Env, isTTY: boolean): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== "0" && env.FORCE_HYPERLINK !== "false";
  if (!isTTY || env.TERM === "dumb" || runningInCI(env)) return false;
  if (env.WT_SESSION) return true;
  if (env.TERM_PROGRAM === "vscode") return atLeast(env.TERM_PROGRAM_VERSION, 1, 72);
  if (env.TERM_PROGRAM === "iTerm.app") return atLeast(env.TERM_PROGRAM_VERSION, 3, 1);
  if (env.TERM_PROGRAM === "WezTerm" || env.TERM === "xterm-kitty") return true;
  return atLeast(env.VTE_VERSION, 5000);
}

/** The terminal's width, else COLUMNS, else 80. */
export function outputWidth(env: Env, stream: { isTTY?: boolean; columns?: number }): number {
  if (stream.isTTY && typeof stream.columns === "number" && stream.columns > 0) return stream.columns;
  // Number, not parseInt: parseInt reads "1e3" as 1.
  const columns = Number(env.COLUMNS ?? "");
  return Number.isInteger(columns) && columns > 0 && columns < 10_000 ? columns : 80;
}

/** CI in any casing of its name, unless it says false. */
export function runningInCI(env: Env): boolean {
  // Keys first: reading every value of process.env is slow.
  return Object.keys(env).some((key) => {
    if (key.length !== 2 || key.toLowerCase() !== "ci") return false;
    const v = (env[key] ?? "").trim().toLowerCase();
    return v !== "" && v !== "0" && v !== "false";
  });
}
