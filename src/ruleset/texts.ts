import type { RuleSet } from "../engine/model.js";
import type { Lang } from "../i18n/lang.js";
import { quote } from "../escape.js";
import { problem, type Problem, type Severity } from "../problems.js";
import { didYouMean } from "../suggest.js";
import type { OptionsFile, RuleFile, RuleTextsFile } from "./schema.js";

// A rule set's texts in another language: read from `fr/<name>.json` beside each rule file,
// checked against the file they translate, and laid over the rule set by id. Pure: the files
// are read in load.ts.

/** Texts by entity and id, in the shape of a texts file. */
export type RuleTexts = Omit<RuleTextsFile, "$schema" | "$comment" | "lang">;

/** A nest of texts: objects down to strings. */
type Tree = { [key: string]: Tree | string | undefined };

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** The entity a top-level key holds, as problems name it (`rule "x"`). */
const ENTITY: Record<string, string> = {
  rules: "rule",
  questions: "question",
  sources: "source",
  comparison: "comparison row",
  options: "option",
  tieBreaks: "tie-break",
};

/** Fields a translation may give that the English file need not: a page's own URL and anchors. */
const isLinkField = (path: readonly string[]): boolean =>
  (path.length === 3 && path[0] === "sources" && path[2] === "url") ||
  (path.length === 5 && path[0] === "sources" && path[4] === "anchor");

const defined = <T extends object>(entry: T): T =>
  Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as T;

/** The English texts a rule file or the options file defines, in the shape of a texts file. */
export function englishTextsOf(data: RuleFile | OptionsFile): RuleTexts {
  const texts: RuleTexts = {};
  if ("options" in data) {
    texts.options = Object.fromEntries(data.options.map((o) => [o.id, { label: o.label, short: o.short }]));
    texts.tieBreakReason = data.tieBreakReason;
    if (data.tieBreaks) texts.tieBreaks = Object.fromEntries(data.tieBreaks.map((t) => [t.id, { reason: t.reason }]));
    return texts;
  }
  if (data.rules)
    texts.rules = Object.fromEntries(
      data.rules.map((r) => [r.id, defined({ reason: r.reason, remedy: r.remedy, rationale: r.rationale })]),
    );
  if (data.questions)
    texts.questions = Object.fromEntries(
      data.questions.map((q) => [
        q.id,
        defined({
          prompt: q.prompt,
          help: q.help,
          topic: q.topic,
          choices: Object.fromEntries(q.choices.map((c) => [c.value, { label: c.label, meaning: c.meaning }])),
        }),
      ]),
    );
  if (data.sources)
    texts.sources = Object.fromEntries(
      data.sources.map((p) => [
        p.id,
        { title: p.title, sections: Object.fromEntries(p.sections.map((s) => [s.id, { title: s.title }])) },
      ]),
    );
  if (data.comparison)
    texts.comparison = Object.fromEntries(data.comparison.map((r) => [r.id, { feature: r.feature, values: r.values }]));
  return texts;
}

/** Every text a rule set shows, in the shape of a texts file: what a complete translation gives. */
export function ruleSetTexts(ruleSet: RuleSet): RuleTexts {
  return {
    options: Object.fromEntries(ruleSet.options.map((o) => [o.id, { label: o.label, short: o.short }])),
    tieBreakReason: ruleSet.tieBreakReason,
    tieBreaks: Object.fromEntries(ruleSet.tieBreaks.map((t) => [t.id, { reason: t.reason }])),
    rules: Object.fromEntries(
      ruleSet.rules.map((r) => [r.id, defined({ reason: r.reason, remedy: r.remedy, rationale: r.rationale })]),
    ),
    questions: Object.fromEntries(
      ruleSet.questions.map((q) => [
        q.id,
        {
          prompt: q.prompt,
          help: q.help,
          topic: q.topic,
          choices: Object.fromEntries(q.choices.map((c) => [c.value, { label: c.label, meaning: c.meaning }])),
        },
      ]),
    ),
    sources: Object.fromEntries(
      ruleSet.sources.map((p) => [
        p.id,
        { title: p.title, sections: Object.fromEntries(p.sections.map((s) => [s.id, { title: s.title }])) },
      ]),
    ),
    comparison: Object.fromEntries(ruleSet.comparison.map((r) => [r.id, { feature: r.feature, values: r.values }])),
  };
}

