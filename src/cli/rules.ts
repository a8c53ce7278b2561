import { checkRuleSet, combinationCount, MAX_COMBINATIONS } from "../engine/check.js";
import { compile } from "../engine/compile.js";
import { RuleSetError, UsageError } from "../errors.js";
import { checkReportText, json, ruleDetail, ruleJson, ruleLines, ruleTable } from "../render/rule-listing.js";
import { createStyle } from "../render/style.js";
import { didYouMean, quote } from "../suggest.js";
import type { Context } from "./context.js";
import { questionFlagProblems } from "./program.js";

// The `vmvc rules` commands: choosing what to show, and what counts as failure.

function oneOf(flag: string, value: string, ids: readonly string[]): void {
  if (!ids.includes(value)) throw new UsageError(`${flag} ${quote(value)} is not one of ${ids.join(", ")}${didYouMean(value, ids)}`);
}

export async function runRulesList(ctx: Context, flags: { option?: string; question?: string; source?: string; json?: boolean }): Promise<number> {
  const { ruleSet } = ctx;
  let rules = ruleSet.rules;
  const { option, question, source } = flags;
  if (option !== undefined) {
    oneOf("--option", option, ruleSet.options.map((o) => o.id));
    rules = rules.filter((r) => r.effect.option === option);
  }
  if (question !== undefined) {
    oneOf("--question", question, ruleSet.questions.map((q) => q.id));
    rules = rules.filter((r) => [...r.when, ...r.unless].some((clause) => Object.hasOwn(clause, question)));
  }
  if (source !== undefined) {
    rules = rules.filter((r) => r.source === source || r.source.startsWith(`${source}#`));
    if (rules.length === 0) {
      const refs = [...new Set(ruleSet.rules.flatMap((r) => [r.source, r.source.split("#")[0]!]))];
      throw new UsageError(`--source ${quote(source)} matches no rule${didYouMean(source, refs)}`);
    }
  }
  if (flags.json) ctx.out(json(rules.map((r) => ruleJson(ruleSet, r))));
  else if (!ctx.stdoutIsTTY) ctx.out(ruleLines(rules));
  else ctx.out(ruleTable(rules, createStyle(ctx.color), ctx.width));
  return 0;
}

export async function runRulesShow(ctx: Context, id: string, flags: { json?: boolean }): Promise<number> {
  const { ruleSet } = ctx;
  const rule = ruleSet.rules.find((r) => r.id === id);
  if (!rule) throw new UsageError(`no rule ${quote(id)}${didYouMean(id, ruleSet.rules.map((r) => r.id))}; \`vmvc rules list\` shows them all`);
  ctx.out(flags.json ? json(ruleJson(ruleSet, rule)) : ruleDetail(ruleSet, rule, createStyle(ctx.color), ctx.width));
  return 0;
}

export async function runRulesValidate(ctx: Context, paths: readonly string[]): Promise<number> {
  // The validating loader brings zod: loaded only by the commands that need it.
  const [{ buildRuleSet }, { readTier }] = await Promise.all([import("../ruleset/layer.js"), import("../ruleset/load.js")]);
  let failed = false;
  for (const path of paths) {
    try {
      const tier = readTier(path);
      const ruleSet = buildRuleSet(ctx.ruleSet, [tier]);
      const problems = questionFlagProblems(ruleSet);
      if (problems.length > 0) throw new RuleSetError(problems);
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
  const { ruleFileJsonSchema } = await import("../ruleset/json-schema.js");
  ctx.out(json(ruleFileJsonSchema()));
  return 0;
}

export async function runRulesCheck(ctx: Context, flags: { strict?: boolean; json?: boolean }): Promise<number> {
  const compiled = compile(ctx.ruleSet);
  const total = combinationCount(compiled);
  if (total > MAX_COMBINATIONS) {
    throw new UsageError(`${total.toLocaleString("en-US")} combinations of answers is more than the ${MAX_COMBINATIONS.toLocaleString("en-US")} a check can sweep; trim custom questions or values`);
  }
  const started = performance.now();
  const report = checkRuleSet(compiled);
  const seconds = (performance.now() - started) / 1000;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  if (flags.json) ctx.out(json({ ...report, seconds: Number(seconds.toFixed(3)), errors, warnings }));
  else ctx.out(checkReportText(report, ctx.ruleSet.rules.length, seconds, createStyle(ctx.color)));
  if (errors > 0) throw new UsageError(`the rule set has ${errors} error${errors === 1 ? "" : "s"} (see above)`);
  if (flags.strict && warnings > 0) throw new UsageError(`--strict: the rule set has ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return 0;
}
