import Table from "cli-table3";
import { checkRuleSet, combinationCount, MAX_COMBINATIONS } from "../engine/check.js";
import { compile } from "../engine/compile.js";
import type { Clause, Rule, RuleSet } from "../engine/model.js";
import { effectValue, isExclusion } from "../engine/model.js";
import { sourceInfo } from "../engine/sources.js";
import { UsageError } from "../errors.js";
import { createStyle } from "../render/style.js";
import { block, wrap } from "../render/wrap.js";
import { didYouMean } from "../suggest.js";
import type { Context } from "./context.js";

const effectText = (rule: Rule): string =>
  isExclusion(rule.effect) ? "excluded" : `${rule.effect.score > 0 ? "+" : ""}${rule.effect.score}`;

const clauseText = (clause: Clause): string => {
  const parts = Object.entries(clause).map(([q, values]) => `${q} is ${values.join(" or ")}`);
  return parts.length === 0 ? "always" : parts.join(" and ");
};

const conditionText = (clauses: readonly Clause[]): string => clauses.map(clauseText).join("; or ");

function ruleJson(ruleSet: RuleSet, rule: Rule) {
  return {
    id: rule.id,
    option: rule.effect.option,
    effect: effectValue(rule.effect),
    when: rule.when,
    unless: rule.unless,
    reason: rule.reason,
    ...(rule.remedy !== undefined ? { remedy: rule.remedy } : {}),
    source: rule.source,
    sourceUrl: sourceInfo(ruleSet, rule.source).url,
    file: rule.file,
  };
}

const json = (ctx: Context, data: unknown): void => ctx.out(JSON.stringify(data, null, 2) + "\n");

export async function runRulesList(ctx: Context, flags: Record<string, string | boolean | undefined>): Promise<number> {
  const { ruleSet } = ctx;
  let rules = ruleSet.rules;
  const option = flags.option as string | undefined;
  const question = flags.question as string | undefined;
  const source = flags.source as string | undefined;
  if (option !== undefined) {
    const ids = ruleSet.options.map((o) => o.id);
    if (!ids.includes(option)) throw new UsageError(`--option "${option}" is not one of ${ids.join(", ")}${didYouMean(option, ids)}`);
    rules = rules.filter((r) => r.effect.option === option);
  }
  if (question !== undefined) {
    const ids = ruleSet.questions.map((q) => q.id);
    if (!ids.includes(question)) throw new UsageError(`--question "${question}" is not one of ${ids.join(", ")}${didYouMean(question, ids)}`);
    rules = rules.filter((r) => [...r.when, ...r.unless].some((clause) => Object.hasOwn(clause, question)));
  }
  if (source !== undefined) {
    rules = rules.filter((r) => r.source === source || r.source.startsWith(`${source}#`));
    if (rules.length === 0) {
      const refs = [...new Set(ruleSet.rules.flatMap((r) => [r.source, r.source.split("#")[0]!]))];
      throw new UsageError(`--source "${source}" matches no rule${didYouMean(source, refs)}`);
    }
  }
  if (flags.json) {
    json(ctx, rules.map((r) => ruleJson(ruleSet, r)));
    return 0;
  }
  const style = createStyle(ctx.color);
  const inner = Math.max(40, ctx.width) - 13;
  const idWidth = Math.floor((inner - 24) * 0.5);
  const widths = [idWidth, 16, 8, inner - 24 - idWidth].map((w) => Math.max(w, 6));
  const table = new Table({
    head: ["Rule", "Option", "Effect", "Source"].map((h) => style.bold(h)),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
  });
  for (const r of rules) {
    const effect = effectText(r);
    table.push([
      wrap(r.id, widths[0]!).join("\n"),
      wrap(r.effect.option, widths[1]!).join("\n"),
      effect === "excluded" ? style.bad(effect) : effect,
      wrap(r.source, widths[3]!).join("\n"),
    ]);
  }
  ctx.out(`${table.toString()}\n${rules.length} rule${rules.length === 1 ? "" : "s"}. \`vmvc rules show <id>\` prints one in full.\n`);
  return 0;
}

