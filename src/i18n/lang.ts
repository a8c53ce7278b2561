// Which language vmvc speaks: chosen once, from what the user's machine already says.

export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

/** The variable that names vmvc's language outright, before the locale's. */
export const LANG_VARIABLE = "VMVC_LANG";

/** The locale variables, in POSIX's order of precedence. */
const LOCALE_VARIABLES = ["LC_ALL", "LC_MESSAGES", "LANG"] as const;

/**
 * The language a locale name asks for: "fr_FR.UTF-8", "fr-CA", "fr" and "French_France.1252"
 * mean French; "C", "POSIX" and any language vmvc does not have mean English. Undefined for
 * an empty name, which asks for nothing (the next source decides).
 */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  const name = locale?.trim();
  if (!name) return undefined;
  const language = name.split(/[-_.@]/)[0]!.toLowerCase();
  return language === "fr" || language === "french" ? "fr" : "en";
}

/** A `--lang` value that cannot name a language: a typo is said, not read as English. */
export const isLanguageTag = (value: string): boolean => /^[a-z]{2,3}([-_][a-z0-9]{1,8})*$/i.test(value.trim());

/**
 * The language, in order: `--lang`; VMVC_LANG; LC_ALL, LC_MESSAGES, LANG (the first one set);
 * then the system's locale as Intl reports it, which is where Windows keeps it (PowerShell sets
 * no LANG).
 */
export function chooseLang(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  systemLocale: string | undefined | (() => string | undefined),
): Lang {
  return (
    langOfLocale(flag) ??
    langOfLocale(env[LANG_VARIABLE]) ??
    LOCALE_VARIABLES.map((name) => langOfLocale(env[name])).find((lang) => lang !== undefined) ??
    langOfLocale(typeof systemLocale === "function" ? systemLocale() : systemLocale) ??
    "en"
  );
}
