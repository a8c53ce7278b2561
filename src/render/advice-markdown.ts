import type { Reason } from "../engine/model.js";
import { codeSpan, markdownCell, markdownText } from "./cells.js";
import { choiceLabel, optionLabel, sourceInfo } from "../engine/sources.js";
import { UNKNOWN } from "../engine/certainty.js";
import {
  assumption,
  assumptionsText,
  outlookLines,
  overrideWarnings,
  RULES_ORIGIN,
  weighing,
  type Report,
} from "./report.js";
import { plural } from "../words.js";

// The advice as an architecture decision record a team can commit next to its code.

export function renderAdviceMarkdown(report: Report, date: string): string {
  const { advice, ruleSet, command } = report;
  const refs: string[] = [];
  const cite = (reason: Reason): string => {
    if (!refs.includes(reason.source)) refs.push(reason.source);
    return `${reason.text}${assumption(reason)} [${refs.indexOf(reason.source) + 1}]`;
  };
  const chosen = optionLabel(ruleSet, advice.recommendation);
  const workload = advice.answers.workload ? choiceLabel(ruleSet, "workload", advice.answers.workload) : "Workload";
  const out: string[] = [];

  out.push(`# Hosting decision: ${workload}, as ${chosen}`, "");
  const layers = ruleSet.policy?.layers ?? [];
  const decidedWith =
    layers.length === 0
      ? `vmvc ${report.version}'s shipped rules (${RULES_ORIGIN})`
      : `vmvc ${report.version}'s shipped rules (${RULES_ORIGIN}), then the policy in ${layers.map((l) => `${codeSpan(l.path)} (from ${markdownText(l.from)})`).join(", then ")}`;
  out.push(`- Status: proposed`, `- Date: ${date}`, `- Decided with: ${decidedWith}`, "");
  for (const warning of overrideWarnings(ruleSet)) out.push(`> **${markdownText(warning)}**`, "");

  out.push("## Context", "", "| Question | Answer |", "| --- | --- |");
  for (const q of ruleSet.questions) {
    const value = advice.answers[q.id];
    const assumed = advice.assumptions[q.id];
    const answer =
      assumed !== undefined
        ? `Assumed: ${markdownText(choiceLabel(ruleSet, q.id, assumed))} (${codeSpan(assumed)}), as it was not given`
        : value === UNKNOWN || (value === undefined && !advice.skipped.includes(q.id))
          ? "_not sure: see To confirm_"
          : value === undefined
            ? "_not asked: could not change the outcome_"
            : `${markdownText(choiceLabel(ruleSet, q.id, value))} (${codeSpan(value)})`;
    out.push(`| ${markdownCell(q.prompt)}${q.help ? `<br>_${markdownCell(q.help)}_` : ""} | ${answer} |`);
  }
  const assumedText = assumptionsText(advice);
  if (assumedText !== "") out.push("", markdownText(`Assumed: ${assumedText}.`));
  out.push("", `Reproduce with ${codeSpan(command.join(" "))}.`, "");

  out.push("## Decision", "");
  if (advice.recommendation === null)
    out.push(
      "Nothing fits: every option is ruled out. Each one is listed below with what blocks it and what would make it possible.",
    );
  else {
    const m = advice.margin;
    const kind =
      m.verdict === "narrow"
        ? "a narrow call"
        : advice.cautions.length > 0
          ? "a lead that rests on what is still to confirm"
          : `a ${m.verdict} lead`;
    const settledBy =
      advice.tieBreak?.rule === "default-order" ? "vmvc's own default order settles it" : "a tie-break rule settles it";
    const lead =
      m.verdict === "only-option"
        ? advice.alone
          ? "It is the only option the constraints leave open."
          : "In the case shown it is the only option the constraints leave open."
        : m.points === 0
          ? `It scores ${advice.options[0]!.score}, tied with ${optionLabel(ruleSet, m.runnerUp)}; ${settledBy}: ${advice.tieBreak?.text ?? ""}`
          : `It scores ${advice.options[0]!.score}, ${plural(m.points!, "point")} ahead of ${optionLabel(ruleSet, m.runnerUp)} (${kind}).`;
    out.push(`We will run it as **${chosen}**. ${lead}`);
  }
  const picture = outlookLines(advice, ruleSet);
  if (picture.length > 0) out.push("", ...picture.map((line) => `- ${line}`));
  out.push("");

  const open = advice.certainty.unknown.filter((id) => !advice.skipped.includes(id));
  if (open.length > 0 || advice.cautions.length > 0) {
    out.push("## To confirm", "");
    for (const r of advice.cautions) out.push(`- ${cite(r)}`);
    const matters = new Map(advice.certainty.dependsOn.map((d) => [d.question, d]));
    for (const id of open) {
      const q = ruleSet.questions.find((x) => x.id === id)!;
      const d = matters.get(id);
      const impact = !d
        ? "the decision holds whatever the answer"
        : d.byValue
          ? "this answer alone can change the decision"
          : "this answer can change the decision, together with the others to confirm";
      out.push(`- ${markdownCell(q.prompt)} (\`--${id}\`): ${impact}.`);
    }
    out.push("");
  }

  out.push("## Options considered", "");
  for (const option of advice.options) {
    const marker = option.id === advice.recommendation ? " (chosen)" : option.eligible ? "" : " (ruled out)";
    out.push(`### ${option.label}${marker}`, "", `Score: ${option.score}`, "");
    // The primary reasons only (engine/explain.ts): a remedy that cannot make the option possible is left out.
    const exclusions = advice.excluded.find((e) => e.option === option.id)?.reasons ?? [];
    for (const r of exclusions) {
      out.push(`- Ruled out: ${cite(r)}`);
      if (r.remedy) out.push(`  - To make it possible: ${r.remedy}`);
    }
    for (const r of weighing(advice, option.id, 1)) out.push(`- Pro (+${r.effect as number}): ${cite(r)}`);
    for (const r of weighing(advice, option.id, -1)) out.push(`- Con (${r.effect as number}): ${cite(r)}`);
    out.push("");
  }

  out.push("## Consequences", "");
  const winnerCons = advice.recommendation === null ? [] : weighing(advice, advice.recommendation, -1);
  if (winnerCons.length > 0) {
    out.push("Costs we accept:", "");
    for (const r of winnerCons) out.push(`- ${cite(r)}`);
    out.push("");
  }
  if (advice.whatIf.length > 0) {
    out.push("Revisit this decision if any of these change:", "");
    for (const w of advice.whatIf) {
      out.push(
        `- ${choiceLabel(ruleSet, w.question, w.answer)} instead of ${choiceLabel(ruleSet, w.question, w.from)} (\`--${w.question} ${w.answer}\`): ${optionLabel(ruleSet, w.recommendation)}`,
      );
    }
  } else out.push("No single different answer would change this decision.");
  out.push("");

  out.push("## Sources", "");
  refs.forEach((ref, i) => {
    const info = sourceInfo(ruleSet, ref);
    out.push(`${i + 1}. [${info.page}: ${info.section}](${info.url}) (\`${ref}\`)`);
  });
  return out.join("\n") + "\n";
}