/** The strings of a tree with their paths, in order. */
function leaves(tree: Tree, prefix: string[] = []): [string[], string][] {
  const found: [string[], string][] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") found.push([[...prefix, key], value]);
    else if (value !== undefined) found.push(...leaves(value, [...prefix, key]));
  }
  return found;
}

function at(tree: Tree, path: readonly string[]): Tree | string | undefined {
  let node: Tree | string | undefined = tree;
  for (const key of path) node = typeof node === "object" ? own(node, key) : undefined;
  return node;
}

/** Where a path into a texts file is: its entity (`rule "x"`) and the field within it. */
function whereOf(file: string, path: readonly string[]) {
  const [kind = "", id, ...rest] = path;
  const label = ENTITY[kind];
  if (label === undefined || id === undefined) return { file, path: path.join(".") };
  return { file, entry: `${label} ${quote(id)}`, ...(rest.length > 0 ? { path: rest.join(".") } : {}) };
}

/**
 * Problems with a texts file against the file it translates (`englishFile`): an id that file
 * does not define, or a text it does not have, is an error; a translation adds nothing.
 */
export function unknownTexts(english: RuleTexts, texts: RuleTexts, file: string, englishFile: string): Problem[] {
  const problems: Problem[] = [];
  const en = english as Tree;
  const fr = texts as Tree;
  for (const [kind, entries] of Object.entries(fr)) {
    if (typeof entries !== "object" || entries === undefined) continue;
    const known = at(en, [kind]);
    for (const id of Object.keys(entries)) {
      if (typeof known === "object" && own(known, id) !== undefined) continue;
      const ids = typeof known === "object" ? Object.keys(known) : [];
      problems.push(
        problem(
          whereOf(file, [kind, id]),
          "unknown-text",
          `${englishFile} defines no ${ENTITY[kind] ?? kind} ${quote(id)}, and a translation adds nothing${didYouMean(id, ids)}`,
        ),
      );
    }
  }
  for (const [path] of leaves(fr)) {
    const entity = path.length === 1 ? [] : path.slice(0, 2);
    if (entity.length > 0 && at(en, entity) === undefined) continue; // said above
    const exists = isLinkField(path) ? at(en, path.slice(0, -1)) !== undefined : at(en, path) !== undefined;
    if (!exists)
      problems.push(
        problem(
          whereOf(file, path),
          "unknown-text",
          `${englishFile} has no such text to translate: a translation adds nothing`,
        ),
      );
  }
  return problems;
}

/** The texts of `english` that `texts` does not give, one problem each. */
export function missingTexts(
  english: RuleTexts,
  texts: RuleTexts,
  file: string,
  severity: Severity,
  message: string,
): Problem[] {
  return leaves(english as Tree)
    .filter(([path]) => typeof at(texts as Tree, path) !== "string")
    .map(([path]) => problem(whereOf(file, path), "missing-translation", message, severity));
}

/** Texts files in order; where two give the same text, the later wins. */
export function mergeTexts(list: readonly RuleTexts[]): RuleTexts {
  const merged: Tree = {};
  for (const texts of list)
    for (const [path, value] of leaves(texts as Tree)) {
      let node = merged;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Tree;
      node[path.at(-1)!] = value;
    }
  return merged as RuleTexts;
}

/**
 * The texts of layered policy files that are in force: a file's translation of a text is used
 * where the rule set still shows that file's English (a later file may have replaced it). The
 * texts in force that lack a translation are warnings, and keep their English.
 */
