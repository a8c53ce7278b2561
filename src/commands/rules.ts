import { checkLimit, checkRuleSet } from "../engine/check.js";
import { compile } from "../engine/compile.js";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { RuleSetError, UsageError } from "../errors.js";
import { checkReportText, json, ruleBlocks, ruleDetail, ruleJson, ruleLines } from "../render/rule-listing.js";
import { createStyle } from "../render/style.js";
import { didYouMean } from "../suggest.js";
import { quote } from "../escape.js";
import type { Command } from "commander";
import type { RuleSet } from "../engine/model.js";
import { problem, problemJson, problemLine, type Problem } from "../problems.js";
import { answerSpaceProblem, budgetShare, policyAnswerSpaces, WARN_SHARE } from "../engine/budget.js";
import { OK, type Invocation, type Outcome } from "./command.js";
import type { Context } from "./context.js";
import { questionFlagProblems, rulesOption } from "./options.js";
import { count, percent, plural } from "../words.js";

// The `vmvc rules` commands: choosing what to show, and what counts as failure.

export function configure(rules: Command, _ruleSet: RuleSet): void {
  rules
    .command("list")
    .description("list the rules in effect")
    .addHelpText(
      "after",
      "\nExamples:\n  $ vmvc rules list --option hyperv-container\n  $ vmvc rules list | grep kubernetes        # one rule a line into a pipe\n  $ vmvc rules list --source version-compatibility --json\n",
    )
    .option("--option <id>", "only rules about this option")
    .option("--question <id>", "only rules that depend on this question")
    .option("--source <ref>", "only rules from this source page or page#section")
    .option("--json", "print JSON")
    .addOption(rulesOption());
  rules
    .command("show <id>")
    .description("one rule in full, with its source link")
    .option("--json", "print JSON")
    .addOption(rulesOption());
  rules
    .command("validate <paths...>")
    .description("check rule files or folders against the schema and the shipped rules")
    .option("--json", "print JSON: one result per path, with its problems")
    .addHelpText(
      "after",
      "\nExamples:\n  $ vmvc rules validate policy/\n  $ vmvc rules validate rules/              # the shipped rule set itself\n  $ vmvc rules validate policy/ --json\n\nExit codes: 0 every path is valid, 1 a path has problems, 2 a wrong call.\n",
    );
  rules.command("schema").description("print the JSON Schema of a rule file");
  rules
    .command("check")
    .description("evaluate every combination of answers and report gaps, dead rules and unreachable options")
    .addHelpText(
      "after",
      "\nExamples:\n  $ vmvc rules check --rules policy/\n  $ vmvc rules check --strict --json\n\nExit codes: 0 no errors (no warnings with --strict), 1 findings, 2 a wrong call.\n",
    )
    .option("--strict", "fail on warnings too")
    .option("--json", "print JSON")
    .addOption(rulesOption());
}

export async function run(ctx: Context, call: Invocation): Promise<Outcome> {
  const flags = call.flags as Record<string, string | boolean | undefined>;
  switch (call.path[1]) {
    case "list":
      return runRulesList(ctx, flags);
    case "show":
      return runRulesShow(ctx, call.args[0] as string, flags);
    case "validate":
      return runRulesValidate(ctx, call.args[0] as string[], flags);
    case "schema":
      return runRulesSchema(ctx);
    default:
      return runRulesCheck(ctx, flags);
  }
}

function oneOf(flag: string, value: string, ids: readonly string[]): void {
  if (!ids.includes(value))
    throw new UsageError(`${flag} ${quote(value)} is not one of ${ids.join(", ")}${didYouMean(value, ids)}`);
}

async function runRulesList(
  ctx: Context,
  flags: { option?: string; question?: string; source?: string; json?: boolean },
): Promise<Outcome> {
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
  else ctx.out(ruleBlocks(rules, createStyle(ctx.color), ctx.width, ctx.locale));
  return OK;
}