export async function runRulesShow(ctx: Context, id: string, flags: { json?: boolean }): Promise<number> {
  const { ruleSet } = ctx;
  const rule = ruleSet.rules.find((r) => r.id === id);
  if (!rule) throw new UsageError(`no rule "${id}"${didYouMean(id, ruleSet.rules.map((r) => r.id))}; \`vmvc rules list\` shows them all`);
  if (flags.json) {
    json(ctx, ruleJson(ruleSet, rule));
    return 0;
  }
  const style = createStyle(ctx.color);
  const info = sourceInfo(ruleSet, rule.source);
  const field = (name: string, value: string): string => block(value, ctx.width, " ".repeat(10), `${style.bold(name.padEnd(8))}  `);
  const lines = [
    style.bold(rule.id),
    field("option", rule.effect.option),
    field("effect", isExclusion(rule.effect) ? "excluded (a hard fact)" : `${effectText(rule)} points`),
    field("when", conditionText(rule.when)),
    ...(rule.unless.length > 0 ? [field("unless", conditionText(rule.unless))] : []),
    field("reason", rule.reason),
    ...(rule.remedy !== undefined ? [field("remedy", rule.remedy)] : []),
    field("source", `${info.page}: ${info.section} (${rule.source})`),
    `${style.bold("link".padEnd(8))}  ${info.url}`, // never wrapped: it must stay copyable
    field("file", rule.file),
  ];
  ctx.out(lines.join("\n") + "\n");
  return 0;
}

export async function runRulesValidate(ctx: Context, paths: readonly string[]): Promise<number> {
  const { readTier, buildRuleSet, RuleSetError } = await import("../ruleset/load.js");
  let failed = false;
  for (const path of paths) {
    try {
      const tier = readTier(path);
      buildRuleSet(ctx.ruleSet, [tier]);
      const count = (key: "rules" | "questions" | "disable") => tier.reduce((n, l) => n + (l.data[key]?.length ?? 0), 0);
      ctx.out(`${path}: ok (${count("rules")} rules, ${count("questions")} questions, ${count("disable")} disabled)\n`);
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      failed = true;
      for (const problem of error.problems) ctx.err(`${problem}\n`);
    }
  }
  if (failed) throw new UsageError("validation failed");
  return 0;
}

export async function runRulesSchema(ctx: Context): Promise<number> {
  const { ruleFileJsonSchema } = await import("../ruleset/load.js");
  json(ctx, ruleFileJsonSchema());
  return 0;
}

export async function runRulesCheck(ctx: Context, flags: { strict?: boolean; json?: boolean }): Promise<number> {
  const compiled = compile(ctx.ruleSet);
  const total = combinationCount(compiled);
  if (total > MAX_COMBINATIONS) {
    throw new UsageError(`${total} combinations of answers is more than the ${MAX_COMBINATIONS} a check can sweep; trim custom questions or values`);
  }
  const started = performance.now();
  const report = checkRuleSet(compiled);
  const seconds = (performance.now() - started) / 1000;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.length - errors;
  if (flags.json) json(ctx, { ...report, seconds: Number(seconds.toFixed(3)), errors, warnings });
  else {
    const style = createStyle(ctx.color);
    const out: string[] = [`Checked ${report.combinations.toLocaleString("en-US")} combinations of answers against ${ctx.ruleSet.rules.length} rules in ${seconds.toFixed(2)} s.`, ""];
    out.push(style.bold("Recommended per combination:"));
    for (const [id, n] of Object.entries(report.recommended)) {
      if (id === "none" && n === 0) continue;
      const share = ((100 * n) / report.combinations).toFixed(1).padStart(5);
      out.push(`  ${id.padEnd(18)} ${n.toLocaleString("en-US").padStart(9)}  ${share}%`);
    }
    out.push("");
    if (report.findings.length === 0) out.push(style.good("No findings: every combination has an option, every rule fires and matters, every option can win."));
    for (const f of report.findings) {
      const tag = f.severity === "error" ? style.bad("error") : style.warn("warning");
      out.push(`${tag} ${f.kind}: ${f.message}`);
      for (const example of f.examples) {
        out.push(`    e.g. ${Object.entries(example).map(([q, v]) => `--${q} ${v}`).join(" ")}`);
      }
    }
    out.push("", `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`);
    ctx.out(out.join("\n") + "\n");
  }
  if (errors > 0) throw new UsageError(`the rule set has ${errors} error${errors === 1 ? "" : "s"} (see above)`);
  if (flags.strict && warnings > 0) throw new UsageError(`--strict: the rule set has ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return 0;
}
