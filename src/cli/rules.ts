import { checkLimit, checkRuleSet } from "../engine/check.js";
import { compile } from "../engine/compile.js";
import { resolve } from "node:path";
import { RuleSetError, UsageError } from "../errors.js";
import { checkReportText, json, plural, ruleDetail, ruleJson, ruleLines, ruleTable } from "../render/rule-listing.js";
import { createStyle } from "../render/style.js";
import { didYouMean, quote } from "../suggest.js";
import type { Context } from "./context.js";
import { questionFlagProblems } from "./program.js";

// The `vmvc rules` commands: choosing what to show, and what counts as failure.

function oneOf(flag: string, value: string, ids: readonly string[]): void {
  if (!ids.includes(value))
    throw new UsageError(`${flag} ${quote(value)} is not one of ${ids.join(", ")}${didYouMean(value, ids)}`);
}

export async function runRulesList(
  ctx: Context,
  flags: { option?: string; question?: string; source?: string; json?: boolean },
): Promise<number> {
  const { ruleSet } = ctx;
  let rules = ruleSet.rules;
  const { option, question, source } = flags;
  if (option !== undefined) {
    oneOf(
      "--option",
      option,
      ruleSet.options.map((o) => o.id),
    );
    rules = rules.filter((r) => r.effect.option === option);
  }
  if (question !== undefined) {
    oneOf(
      "--question",
      question,
      ruleSet.questions.map((q) => q.id),
    );
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
  if (!rule)
    throw new UsageError(
      `no rule ${quote(id)}${didYouMean(
        id,
        ruleSet.rules.map((r) => r.id),
      )}; \`vmvc rules list\` shows them all`,
    );
  ctx.out(
    flags.json
      ? json(ruleJson(ruleSet, rule))
      : ruleDetail(ruleSet, rule, createStyle(ctx.color, ctx.hyperlinks), ctx.width),
  );
  return 0;
}

export async function runRulesValidate(
  ctx: Context,
  paths: readonly string[],
  flags: { json?: boolean },
): Promise<number> {
  // The validating loader brings zod: loaded only by the commands that need it.
  const [{ buildRuleSet }, load, { configuredRulePaths }, { shippedRuleSet }] = await Promise.all([
    import("../ruleset/layer.js"),
    import("../ruleset/load.js"),
    import("../ruleset/config.js"),
    import("../ruleset/index.js"),
  ]);
  const results: {
    path: string;
    ok: boolean;
    problems: string[];
    rules?: number;
    questions?: number;
    disabled?: number;
  }[] = [];
  for (const path of paths) {
    const full = resolve(ctx.cwd, path);
    try {
      if (load.isShippedLayout(full)) {
        // A folder laid out like rules/ is a whole rule set: its options file, then its rules.
        const ruleSet = load.loadShippedFromDisk(full);
        results.push({
          path,
          ok: true,
          problems: [],
          rules: ruleSet.rules.length,
          questions: ruleSet.questions.length,
          disabled: 0,
        });
        continue;
      }
      // Checked against the shipped rules and the configured policy, without the files being checked.
      let base = shippedRuleSet();
      try {
        base = load.layerRuleFiles(base, configuredRulePaths(ctx.cwd), load.realFilesOf(full));
      } catch (error) {
        if (!(error instanceof RuleSetError)) throw error;
        ctx.err(`warning: the configured policy is left out: ${error.message}\n`);
      }
      const tier = load.readTier(full);
      const problems = questionFlagProblems(buildRuleSet(base, [tier]));
      if (problems.length > 0) throw new RuleSetError(problems);
      const count = (key: "rules" | "questions" | "disable") =>
        tier.reduce((n, l) => n + (l.data[key]?.length ?? 0), 0);
      results.push({
        path,
        ok: true,
        problems: [],
        rules: count("rules"),
        questions: count("questions"),
        disabled: count("disable"),
      });
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      results.push({ path, ok: false, problems: [...error.problems] });
    }
  }
  if (flags.json) ctx.out(json(results));
  else {
    for (const r of results) {
      if (r.ok)
        ctx.out(
          `${r.path}: ok (${plural(r.rules!, "rule")}, ${plural(r.questions!, "question")}, ${r.disabled} disabled)\n`,
        );
      else for (const problem of r.problems) ctx.err(`${problem}\n`);
    }
  }
  if (results.some((r) => !r.ok)) throw new UsageError("validation failed");
  return 0;
}

export async function runRulesSchema(ctx: Context): Promise<number> {
  const { ruleFileJsonSchema } = await import("../ruleset/json-schema.js");
  ctx.out(json(ruleFileJsonSchema()));
  return 0;
}

export async function runRulesCheck(ctx: Context, flags: { strict?: boolean; json?: boolean }): Promise<number> {
  const compiled = compile(ctx.ruleSet);
  const limit = checkLimit(compiled);
  if (limit !== undefined) throw new UsageError(limit);
  const started = performance.now();
  // Past a second, say how far it has got: on a terminal in place, elsewhere every tenth.
  let shownTenth = 0;
  const report = checkRuleSet(compiled, (done, total) => {
    if (performance.now() - started < 1000) return;
    const share = `${Math.floor((100 * done) / total)}% of ${total.toLocaleString("en-US")} combinations`;
    if (ctx.stderrIsTTY) ctx.status(`Checking: ${share}`);
    else if (Math.floor((10 * done) / total) > shownTenth) {
      shownTenth = Math.floor((10 * done) / total);
      ctx.err(`rules check: ${share}\n`);
    }
  });
  ctx.status("");
  const seconds = (performance.now() - started) / 1000;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  if (flags.json) ctx.out(json({ ...report, seconds: Number(seconds.toFixed(3)), errors, warnings }));
  else ctx.out(checkReportText(report, ctx.ruleSet.rules.length, seconds, createStyle(ctx.color)));
  if (errors > 0) throw new UsageError(`the rule set has ${errors} error${errors === 1 ? "" : "s"} (see above)`);
  if (flags.strict && warnings > 0)
    throw new UsageError(`--strict: the rule set has ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return 0;
}
