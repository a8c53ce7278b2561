// The reader's language: its texts and its way with numbers, loaded once per run. French is
// loaded only when chosen, so English start-up pays nothing for it.

import { en, type Messages } from "./en/index.js";
import { formatFor, type Format } from "./format.js";
import type { Lang } from "./lang.js";

export type { Lang } from "./lang.js";
export type { Messages } from "./en/index.js";
export type { Format, Forms } from "./format.js";

export interface Locale {
  lang: Lang;
  messages: Messages;
  format: Format;
}

/** English, loaded with the program: what tests and a missing choice get. */
export const ENGLISH: Locale = { lang: "en", messages: en, format: formatFor("en") };

export async function loadLocale(lang: Lang): Promise<Locale> {
  if (lang === "en") return ENGLISH;
  const { fr } = await import("./fr/index.js");
  return { lang, messages: fr, format: formatFor(lang) };
}
