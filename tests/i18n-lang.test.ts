import { describe, expect, it } from "vitest";
import { chooseLang, langOfLocale } from "../src/i18n/lang.js";
import { formatFor } from "../src/i18n/format.js";

// The order is the issue's: --lang, VMVC_LANG, LC_ALL, LC_MESSAGES, LANG, then Intl's locale.
describe("choosing the language", () => {
  it("takes --lang before everything", () => {
    expect(chooseLang("fr", { VMVC_LANG: "en", LC_ALL: "en_US.UTF-8" }, "en-US")).toBe("fr");
    expect(chooseLang("en", { VMVC_LANG: "fr" }, "fr-FR")).toBe("en");
  });
  it("takes VMVC_LANG before the locale variables", () => {
    expect(chooseLang(undefined, { VMVC_LANG: "fr", LANG: "en_GB.UTF-8" }, "en-US")).toBe("fr");
  });
  it("reads LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(chooseLang(undefined, { LC_ALL: "C", LANG: "fr_FR.UTF-8" }, "fr-FR")).toBe("en");
    expect(chooseLang(undefined, { LC_MESSAGES: "fr_CA.UTF-8", LANG: "en_US.UTF-8" }, undefined)).toBe("fr");
    expect(chooseLang(undefined, { LANG: "fr_FR.UTF-8" }, "en-US")).toBe("fr");
    expect(chooseLang(undefined, { LANG: "POSIX" }, "fr-FR")).toBe("en");
  });
  it("falls back on the system's locale, where Windows keeps it", () => {
    expect(chooseLang(undefined, {}, "fr-FR")).toBe("fr");
    expect(chooseLang(undefined, { LANG: "" }, "fr-BE")).toBe("fr");
    expect(chooseLang(undefined, {}, "de-DE")).toBe("en");
    expect(chooseLang(undefined, {}, undefined)).toBe("en");
  });
  it("reads any French region as French, and a language it lacks as English", () => {
    for (const name of ["fr", "FR", "fr-CH", "fr_BE.ISO8859-1", "fr_FR@euro", "French_France.1252"])
      expect(langOfLocale(name)).toBe("fr");
    for (const name of ["de_DE.UTF-8", "es", "C.UTF-8", "en"]) expect(langOfLocale(name)).toBe("en");
  });
});

describe("numbers in the reader's language", () => {
  const nnbsp = "\u202f";
  it("groups digits and writes shares the French way", () => {
    expect(formatFor("fr").number(19440)).toBe(`19${nnbsp}440`);
    expect(formatFor("fr").percent(0.67)).toBe(`67${nnbsp}%`);
    expect(formatFor("en").number(19440)).toBe("19,440");
    expect(formatFor("en").percent(2 / 3, 1)).toBe("66.7%");
  });
  it("agrees nouns by CLDR's rules: zero takes the singular in French, not in English", () => {
    const rule = { one: "règle", other: "règles" };
    expect(formatFor("fr").count(0, rule)).toBe("0\u00a0règle");
    expect(formatFor("fr").count(2, rule)).toBe("2\u00a0règles");
    expect(formatFor("en").count(0, { one: "rule", other: "rules" })).toBe("0 rules");
    expect(formatFor("en").count(1, { one: "rule", other: "rules" })).toBe("1 rule");
  });
  it("quotes with guillemets and narrow no-break spaces in French", () => {
    expect(formatFor("fr").quote("web")).toBe(`«${nnbsp}web${nnbsp}»`);
    expect(formatFor("fr").list(["a", "b", "c"], "or")).toBe("a, b ou c");
  });
});

// English whole numbers skip Intl at start-up: they must still read exactly as Intl writes them.
describe("English numbers without Intl", () => {
  it("groups and agrees as Intl's en-US does, for every size and sign", () => {
    const en = formatFor("en");
    const plurals = new Intl.PluralRules("en-US");
    for (const n of [0, 1, 2, 7, 999, 1000, 19440, 1234567, -1, -1234567, 25194240, 2 ** 40]) {
      expect(en.number(n)).toBe(n.toLocaleString("en-US"));
      expect(en.form(n, { one: "one", other: "other" })).toBe(plurals.select(n));
    }
    expect(en.number(1.5)).toBe("1.5");
  });
});