async function runRulesShow(ctx: Context, id: string, flags: { json?: boolean }): Promise<Outcome> {
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
      : ruleDetail(ruleSet, rule, createStyle(ctx.color, ctx.hyperlinks), ctx.width, ctx.locale),
  );
  return OK;
}

async function runRulesValidate(ctx: Context, paths: readonly string[], flags: { json?: boolean }): Promise<Outcome> {
  // The validating loader brings zod: loaded only by the commands that need it.
  const [{ buildRuleSet }, load, { configuredPolicy }, { shippedRuleSet }] = await Promise.all([
    import("../ruleset/layer.js"),
    import("../ruleset/load.js"),
    import("../ruleset/config.js"),
    import("../ruleset/index.js"),
  ]);
  const results: {
    path: string;
    ok: boolean;
    problems: Problem[];
    rules?: number;
    questions?: number;
    disabled?: number;
    answerSpace?: AnswerSpaceReport;
  }[] = [];
  for (const path of paths) {
    const full = resolve(ctx.cwd, path);
    try {
      if (load.isShippedLayout(full)) {
        // A folder laid out like rules/ is a whole rule set: its options file, then its rules.
        const ruleSet = load.loadShippedFromDisk(full, path);
        // Its French texts, when it has them, must translate it whole.
        if (existsSync(join(full, "fr"))) load.loadShippedTextsFromDisk("fr", full, path);
        const space = answerSpaceReport(ruleSet, path);
        results.push({
          path,
          ok: true,
          problems: space.problems,
          rules: ruleSet.rules.length,
          questions: ruleSet.questions.length,
          disabled: 0,
          answerSpace: space.report,
        });
        continue;
      }
      // Checked against the shipped rules and the configured policy, without the files being checked.
      let base = shippedRuleSet();
      try {
        const warn = (p: Problem): void => ctx.err(`warning: ${problemLine(p)}\n`);
        const configured = load.trustedConfigPaths(configuredPolicy(ctx.cwd, ctx.trust), ctx.trust, warn, ctx.cwd);
        base = load.layerRuleFiles(base, configured, load.realFilesOf(full));
      } catch (error) {
        if (!(error instanceof RuleSetError)) throw error;
        ctx.err(`warning: the configured policy is left out: ${error.message}\n`);
      }
      const tier = load.readTier(full, undefined, path);
      const { adviseFlags } = await import("./advise.js");
      const layered = buildRuleSet(base, [tier]);
      // Its texts files (fr/ beside its files) are checked too; one it lacks is for `rules check --lang fr` to say.
      load.translatePolicy(layered, [tier], "fr");
      const problems = questionFlagProblems(layered, adviseFlags());
      if (problems.length > 0) throw new RuleSetError(problems);
      const space = answerSpaceReport(layered, path);
      const count = (key: "rules" | "questions" | "disable") =>
        tier.reduce((n, l) => n + (l.data[key]?.length ?? 0), 0);
      results.push({
        path,
        ok: true,
        problems: space.problems,
        rules: count("rules"),
        questions: count("questions"),
        disabled: count("disable"),
        answerSpace: space.report,
      });
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      results.push({ path, ok: false, problems: [...error.problems] });
    }
  }
  const failed = results.some((r) => !r.ok);
  if (flags.json) {
    ctx.out(json(results.map((r) => ({ ...r, problems: r.problems.map(problemJson) }))));
    return { code: failed ? 1 : 0 };
  }
  for (const r of results) {
    if (r.ok)
      ctx.out(
        `${r.path}: ok (${plural(r.rules!, "rule")}, ${plural(r.questions!, "question")}, ${r.disabled} disabled; answer space: ${count(r.answerSpace!.optionalLeftOut)} combinations with the optional questions left out, ${count(r.answerSpace!.everyUnknown)} with every answer unknown)\n`,
      );
  }
  return { code: failed ? 1 : 0, problems: results.flatMap((r) => r.problems) };
}

