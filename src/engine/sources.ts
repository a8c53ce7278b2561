import type { RuleSet } from "./model.js";

export interface SourceInfo {
  ref: string;
  page: string;
  section: string;
  url: string;
}

/** Title, section and link of a `<page>#<section>` reference. */
export function sourceInfo(ruleSet: RuleSet, ref: string): SourceInfo {
  const [pageId = "", sectionId = ""] = ref.split("#");
  const page = ruleSet.sources.find((p) => p.id === pageId);
  const section = page?.sections.find((s) => s.id === sectionId);
  const anchor = section?.anchor;
  return {
    ref,
    page: page?.title ?? pageId,
    section: section?.title ?? sectionId,
    url: page ? (anchor ? `${page.url}#${anchor}` : page.url) : "",
  };
}

export const optionLabel = (ruleSet: RuleSet, id: string | null): string =>
  id === null ? "nothing (every option is ruled out)" : (ruleSet.options.find((o) => o.id === id)?.label ?? id);

export const choiceLabel = (ruleSet: RuleSet, questionId: string, value: string): string =>
  ruleSet.questions.find((q) => q.id === questionId)?.choices.find((c) => c.value === value)?.label ?? value;
