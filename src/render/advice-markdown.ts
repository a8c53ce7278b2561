import type { Reason } from "../engine/model.js";
import { codeSpan, markdownCell, markdownText } from "./cells.js";
import { choiceLabel, optionLabel, sourceInfo } from "../engine/sources.js";
import { UNKNOWN } from "../engine/certainty.js";
import {
  assumption,
  assumptionsText,
  linkNote,
  outcomeLabel,
  outlookLines,
  overrideWarnings,
  weighing,
  type Report,
} from "./report.js";

// The advice as an architecture decision record a team can commit next to its code.

export function renderAdviceMarkdown(report: Report, date: string): string {
  const { advice, ruleSet, command, locale } = report;
  const t = locale.messages.advice;
  const refs: string[] = [];
  const cite = (reason: Reason): string => {
    if (!refs.includes(reason.source)) refs.push(reason.source);
    return `${reason.text}${assumption(reason, locale)} [${refs.indexOf(reason.source) + 1}]`;
  };
  const chosen = outcomeLabel(ruleSet, advice.recommendation, locale);
  const workload = advice.answers.workload ? choiceLabel(ruleSet, "workload", advice.answers.workload) : t.workload;
  const out: string[] = [];

  out.push(t.recordTitle(workload, chosen), "");
  const layers = ruleSet.policy?.layers ?? [];
  const shipped = t.decidedWithShipped(report.version, t.rulesOrigin);
  const decidedWith =
    layers.length === 0
      ? shipped
      : t.decidedWithPolicy(
          shipped,
          layers.map((l) => t.policyFrom(codeSpan(l.path), markdownText(l.from))),
        );
  out.push(t.status, t.date(date), t.decidedWith(decidedWith), "");
  for (const warning of overrideWarnings(ruleSet, locale)) out.push(`> **${markdownText(warning)}**`, "");

  out.push(t.context, "", t.contextHead, "| --- | --- |");
  for (const q of ruleSet.questions) {
    const value = advice.answers[q.id];
    const assumed = advice.assumptions[q.id];
    const answer =
      assumed !== undefined
        ? t.assumedAnswer(markdownText(choiceLabel(ruleSet, q.id, assumed)), codeSpan(assumed))
        : value === UNKNOWN || (value === undefined && !advice.skipped.includes(q.id))
          ? t.notSureAnswer
          : value === undefined
            ? t.notAskedAnswer
            : `${markdownText(choiceLabel(ruleSet, q.id, value))} (${codeSpan(value)})`;
    out.push(`| ${markdownCell(q.prompt)}${q.help ? `<br>_${markdownCell(q.help)}_` : ""} | ${answer} |`);
  }
  const assumedText = assumptionsText(advice);
  if (assumedText !== "") out.push("", markdownText(t.assumedLine(assumedText)));
  out.push("", t.reproduce(codeSpan(command.join(" "))), "");

  out.push(t.decision, "");
  if (advice.recommendation === null) out.push(t.nothingFitsRecord);
  else {
    const m = advice.margin;
    const kind =
      m.verdict === "narrow"
        ? t.recordVerdict.narrow
        : advice.cautions.length > 0
          ? t.restsOnConfirm
          : t.recordVerdict[m.verdict as "clear" | "moderate"];
    const settledBy = advice.tieBreak?.rule === "default-order" ? t.settlesDefault : t.settlesRule;
    const score = advice.options[0]!.score;
    const lead =
      m.verdict === "only-option"
        ? advice.alone
          ? t.onlyOpen
          : t.onlyOpenInCase
        : m.points === 0
          ? t.tiedRecord(score, optionLabel(ruleSet, m.runnerUp), settledBy, advice.tieBreak?.text ?? "")
          : t.aheadRecord(score, m.points!, optionLabel(ruleSet, m.runnerUp), kind);
    out.push(t.weWillRun(chosen, lead));
  }
  const picture = outlookLines(advice, ruleSet, locale);
  if (picture.length > 0) out.push("", ...picture.map((line) => `- ${line}`));
  out.push("");

  const open = advice.certainty.unknown.filter((id) => !advice.skipped.includes(id));
  if (open.length > 0 || advice.cautions.length > 0) {
    out.push(t.toConfirmHeading, "");
    for (const r of advice.cautions) out.push(`- ${cite(r)}`);
    const matters = new Map(advice.certainty.dependsOn.map((d) => [d.question, d]));
    for (const id of open) {
      const q = ruleSet.questions.find((x) => x.id === id)!;
      const d = matters.get(id);
      const impact = !d ? t.holdsWhatever : d.byValue ? t.aloneCanChange : t.togetherCanChange;
      out.push(t.confirmItem(markdownCell(q.prompt), `\`--${id}\``, impact));
    }
    out.push("");
  }

  out.push(t.optionsConsidered, "");
  for (const option of advice.options) {
    const marker = option.id === advice.recommendation ? t.chosen : option.eligible ? "" : t.ruledOutMarker;
    out.push(`### ${option.label}${marker}`, "", t.scoreLine(option.score), "");
    // The primary reasons only (engine/explain.ts): a remedy that cannot make the option possible is left out.
    const exclusions = advice.excluded.find((e) => e.option === option.id)?.reasons ?? [];
    for (const r of exclusions) {
      out.push(t.ruledOutItem(cite(r)));
      if (r.remedy) out.push(t.remedyItem(r.remedy));
    }
    for (const r of weighing(advice, option.id, 1)) out.push(t.pro(r.effect as number, cite(r)));
    for (const r of weighing(advice, option.id, -1)) out.push(t.con(r.effect as number, cite(r)));
    out.push("");
  }

  out.push(t.consequences, "");
  const winnerCons = advice.recommendation === null ? [] : weighing(advice, advice.recommendation, -1);
  if (winnerCons.length > 0) {
    out.push(t.costs, "");
    for (const r of winnerCons) out.push(`- ${cite(r)}`);
    out.push("");
  }
  if (advice.whatIf.length > 0) {
    out.push(t.revisit, "");
    for (const w of advice.whatIf) {
      out.push(
        t.insteadOf(
          choiceLabel(ruleSet, w.question, w.answer),
          choiceLabel(ruleSet, w.question, w.from),
          `\`--${w.question} ${w.answer}\``,
          outcomeLabel(ruleSet, w.recommendation, locale),
        ),
      );
    }
  } else out.push(t.noSingleChange);
  out.push("");

  out.push(t.sourcesHeading, "");
  refs.forEach((ref, i) => {
    const info = sourceInfo(ruleSet, ref);
    out.push(
      `${i + 1}. [${t.sourceTitle(info.page, info.section)}](${info.url})${linkNote(ruleSet, ref, locale)} (\`${ref}\`)`,
    );
  });
  return out.join("\n") + "\n";
}
