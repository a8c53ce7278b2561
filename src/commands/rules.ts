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
import { problem, problemJson, problemLineIn, type Problem } from "../problems.js";
import { answerSpaceProblem, budgetShare, policyAnswerSpaces, WARN_SHARE } from "../engine/budget.js";
import { OK, type Invocation, type Outcome } from "./command.js";
import type { Context } from "./context.js";
import { questionFlagProblems, rulesOption } from "./options.js";
import { en } from "../i18n/en/index.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

// The `vmvc rules` commands: choosing what to show, and what counts as failure.

export function configure(rules: Command, _ruleSet: RuleSet, locale: Locale = ENGLISH): void {
  const m = locale.messages.cli.rulesHelp;
  rules
    .command("list")
    .description(m.list)
    .addHelpText("after", m.listExamples)
    .option("--option <id>", m.option)
    .option("--question <id>", m.question)
    .option("--source <ref>", m.source)
    .option("--json", m.json)
    .addOption(rulesOption(locale));
  rules.command("show <id>").description(m.show).option("--json", m.json).addOption(rulesOption(locale));
  rules
    .command("validate <paths...>")
    .description(m.validate)
    .option("--json", m.validateJson)
    .addHelpText("after", m.validateExamples);
  rules.command("schema").description(m.schema);
  rules
    .command("check")
    .description(m.check)
    .addHelpText("after", m.checkExamples)
    .option("--strict", m.strict)
    .option("--json", m.json)
    .addOption(rulesOption(locale));
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
    throw new UsageError((m) => `${flag} ${m.cli.notOneOf(quote(value), ids.join(", "))}${didYouMean(value, ids, m)}`);
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
      throw new UsageError((m) => m.cli.sourceMatchesNothing(quote(source), didYouMean(source, refs, m)));
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
    throw new UsageError((m) =>
      m.cli.noRule(
        quote(id),
        didYouMean(
          id,
          ruleSet.rules.map((r) => r.id),
          m,
        ),
      ),
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
        const warn = (p: Problem): void =>
          ctx.err(`${ctx.locale.messages.cli.warning}${problemLineIn(p, ctx.locale.messages)}\n`);
        const configured = load.trustedConfigPaths(configuredPolicy(ctx.cwd, ctx.trust), ctx.trust, warn, ctx.cwd);
        base = load.layerRuleFiles(base, configured, load.realFilesOf(full));
      } catch (error) {
        if (!(error instanceof RuleSetError)) throw error;
        const { cli } = ctx.locale.messages;
        ctx.err(`${cli.warning}${cli.configuredPolicyLeftOut(error.text(ctx.locale.messages))}\n`);
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
        ctx.locale.messages.cli.validated(r.path, {
          rules: r.rules!,
          questions: r.questions!,
          disabled: r.disabled!,
          optionalLeftOut: r.answerSpace!.optionalLeftOut,
          everyUnknown: r.answerSpace!.everyUnknown,
        }),
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
  // A problem's message is English, as the other rule-set problems are (issue 24 leaves them for later).
  const cases = [
    [en.cli.spaceCases.optionalLeftOut, optionalLeftOut],
    [en.cli.spaceCases.everyUnknown, everyUnknown],
  ] as const;
  for (const [what, space] of cases) {
    const share = budgetShare(space);
    if (share < WARN_SHARE) continue;
    const over = answerSpaceProblem(space, ruleSet.rules.length);
    problems.push(
      problem(
        { file: path },
        "answer-space",
        over !== undefined ? en.cli.spaceRefused(what, over) : en.cli.spaceNear(what, share, space.completions),
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
    ctx.status(ctx.locale.messages.cli.checking(Math.floor((100 * done) / total) / 100, total));
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
    ctx.err(`${ctx.locale.messages.cli.error}${ctx.locale.messages.cli.ruleSetErrors(errors)}\n`);
    return { code: 1, problems: untranslated };
  }
  if (flags.strict && warnings > 0) {
    ctx.err(`${ctx.locale.messages.cli.error}${ctx.locale.messages.cli.strictWarnings(warnings)}\n`);
    return { code: 1, problems: untranslated };
  }
  return untranslated.length > 0 ? { code: 0, problems: untranslated } : OK;
}
