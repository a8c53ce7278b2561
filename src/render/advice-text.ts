import type { Advice, WhatIf } from "../engine/explain.js";
import type { Reason, RuleSet } from "../engine/model.js";
import { choiceLabel, optionLabel, sourceInfo } from "../engine/sources.js";
import {
  assumption,
  assumptionsText,
  cautionClause,
  layersLine,
  outlookLines,
  overrideWarnings,
  weighing,
  whatIfGroups,
  type Report,
} from "./report.js";
import type { Style } from "./style.js";
import { block, displayWidth } from "./wrap.js";
import { plural } from "../words.js";

/**
 * A command split between its flags with the shell's line continuation (a backslash in POSIX
 * shells, a backtick in PowerShell), so it can still be pasted as it is shown.
 */
export function shellLines(pieces: readonly string[], width: number, shell: Report["shell"]): string {
  const continuation = shell === "powershell" ? "`" : "\\";
  const lines: string[] = [];
  let line = " ";
  for (const piece of pieces) {
    if (line.trim() !== "" && displayWidth(line) + 1 + displayWidth(piece) + 2 > width) {
      lines.push(`${line} ${continuation}`);
      line = "   ";
    }
    line += ` ${piece}`;
  }
  lines.push(line);
  return lines.join("\n");
}
const SHOWN_WHAT_IFS = 5;

/** How firm the advice is, in words a reader of any English takes in at once. */
function firmness(whatIf: readonly WhatIf[]): string {
  const forced = whatIf.filter((w) => w.forced).length;
  const scored = whatIf.length - forced;
  const ways = (n: number): string => plural(n, "way");
  if (whatIf.length === 0) return "Changing any one answer would not change the recommendation.";
  if (scored === 0)
    return `Changing one answer would change the recommendation in ${ways(forced)}, each by ruling it out.`;
  return `Changing one answer would change the recommendation in ${ways(whatIf.length)}: ${scored} by the points${forced > 0 ? `, ${forced} by ruling it out` : ""}.`;
}

/**
 * The case the points are for when questions were left open because no answer to them could
 * change the outcome: the engine scores one value of each, and the points depend on which.
 */
function assumedCase(advice: Advice, ruleSet: RuleSet): string {
  const taken = advice.skipped.filter((q) => advice.assumed[q] !== undefined);
  if (taken.length === 0) return "";
  return `taking ${taken.map((q) => `--${q} as ${choiceLabel(ruleSet, q, advice.assumed[q]!)}`).join(", ")}`;
}

function marginLine(advice: Advice, ruleSet: RuleSet, winnerScore: number): string {
  const { margin, whatIf, tieBreak } = advice;
  switch (margin.verdict) {
    case "only-option":
      // Said outright only when it holds whatever the unknown answers are.
      return advice.alone
        ? "It is the only option left; the scores only rank what it does well."
        : "In the case shown it is the only option left; other answers to the open questions leave more open.";
    case "none":
      return "Every option is ruled out.";
    default: {
      const runnerUp = optionLabel(ruleSet, margin.runnerUp);
      const lead = margin.points === 0 ? "tied with" : `${plural(margin.points!, "point")} ahead of`;
      const runnerUpScore = winnerScore - (margin.points ?? 0);
      const words =
        advice.cautions.length > 0 && margin.verdict !== "narrow"
          ? "a lead that rests on what is still to confirm"
          : { clear: "a clear lead", moderate: "a moderate lead", narrow: "a narrow call" }[margin.verdict];
      const settled =
        margin.points === 0 && tieBreak
          ? tieBreak.rule === "default-order"
            ? `, settled by vmvc's own default order: ${tieBreak.text}`
            : `, settled by a tie-break rule: ${tieBreak.text}`
          : "";
      const assumed = assumedCase(advice, ruleSet);
      const taking = assumed === "" ? "" : ` (${assumed})`;
      return `${lead[0]!.toUpperCase()}${lead.slice(1)} ${runnerUp} at ${runnerUpScore}${taking}: ${words}${settled}${settled.endsWith(".") ? "" : "."} ${firmness(whatIf)}`;
    }
  }
}

