import type { Lang } from "../i18n/lang.js";
import type { RuleSet } from "./model.js";

export interface SourceInfo {
  ref: string;
  page: string;
  section: string;
  url: string;
  /** The language of the page `url` leads to: a French rule set links an English page where the French section's anchor is unknown. */
  linkLang: Lang;
}

/**
 * Title, section and link of a `<page>#<section>` reference. In another language, the link is
 * the translated page where the section's anchor there is known (Learn's anchors come from the
 * translated headings, so the English anchor would land at the top), else the English page.
 */
export function sourceInfo(ruleSet: RuleSet, ref: string): SourceInfo {
  const [pageId = "", sectionId = ""] = ref.split("#");
  const page = ruleSet.sources.find((p) => p.id === pageId);
  const section = page?.sections.find((s) => s.id === sectionId);
  const local = page?.localUrl !== undefined && (section?.localAnchor !== undefined || section?.anchor === undefined);
  const [url, anchor] = local ? [page!.localUrl!, section?.localAnchor] : [page?.url, section?.anchor];
  return {
    ref,
    page: page?.title ?? pageId,
    section: section?.title ?? sectionId,
    url: url === undefined ? "" : anchor ? `${url}#${anchor}` : url,
    linkLang: local ? (ruleSet.lang ?? "en") : "en",
  };
}

/** Whether a link leads to a page in another language than the reader's, which the reader should be told. */
export const inOtherLanguage = (info: SourceInfo, lang: Lang): boolean => info.url !== "" && info.linkLang !== lang;

export const optionLabel = (ruleSet: RuleSet, id: string | null): string =>
  id === null ? "nothing (every option is ruled out)" : (ruleSet.options.find((o) => o.id === id)?.label ?? id);

export const choiceLabel = (ruleSet: RuleSet, questionId: string, value: string): string =>
  ruleSet.questions.find((q) => q.id === questionId)?.choices.find((c) => c.value === value)?.label ?? value;
