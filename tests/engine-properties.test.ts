import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outlook } from "../src/engine/certainty.js";
import { checkRuleSet } from "../src/engine/check.js";
import { compile } from "../src/engine/compile.js";
import { evaluate } from "../src/engine/evaluate.js";
import { advise, questionsThatMatter, skippableQuestions } from "../src/engine/explain.js";
import type { Clause, Rule, RuleSet } from "../src/engine/model.js";
import { effectValue } from "../src/engine/model.js";
import { arbitraryAnswers, arbitraryRuleSet } from "./helpers/factory.js";
import {
  completions,
  referenceEvaluate,
  referenceOutlook,
  referenceWhatIf,
  referenceMargin,
} from "./helpers/reference.js";

// The compiled engine against the naive reference (tests/helpers/reference.ts), over rule sets
// generated through the factory rather than the shipped data: several `when` clauses, `unless`,
// exclusions, ties, 2 to 8 options, custom questions and conditional tie-breaks.

const setAndAnswers = (open: boolean) =>
  arbitraryRuleSet().chain((set) => arbitraryAnswers(set, open).map((answers) => ({ set, answers })));
const RUNS = { numRuns: 300 };

/** Statically never applies: each `when` clause has an `unless` clause that every answer it allows meets. */
const contradiction = (rule: Rule): boolean =>
  rule.when.every((w: Clause) =>
    rule.unless.some((u) => Object.entries(u).every(([q, values]) => w[q]?.every((v) => values.includes(v)) ?? false)),
  );

