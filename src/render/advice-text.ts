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

const answers = (n: number): string => plural(n, "single different answer");

/** How firm the advice is: changes that outscore it, and changes that rule it out. */
function firmness(whatIf: readonly WhatIf[]): string {
  const forced = whatIf.filter((w) => w.forced).length;
  const onPoints = whatIf.length - forced;
  if (whatIf.length === 0) return "No single different answer would change it.";
  if (onPoints === 0) return `Only answers that rule it out would change it (${forced}).`;
  return `${answers(onPoints)} would change it on points${forced > 0 ? `, and ${forced} more by ruling it out` : ""}.`;
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
      return `${lead[0]!.toUpperCase()}${lead.slice(1)} ${runnerUp} at ${runnerUpScore}: ${words}${settled}${settled.endsWith(".") ? "" : "."} ${firmness(whatIf)}`;
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
    out.push("", style.bold(text));
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
    const title = block(
      `Recommendation: ${winner.label}${advice.certainty.share === 1 ? `, score ${winner.score}` : ""}${but}`,
      width,
      "  ",
      "",
    );
    out.push(
      title
        .replace("Recommendation:", style.bold("Recommendation:"))
        .replace(winner.label, style.good(style.bold(winner.label))),
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
        heading(`The case for ${optionLabel(ruleSet, runnerUp)}, close behind`);
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
      out.push(block(`${change}: ${text}`, width, "      ", "  ").replace(change, style.accent(change)));
    }
    if (groups.length > shown)
      out.push(style.dim(block(`… and ${groups.length - shown} more (--json lists all)`, width, "  ")));
  } else if (winner) {
    heading("What would change this");
    out.push(block("Nothing: no single different answer changes the recommendation.", width, "  "));
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

  heading("Scores");
  for (const o of advice.options) {
    const note = o.eligible ? (o.id === advice.recommendation ? "(recommended)" : "") : "(ruled out)";
    const line = block(`${o.label} ${note}`.trim(), width, "        ", `  ${String(o.score).padStart(4)}  `);
    out.push(note ? line.replace(note, o.eligible ? style.good(note) : style.bad(note)) : line);
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
