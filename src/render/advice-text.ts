import type { Advice, WhatIf } from "../engine/explain.js";
import type { Reason, RuleSet } from "../engine/model.js";
import { choiceLabel, optionLabel, sourceInfo } from "../engine/sources.js";
import type { Locale } from "../i18n/index.js";
import {
  assumption,
  assumptionsText,
  cautionClause,
  layersLine,
  linkNote,
  outcomeLabel,
  outlookLines,
  overrideWarnings,
  weighing,
  whatIfGroups,
  type Report,
} from "./report.js";
import type { Style } from "./style.js";
import { block, displayWidth } from "./wrap.js";

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
function firmness(whatIf: readonly WhatIf[], locale: Locale): string {
  const t = locale.messages.advice;
  const forced = whatIf.filter((w) => w.forced).length;
  const scored = whatIf.length - forced;
  if (whatIf.length === 0) return t.firmnessNone;
  if (scored === 0) return t.firmnessForced(forced);
  return t.firmness(whatIf.length, scored, forced);
}

/**
 * The case the points are for when questions were left open because no answer to them could
 * change the outcome: the engine scores one value of each, and the points depend on which.
 */
function assumedCase(advice: Advice, ruleSet: RuleSet, locale: Locale): string {
  const t = locale.messages.advice;
  const taken = advice.skipped.filter((q) => advice.assumed[q] !== undefined);
  if (taken.length === 0) return "";
  return t.taking(taken.map((q) => t.takenAs(`--${q}`, choiceLabel(ruleSet, q, advice.assumed[q]!))).join(", "));
}

function marginLine(advice: Advice, ruleSet: RuleSet, winnerScore: number, locale: Locale): string {
  const t = locale.messages.advice;
  const { margin, whatIf, tieBreak } = advice;
  switch (margin.verdict) {
    case "only-option":
      // Said outright only when it holds whatever the unknown answers are.
      return advice.alone ? t.onlyOption : t.onlyOptionInCase;
    case "none":
      return t.everyRuledOut;
    default: {
      const runnerUp = optionLabel(ruleSet, margin.runnerUp);
      const runnerUpScore = winnerScore - (margin.points ?? 0);
      const words =
        advice.cautions.length > 0 && margin.verdict !== "narrow" ? t.restsOnConfirm : t.verdict[margin.verdict];
      const settled =
        margin.points === 0 && tieBreak
          ? tieBreak.rule === "default-order"
            ? t.settledByDefault(tieBreak.text)
            : t.settledByRule(tieBreak.text)
          : "";
      const taking = assumedCase(advice, ruleSet, locale);
      return `${t.margin(margin.points ?? 0, runnerUp, runnerUpScore, taking, words, settled)} ${firmness(whatIf, locale)}`;
    }
  }
}