describe("the engine against a naive reading of the rules, on generated rule sets", () => {
  it("scores, rules out, ranks and recommends as the rules say, naming the reasons and the tie-break", () => {
    fc.assert(
      fc.property(setAndAnswers(false), ({ set, answers }) => {
        const got = evaluate(compile(set), answers);
        const want = referenceEvaluate(set, answers);
        expect(got.recommendation).toBe(want.recommendation);
        expect(got.options).toEqual(
          want.ranking.map((id) => ({
            id,
            label: set.options.find((o) => o.id === id)!.label,
            score: want.scores[id],
            eligible: want.eligible[id],
          })),
        );
        expect(got.reasons).toEqual(
          want.applied.map((r) => ({
            rule: r.id,
            option: r.effect.option,
            effect: effectValue(r.effect),
            text: r.reason,
            source: r.source,
          })),
        );
        // A tie at the top is settled by the order in force, and the result says which.
        const [first, second] = want.ranking;
        const tied = want.eligible[first!] && want.eligible[second!] && want.scores[first!] === want.scores[second!];
        const rule = set.tieBreaks.find((t) => t.id === want.tieRule);
        expect(got.tieBreak).toEqual(
          !tied
            ? undefined
            : rule
              ? { rule: rule.id, text: rule.reason, source: rule.source }
              : { rule: "default-order", text: set.tieBreakReason, source: "" },
        );
        expect(got.answers).toEqual(answers);
      }),
      RUNS,
    );
  });

  it("weighs every completion of the unknown answers as a brute force does", () => {
    fc.assert(
      fc.property(setAndAnswers(true), ({ set, answers }) => {
        const got = outlook(compile(set), answers);
        const want = referenceOutlook(set, answers);
        expect(got.recommendation).toBe(want.recommendation);
        expect(got.certainty).toEqual({
          unknown: want.unknown,
          combinations: want.combinations,
          share: want.share,
          dependsOn: want.dependsOn,
          nothingFits: want.nothingFits,
          outcomes: want.outcomes,
        });
        expect(got.representative).toEqual(want.representative);
        expect(Array.from(got.eligible)).toEqual(set.options.map((o) => want.eligible[o.id]));
        expect(got.lead).toBe(want.lead);
      }),
      RUNS,
    );
  });

  it("explains the advice: margin, what-ifs, blockers, skipped and assumed answers", () => {
    fc.assert(
      fc.property(setAndAnswers(true), ({ set, answers }) => {
        const got = advise(compile(set), answers);
        const view = referenceOutlook(set, answers);
        const shown = referenceEvaluate(set, view.representative);
        expect(got.recommendation).toBe(view.recommendation);
        expect(got.margin).toEqual(referenceMargin(shown));
        expect(got.whatIf).toEqual(referenceWhatIf(set, answers));
        // Each ruled-out option lists its real obstacles: some of the exclusions that applied, in
        // rule order, never none, and always every one whose own questions, answered otherwise,
        // would let the option in (issue 20: one blocker, the real one).
        const out = shown.ranking.filter((id) => !shown.eligible[id]);
        expect(got.excluded.map((e) => e.option)).toEqual(out);
        for (const { option, reasons } of got.excluded) {
          const applied = shown.applied.filter((r) => r.effect.option === option && "exclude" in r.effect);
          const kept = reasons.map((r) => r.rule);
          expect(kept.length).toBeGreaterThan(0);
          expect(applied.map((r) => r.id).filter((id) => kept.includes(id))).toEqual(kept);
          for (const r of applied) {
            const own = set.questions.filter((q) => [...r.when, ...r.unless].some((c) => Object.hasOwn(c, q.id)));
            const lifts = completions({ ...set, questions: own }, {}).some(
              (values) => referenceEvaluate(set, { ...view.representative, ...values }).eligible[option],
            );
            if (lifts) expect(kept, r.id).toContain(r.id);
          }
        }
        const matters = new Set(view.dependsOn.map((d) => d.question));
        expect(got.skipped).toEqual(
          set.questions.filter((q) => !Object.hasOwn(answers, q.id) && !matters.has(q.id)).map((q) => q.id),
        );
        expect(got.assumed).toEqual(Object.fromEntries(view.unknown.map((q) => [q, view.representative[q]])));
        // A reason names the unknown answers its rule reads, with the value assumed for each.
        for (const reason of got.reasons) {
          const r = set.rules.find((x) => x.id === reason.rule)!;
          const read = set.questions
            .map((q) => q.id)
            .filter((q) => view.unknown.includes(q) && [...r.when, ...r.unless].some((c) => Object.hasOwn(c, q)));
          expect(reason.assumes).toEqual(
            read.length === 0 ? undefined : Object.fromEntries(read.map((q) => [q, view.representative[q]])),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("asks only what can still matter, a question that alone decides first, and skips the rest", () => {
    fc.assert(
      fc.property(setAndAnswers(true), ({ set, answers }) => {
        const c = compile(set);
        const view = referenceOutlook(set, answers);
        const open = set.questions.filter((q) => !Object.hasOwn(answers, q.id));
        const matters = new Set(view.dependsOn.map((d) => d.question));
        const deciding = new Set(view.dependsOn.filter((d) => d.byValue).map((d) => d.question));
        const asked = open.filter((q) => q.alwaysAsk || matters.has(q.id)).map((q) => q.id);
        expect(questionsThatMatter(c, answers).map((q) => q.id)).toEqual([
          ...asked.filter((q) => deciding.has(q)),
          ...asked.filter((q) => !deciding.has(q)),
        ]);
        expect(skippableQuestions(c, answers).map((q) => q.id)).toEqual(
          open.filter((q) => !q.alwaysAsk && !matters.has(q.id)).map((q) => q.id),
        );
      }),
      RUNS,
    );
  });

  it("checks a rule set as a sweep by hand does: counts per option, rules that never fire or never matter", () => {
    fc.assert(
      fc.property(arbitraryRuleSet(), (set: RuleSet) => {
        const report = checkRuleSet(compile(set));
        const all = completions(set, {});
        const results = all.map((a) => referenceEvaluate(set, a));
        expect(report.combinations).toBe(all.length);
        const recommended: Record<string, number> = Object.fromEntries(
          [...set.options.map((o) => o.id), "none"].map((id) => [id, 0]),
        );
        for (const r of results) recommended[r.recommendation ?? "none"]!++;
        expect(report.recommended).toEqual(recommended);
        const kinds = (kind: string) => report.findings.filter((f) => f.kind === kind);
        expect(kinds("nothing-fits").map((f) => f.count)).toEqual(recommended.none! > 0 ? [recommended.none] : []);
        expect(kinds("nothing-fits").flatMap((f) => f.examples)).toEqual(
          all.filter((_, i) => results[i]!.recommendation === null).slice(0, 3),
        );
        expect(kinds("unreachable-option").map((f) => f.option)).toEqual(
          set.options.filter((o) => recommended[o.id] === 0).map((o) => o.id),
        );
        // Per rule, the first that applies of: contradiction, never fires, never matters.
        const expected = set.rules.flatMap((rule) => {
          if (contradiction(rule)) return [["contradiction", rule.id]];
          const firing = results.filter((r) => r.applied.includes(rule));
          if (firing.length === 0) return [["never-fires", rule.id]];
          // A score counts only where its option is not ruled out anyway.
          const matters = "exclude" in rule.effect || firing.some((r) => r.eligible[rule.effect.option]);
          return matters ? [] : [["never-matters", rule.id]];
        });
        expect(report.findings.filter((f) => f.rule !== undefined).map((f) => [f.kind, f.rule])).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