export function renderAdviceText(
  report: Report,
  style: Style,
  width: number,
  options: { showCommand: boolean; /** A file gets every what-if; a screen the first few. */ allWhatIfs?: boolean },
): string {
  const { advice, ruleSet, command } = report;
  const out: string[] = [];
  const refs: string[] = [];
  const cite = (ref: string): string => {
    if (!refs.includes(ref)) refs.push(ref);
    return `[${refs.indexOf(ref) + 1}]`;
  };
  // Wrap plain text first, then colour, so escape codes never count towards the width.
  const reasonLine = (reason: Reason, bullet: string): string => {
    const mark = cite(reason.source);
    const text = block(`${reason.text}${assumption(reason)} ${mark}`, width, "    ", "  * ");
    return `  ${bullet} ${text.slice(4, text.length - mark.length)}${style.dim(mark)}`;
  };
  const heading = (text: string): void => {
    out.push(
      "",
      ...block(text, width, "")
        .split("\n")
        .map((line) => style.bold(line)),
    );
  };

  for (const warning of overrideWarnings(ruleSet)) out.push(style.warn(block(warning, width, "  ", "")), "");
  const winner = advice.options.find((o) => o.id === advice.recommendation);
  if (!winner) {
    out.push(style.bad(style.bold("Nothing fits: every option is ruled out for these answers.")));
    out.push(block("Each one is listed below with what blocks it and what would make it possible.", width, "  "));
    for (const line of outlookLines(advice, ruleSet)) out.push(block(line, width, "  "));
  } else {
    // With unknown answers the score is only that of the case shown; the share says more.
    const [caution, ...moreCautions] = advice.cautions;
    const but = caution
      ? `, but ${cautionClause(caution)} ${cite(caution.source)}${moreCautions.length > 0 ? ` (and ${moreCautions.length} more to confirm below)` : ""}`
      : "";
    // Styled before wrapping (the wrap knows escape codes), so a label that wraps keeps its colour.
    out.push(
      block(
        `${style.bold("Recommendation:")} ${style.good(style.bold(winner.label))}${advice.certainty.share === 1 ? `, score ${winner.score}` : ""}${but}`,
        width,
        "  ",
        "",
      ),
    );
    for (const line of outlookLines(advice, ruleSet)) out.push(block(line, width, "  "));
    out.push(block(marginLine(advice, ruleSet, winner.score), width, "  "));
    if (advice.cautions.length > 0) {
      heading("To confirm");
      for (const r of advice.cautions) out.push(reasonLine(r, style.warn("?")));
    }

    const pros = weighing(advice, winner.id, 1);
    const cons = weighing(advice, winner.id, -1);
    if (pros.length > 0) {
      heading(`Why: ${winner.label}`);
      for (const r of pros) out.push(reasonLine(r, style.good("+")));
    }
    if (cons.length > 0) {
      heading("Against it");
      for (const r of cons) out.push(reasonLine(r, style.warn("-")));
    }
    // A close call is only fair with the other side's case in view.
    const { runnerUp, verdict } = advice.margin;
    if (verdict === "narrow" && runnerUp) {
      const theirPros = weighing(advice, runnerUp, 1);
      if (theirPros.length > 0) {
        heading(`The case for ${optionLabel(ruleSet, runnerUp)}, the next best`);
        for (const r of theirPros) out.push(reasonLine(r, style.good("+")));
      }
    }
  }

  if (advice.excluded.length > 0) {
    heading("Ruled out");
    for (const { option, reasons } of advice.excluded) {
      out.push(block(optionLabel(ruleSet, option), width, "    ", `  ${style.bad("x")} `));
      for (const r of reasons) {
        out.push(reasonLine(r, " "));
        if (r.remedy) out.push(style.dim(block(`To make it possible: ${r.remedy}`, width, "      ", "    → ")));
      }
    }
  }

  if (advice.whatIf.length > 0) {
    heading("What would change this");
    const groups = whatIfGroups(advice);
    const shown = options.allWhatIfs ? groups.length : SHOWN_WHAT_IFS;
    for (const g of groups.slice(0, shown)) {
      const change = `--${g.question} ${g.answers.join("|")}`;
      const labels = g.answers.map((a) => choiceLabel(ruleSet, g.question, a)).join(" or ");
      const hangsOn = g.dependsOn.length > 0 ? ` (depends on ${g.dependsOn.map((q) => `--${q}`).join(", ")})` : "";
      const text = `${labels}, not ${choiceLabel(ruleSet, g.question, g.from)} → ${optionLabel(ruleSet, g.recommendation)}${hangsOn}`;
      out.push(block(`${style.accent(change)}: ${text}`, width, "      ", "  "));
    }
    if (groups.length > shown)
      out.push(style.dim(block(`… and ${groups.length - shown} more (--json lists all)`, width, "  ")));
  } else if (winner) {
    heading("What would change this");
    out.push(block("Nothing: changing any one answer leaves the recommendation as it is.", width, "  "));
  }

  const assumed = assumptionsText(advice);
  if (assumed !== "")
    out.push(
      "",
      block(
        style.dim(`Assumed: ${assumed}. Not given, so the advice takes these values; pass the flag if one differs.`),
        width,
        "",
      ),
    );
  if (advice.skipped.length > 0) {
    out.push(
      "",
      block(
        style.dim(
          `Not answered: ${advice.skipped.map((q) => `--${q}`).join(", ")}. No answer to these could change the outcome.`,
        ),
        width,
        "",
      ),
    );
  }

  // Only the options still possible have scores worth comparing; a ruled-out option's points
  // would read as a rank it does not have. Its reason is under "Ruled out".
  const eligible = advice.options.filter((o) => o.eligible);
  if (eligible.length > 0) {
    const taking = assumedCase(advice, ruleSet);
    heading(
      taking === ""
        ? "Points"
        : `Points, ${taking} (${advice.skipped.length === 1 ? "no answer to it" : "no answers to these"} could change the outcome)`,
    );
    const sum = (id: string, sign: 1 | -1): number =>
      weighing(advice, id, sign).reduce((n, r) => n + Math.abs(r.effect as number), 0);
    // Each option's total, then what it gains and loses: "6 (+10 −4)".
    const parts = eligible.map((o) => `${String(o.score).padStart(3)} (+${sum(o.id, 1)} \u2212${sum(o.id, -1)})`);
    const room = Math.max(...parts.map(displayWidth));
    eligible.forEach((o, i) => {
      const note = o.id === advice.recommendation ? " (recommended)" : "";
      const lead = `  ${parts[i]!.padEnd(room)}  `;
      out.push(block(`${o.label}${note ? ` ${style.good(note.trim())}` : ""}`, width, " ".repeat(lead.length), lead));
    });
  }
  if (advice.excluded.length > 0) {
    const names = advice.excluded.map((e) => optionLabel(ruleSet, e.option)).join(", ");
    out.push(style.dim(block(`Ruled out, so not scored: ${names}.`, width, "  ")));
  }

  if (refs.length > 0) {
    heading("Sources");
    refs.forEach((ref, i) => {
      const info = sourceInfo(ruleSet, ref);
      const tag = `  [${i + 1}] `;
      out.push(block(`${info.page}: ${info.section}`, width, " ".repeat(tag.length), tag));
      if (info.url) out.push(`${" ".repeat(tag.length)}${style.dim(style.link(info.url))}`);
    });
  }

  out.push("", style.dim(block(layersLine(ruleSet, report.version), width, "")));

  if (options.showCommand) {
    heading("Run it again without questions");
    out.push(style.accent(shellLines(command, width, report.shell)));
  }
  return out.join("\n") + "\n";
}