export function renderAdviceText(
  report: Report,
  style: Style,
  width: number,
  options: { showCommand: boolean; /** A file gets every what-if; a screen the first few. */ allWhatIfs?: boolean },
): string {
  const { advice, ruleSet, command, locale } = report;
  const t = locale.messages.advice;
  const out: string[] = [];
  const refs: string[] = [];
  const cite = (ref: string): string => {
    if (!refs.includes(ref)) refs.push(ref);
    return `[${refs.indexOf(ref) + 1}]`;
  };
  // Wrap plain text first, then colour, so escape codes never count towards the width.
  const reasonLine = (reason: Reason, bullet: string): string => {
    const mark = cite(reason.source);
    const text = block(`${reason.text}${assumption(reason, locale)} ${mark}`, width, "    ", "  * ");
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

  for (const warning of overrideWarnings(ruleSet, locale)) out.push(style.warn(block(warning, width, "  ", "")), "");
  const winner = advice.options.find((o) => o.id === advice.recommendation);
  if (!winner) {
    out.push(style.bad(style.bold(t.nothingFits)));
    out.push(block(t.eachListed, width, "  "));
    for (const line of outlookLines(advice, ruleSet, locale)) out.push(block(line, width, "  "));
  } else {
    // With unknown answers the score is only that of the case shown; the share says more.
    const [caution, ...moreCautions] = advice.cautions;
    const but = caution ? t.but(cautionClause(caution), cite(caution.source), moreCautions.length) : "";
    // Styled before wrapping (the wrap knows escape codes), so a label that wraps keeps its colour.
    out.push(
      block(
        `${style.bold(t.recommendation)} ${style.good(style.bold(winner.label))}${advice.certainty.share === 1 ? t.score(winner.score) : ""}${but}`,
        width,
        "  ",
        "",
      ),
    );
    for (const line of outlookLines(advice, ruleSet, locale)) out.push(block(line, width, "  "));
    out.push(block(marginLine(advice, ruleSet, winner.score, locale), width, "  "));
    if (advice.cautions.length > 0) {
      heading(t.toConfirm);
      for (const r of advice.cautions) out.push(reasonLine(r, style.warn("?")));
    }

    const pros = weighing(advice, winner.id, 1);
    const cons = weighing(advice, winner.id, -1);
    if (pros.length > 0) {
      heading(t.why(winner.label));
      for (const r of pros) out.push(reasonLine(r, style.good("+")));
    }
    if (cons.length > 0) {
      heading(t.against);
      for (const r of cons) out.push(reasonLine(r, style.warn("-")));
    }
    // A close call is only fair with the other side's case in view.
    const { runnerUp, verdict } = advice.margin;
    if (verdict === "narrow" && runnerUp) {
      const theirPros = weighing(advice, runnerUp, 1);
      if (theirPros.length > 0) {
        heading(t.caseFor(optionLabel(ruleSet, runnerUp)));
        for (const r of theirPros) out.push(reasonLine(r, style.good("+")));
      }
    }
  }

  if (advice.excluded.length > 0) {
    heading(t.ruledOut);
    for (const { option, reasons } of advice.excluded) {
      out.push(block(optionLabel(ruleSet, option), width, "    ", `  ${style.bad("x")} `));
      for (const r of reasons) {
        out.push(reasonLine(r, " "));
        if (r.remedy) out.push(style.dim(block(t.toMakePossible(r.remedy), width, "      ", "    → ")));
      }
    }
  }

  if (advice.whatIf.length > 0) {
    heading(t.whatWouldChange);
    const groups = whatIfGroups(advice);
    const shown = options.allWhatIfs ? groups.length : SHOWN_WHAT_IFS;
    for (const g of groups.slice(0, shown)) {
      const change = `--${g.question} ${g.answers.join("|")}`;
      const labels = t.choices(g.answers.map((a) => choiceLabel(ruleSet, g.question, a)));
      const hangsOn = g.dependsOn.length > 0 ? t.whatIfDependsOn(g.dependsOn.map((q) => `--${q}`).join(", ")) : "";
      const text = t.whatIf(
        labels,
        choiceLabel(ruleSet, g.question, g.from),
        outcomeLabel(ruleSet, g.recommendation, locale),
        hangsOn,
      );
      out.push(block(t.whatIfLine(style.accent(change), text), width, "      ", "  "));
    }
    if (groups.length > shown) out.push(style.dim(block(t.moreWhatIfs(groups.length - shown), width, "  ")));
  } else if (winner) {
    heading(t.whatWouldChange);
    out.push(block(t.nothingWouldChange, width, "  "));
  }

  const assumed = assumptionsText(advice);
  if (assumed !== "") out.push("", block(style.dim(t.assumed(assumed)), width, ""));
  if (advice.skipped.length > 0) {
    out.push(
      "",
      block(style.dim(t.notAnswered(advice.skipped.map((q) => `--${q}`).join(", "), advice.skipped.length)), width, ""),
    );
  }

  // Only the options still possible have scores worth comparing; a ruled-out option's points
  // would read as a rank it does not have. Its reason is under "Ruled out".
  const eligible = advice.options.filter((o) => o.eligible);
  if (eligible.length > 0) {
    const taking = assumedCase(advice, ruleSet, locale);
    heading(taking === "" ? t.points : t.pointsTaking(taking, advice.skipped.length));
    const sum = (id: string, sign: 1 | -1): number =>
      weighing(advice, id, sign).reduce((n, r) => n + Math.abs(r.effect as number), 0);
    // Each option's total, then what it gains and loses: "6 (+10 −4)".
    const n = locale.format.number;
    const parts = eligible.map((o) => `${n(o.score).padStart(3)} (+${n(sum(o.id, 1))} \u2212${n(sum(o.id, -1))})`);
    const room = Math.max(...parts.map(displayWidth));
    eligible.forEach((o, i) => {
      const note = o.id === advice.recommendation ? ` ${t.recommended}` : "";
      const lead = `  ${parts[i]!.padEnd(room)}  `;
      out.push(block(`${o.label}${note ? ` ${style.good(note.trim())}` : ""}`, width, " ".repeat(lead.length), lead));
    });
  }
  if (advice.excluded.length > 0) {
    const names = advice.excluded.map((e) => optionLabel(ruleSet, e.option)).join(", ");
    out.push(style.dim(block(t.notScored(names), width, "  ")));
  }

  if (refs.length > 0) {
    heading(t.sources);
    refs.forEach((ref, i) => {
      const info = sourceInfo(ruleSet, ref);
      const tag = `  [${i + 1}] `;
      out.push(block(t.sourceTitle(info.page, info.section), width, " ".repeat(tag.length), tag));
      if (info.url)
        out.push(`${" ".repeat(tag.length)}${style.dim(style.link(info.url))}${linkNote(ruleSet, ref, locale)}`);
    });
  }

  out.push("", style.dim(block(layersLine(ruleSet, report.version, locale), width, "")));

  if (options.showCommand) {
    heading(t.runAgain);
    out.push(style.accent(shellLines(command, width, report.shell)));
  }
  return out.join("\n") + "\n";
}
