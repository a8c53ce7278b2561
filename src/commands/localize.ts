import { Help, type Argument, type Command, type Option } from "commander";
import type { Locale } from "../i18n/index.js";

// commander's own words (help titles, its help option and command, its errors) in the
// reader's language. Set on the program before its commands are made: they inherit it.

type CliMessages = Locale["messages"]["cli"];

/**
 * commander's error messages, read back into their parts and said again. They are matched on
 * commander 14's English; one that is not matched passes through as it is.
 */
const ERRORS: readonly [RegExp, (m: CliMessages, ...parts: string[]) => string][] = [
  [/^unknown option '(.+?)'$/, (m, flag) => m.unknownOption(flag!)],
  [/^unknown command '(.+?)'$/, (m, name) => m.unknownCommand(name!)],
  [/^option '(.+?)' argument missing$/, (m, flags) => m.optionMissingArgument(flags!)],
  [/^missing required argument '(.+?)'$/, (m, name) => m.missingArgument(name!)],
  [
    /^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, command, expected, got) => m.excessArguments(command, Number(expected), Number(got)),
  ],
  [
    /^option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/s,
    (m, flags, value, allowed) => m.invalidChoice(flags!, value!, allowed!),
  ],
];

/** One commander error message ("error: …", maybe a "(Did you mean …?)" line) in `locale`'s words. */
export function commanderMessage(text: string, locale: Locale): string {
  if (locale.lang === "en") return text;
  const m = locale.messages.cli;
  return text
    .split("\n")
    .map((line) => {
      const suggestion = /^\(Did you mean (one of )?(.+)\?\)$/.exec(line);
      if (suggestion) return suggestion[1] ? m.suggestionOneOf(suggestion[2]!) : m.suggestion(suggestion[2]!);
      if (!line.startsWith("error: ")) return line;
      const body = line.slice("error: ".length);
      for (const [pattern, say] of ERRORS) {
        const match = pattern.exec(body);
        if (match) return `${m.error}${say(m, ...(match.slice(1) as string[]))}`;
      }
      return `${m.error}${body}`;
    })
    .join("\n");
}

/** Sets `program`'s help and errors to speak `locale`; English is commander's own, untouched but for our wording. */
export function localizeCommander(program: Command, locale: Locale, write: (text: string) => void): Command {
  const m = locale.messages.cli;
  const word = (w: string): string => m.usageWords[w] ?? w;
  program.helpOption("-h, --help", m.helpFlag).helpCommand(`help ${word("[command]")}`, m.helpCommand);
  program.configureOutput({ outputError: (text) => write(commanderMessage(text, locale)) });
  if (locale.lang === "en") return program;
  const choices = (values: readonly string[] | undefined): string =>
    values ? ` (${m.choices(values.map((v) => JSON.stringify(v)).join(", "))})` : "";
  // The placeholders of options and arguments ("<file>") are names for the reader: said in their language.
  const placeholders = (text: string): string =>
    text.replace(/([<[])([\w-]+)((?:\.\.\.)?[>\]])/g, (all, open: string, name: string, close: string) =>
      m.placeholders[name] === undefined ? all : `${open}${m.placeholders[name]}${close}`,
    );
  return program.configureHelp({
    styleTitle: (title: string) => m.titles[title] ?? title,
    styleUsage: (usage: string) => placeholders(usage.split(" ").map(word).join(" ")),
    optionTerm: (option: Option) => placeholders(option.flags),
    subcommandTerm(this: Help, sub: Command) {
      return placeholders(Help.prototype.subcommandTerm.call(this, sub));
    },
    argumentTerm: (argument: Argument) => {
      const name = `${argument.name()}${argument.variadic ? "..." : ""}`;
      return placeholders(argument.required ? `<${name}>` : `[${name}]`);
    },
    optionDescription: (option: Option) => `${option.description}${choices(option.argChoices)}`,
    argumentDescription: (argument: Argument) => `${argument.description}${choices(argument.argChoices)}`,
  });
}