export function policyTexts(
  ruleSet: RuleSet,
  layers: readonly { english: RuleTexts; texts: RuleTexts | undefined; file: string; textsFile: string }[],
  lang: Lang,
): { texts: RuleTexts; missing: Problem[] } {
  const shown = ruleSetTexts(ruleSet) as Tree;
  const inForce = new Map<string, { path: string[]; file: string; textsFile: string; missing: boolean }>();
  const picked: RuleTexts[] = [];
  for (const { english, texts, file, textsFile } of layers) {
    const chosen: Tree = {};
    for (const [path, value] of leaves(english as Tree)) {
      if (at(shown, path) !== value) continue;
      const translated = texts ? at(texts as Tree, path) : undefined;
      inForce.set(path.join("\u0000"), { path, file, textsFile, missing: typeof translated !== "string" });
      if (typeof translated !== "string") continue;
      let node = chosen;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Tree;
      node[path.at(-1)!] = translated;
    }
    // A page's own URL and anchors in this language, for the pages this file defines.
    for (const [path, value] of leaves((texts ?? {}) as Tree))
      if (isLinkField(path) && ruleSet.sources.some((p) => p.id === path[1] && p.file === file)) {
        let node = chosen;
        for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Tree;
        node[path.at(-1)!] = value;
      }
    picked.push(chosen as RuleTexts);
  }
  const untranslated = [...inForce.values()].filter((e) => e.missing);
  // A file with no translation at all is said once, not text by text.
  const whole = new Set(layers.filter((l) => l.texts === undefined).map((l) => l.file));
  const missing = [
    ...[...whole]
      .filter((file) => untranslated.some((e) => e.file === file))
      .map((file) =>
        problem(
          { file },
          "missing-translation",
          `no ${lang === "fr" ? "French" : lang} texts (${layers.find((l) => l.file === file)!.textsFile}); the English is used`,
          "warning",
        ),
      ),
    ...untranslated
      .filter((e) => !whole.has(e.file))
      .map((e) =>
        problem(
          whereOf(e.textsFile, e.path),
          "missing-translation",
          `no ${lang === "fr" ? "French" : lang} text; the English is used`,
          "warning",
        ),
      ),
  ];
  return { texts: mergeTexts(picked), missing };
}

/** The rule set with its texts in `lang`, where `texts` gives them; logic untouched. */
export function applyTexts(ruleSet: RuleSet, texts: RuleTexts, lang: Lang): RuleSet {
  return {
    ...ruleSet,
    lang,
    options: ruleSet.options.map((o) => ({ ...o, ...defined(own(texts.options, o.id) ?? {}) })),
    tieBreakReason: texts.tieBreakReason ?? ruleSet.tieBreakReason,
    tieBreaks: ruleSet.tieBreaks.map((t) => ({ ...t, reason: own(texts.tieBreaks, t.id)?.reason ?? t.reason })),
    questions: ruleSet.questions.map((q) => {
      const x = own(texts.questions, q.id);
      if (!x) return q;
      return {
        ...q,
        prompt: x.prompt ?? q.prompt,
        help: x.help ?? q.help,
        topic: x.topic ?? q.topic,
        choices: q.choices.map((c) => {
          const y = own(x.choices, c.value);
          return { ...c, label: y?.label ?? c.label, meaning: y?.meaning ?? c.meaning };
        }),
      };
    }),
    rules: ruleSet.rules.map((r) => {
      const x = own(texts.rules, r.id);
      if (!x) return r;
      return {
        ...r,
        reason: x.reason ?? r.reason,
        ...(r.remedy !== undefined ? { remedy: x.remedy ?? r.remedy } : {}),
        ...(r.rationale !== undefined ? { rationale: x.rationale ?? r.rationale } : {}),
      };
    }),
    comparison: ruleSet.comparison.map((row) => {
      const x = own(texts.comparison, row.id);
      if (!x) return row;
      const values = Object.fromEntries(
        Object.entries(row.values).map(([option, cell]) => [option, own(x.values, option) ?? cell]),
      );
      return { ...row, feature: x.feature ?? row.feature, values };
    }),
    sources: ruleSet.sources.map((page) => {
      const x = own(texts.sources, page.id);
      if (!x) return page;
      const url = x.url ?? page.localUrl;
      return {
        ...page,
        title: x.title ?? page.title,
        ...(url !== undefined ? { localUrl: url } : {}),
        sections: page.sections.map((s) => {
          const y = own(x.sections, s.id);
          const anchor = y?.anchor ?? s.localAnchor;
          return { ...s, title: y?.title ?? s.title, ...(anchor !== undefined ? { localAnchor: anchor } : {}) };
        }),
      };
    }),
  };
}