interface AnswerSpaceReport {
  /** Combinations a scripted advice sweeps with every required answer given and the optional ones left out. */
  optionalLeftOut: number;
  /** ...and with every answer unknown. */
  everyUnknown: number;
  /** Share of the advice budget each takes, 1 being the bound. */
  optionalLeftOutShare: number;
  everyUnknownShare: number;
}

/** The size of the answer space a rule set makes, and a warning for each case near or over the bound. */
function answerSpaceReport(ruleSet: RuleSet, path: string): { report: AnswerSpaceReport; problems: Problem[] } {
  const c = compile(ruleSet);
  const { optionalLeftOut, everyUnknown } = policyAnswerSpaces(c);
  const problems: Problem[] = [];
  const cases = [
    ["an advice that leaves the optional questions out", optionalLeftOut],
    ["an advice with every answer unknown", everyUnknown],
  ] as const;
  for (const [what, space] of cases) {
    const share = budgetShare(space);
    if (share < WARN_SHARE) continue;
    const over = answerSpaceProblem(space, ruleSet.rules.length);
    problems.push(
      problem(
        { file: path },
        "answer-space",
        over !== undefined
          ? `${what} is refused: ${over}`
          : `${what} takes ${percent(share)} of the answer space an advice can weigh (${count(space.completions)} combinations); a few more values on its open questions and it is refused`,
        "warning",
      ),
    );
  }
  return {
    report: {
      optionalLeftOut: optionalLeftOut.completions,
      everyUnknown: everyUnknown.completions,
      optionalLeftOutShare: Number(budgetShare(optionalLeftOut).toFixed(4)),
      everyUnknownShare: Number(budgetShare(everyUnknown).toFixed(4)),
    },
    problems,
  };
}

async function runRulesSchema(ctx: Context): Promise<Outcome> {
  const { ruleFileJsonSchema } = await import("../ruleset/json-schema.js");
  ctx.out(json(ruleFileJsonSchema()));
  return OK;
}

async function runRulesCheck(ctx: Context, flags: { strict?: boolean; json?: boolean }): Promise<Outcome> {
  const compiled = compile(ctx.ruleSet);
  const limit = checkLimit(compiled);
  if (limit !== undefined) throw new UsageError(limit);
  const started = performance.now();
  // Past a second, say how far it has got, in place on stderr's terminal. A log (CI) gets no
  // progress lines: only the result.
  const report = checkRuleSet(compiled, (done, total) => {
    if (performance.now() - started < 1000) return;
    ctx.status(`Checking: ${Math.floor((100 * done) / total)}% of ${total.toLocaleString("en-US")} combinations`);
  });
  ctx.status("");
  const seconds = (performance.now() - started) / 1000;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  // A policy's texts with no translation in the chosen language: shown in English, and said.
  const untranslated = ctx.ruleSet.policy?.untranslated ?? [];
  const warnings = report.findings.filter((f) => f.severity === "warning").length + untranslated.length;
  if (flags.json)
    ctx.out(
      json({
        ...report,
        ...(untranslated.length > 0 ? { problems: untranslated.map(problemJson) } : {}),
        seconds: Number(seconds.toFixed(3)),
        errors,
        warnings,
      }),
    );
  else ctx.out(checkReportText(report, ctx.ruleSet.rules.length, seconds, createStyle(ctx.color), ctx.locale));
  if (errors > 0) {
    ctx.err(`error: the rule set has ${plural(errors, "error")} (see above)\n`);
    return { code: 1, problems: untranslated };
  }
  if (flags.strict && warnings > 0) {
    ctx.err(`error: --strict: the rule set has ${plural(warnings, "warning")}\n`);
    return { code: 1, problems: untranslated };
  }
  return untranslated.length > 0 ? { code: 0, problems: untranslated } : OK;
}
