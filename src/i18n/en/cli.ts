// English texts of commands, help and usage errors: src/program.ts, src/commands/*.ts.

import { formatFor } from "../format.js";

const f = formatFor("en");

export const cli = {
  // Prefixes of the lines stderr gets.
  error: "error: ",
  warning: "warning: ",
  /** " (did you mean x?)", after the name that missed. */
  /** ": " between a thing and what is said of it. */
  colon: ": ",
  didYouMean: (match: string) => ` (did you mean ${match}?)`,

  // The program and its global options.
  program:
    "Decide how to run a Windows Server workload: a VM, a process-isolated container or a Hyper-V-isolated container.",
  versionFlag: "print the version, the shipped rules' fingerprint and Node's",
  helpFlag: "show help",
  helpCommand: "display help for command",
  noColorFlag: "never colour the output (NO_COLOR and FORCE_COLOR=0 work too)",
  widthFlag: "lay text and tables out for this many columns (default: the terminal's, else COLUMNS, else 80)",
  langFlag: (variable: string) => `the language to speak: fr or en (default: ${variable}, else the locale)`,
  rulesFlag: "layer a rule file or folder over the shipped rules (repeatable)",
  versionUnbuilt: "rules: unknown (not built)",
  versionRules: (rules: number, questions: number, sha: string) =>
    `rules: ${rules} rules, ${questions} questions, sha256 ${sha}`,
  moreHelp: "\nRun `vmvc <command> --help` for a command's flags and examples.",
  summaries: {
    advise: "recommend how to run one workload, with the reasons and their sources",
    assess: "advise a whole inventory: a CSV, JSON lines or an RVTools vInfo export",
    compare: "print the comparison table of the three options",
    rules: "list, show, validate and check rule sets",
    completion: "print a script that completes vmvc's commands, flags and answers in your shell",
  } as Record<string, string>,

  // commander's own words, as it writes them.
  titles: {} as Record<string, string>,
  /** "[options] [command]" and the like, word by word. */
  usageWords: {} as Record<string, string>,
  /** The names in "<file>", "[command]": the reader's words for them. */
  placeholders: {} as Record<string, string>,
  choices: (values: string) => `choices: ${values}`,
  unknownOption: (flag: string) => `unknown option '${flag}'`,
  unknownCommand: (name: string) => `unknown command '${name}'`,
  optionMissingArgument: (flags: string) => `option '${flags}' argument missing`,
  missingArgument: (name: string) => `missing required argument '${name}'`,
  excessArguments: (command: string | undefined, expected: number, got: number) =>
    `too many arguments${command ? ` for '${command}'` : ""}. Expected ${f.count(expected, { one: "argument", other: "arguments" })} but got ${got}.`,
  invalidChoice: (flags: string, value: string, allowed: string) =>
    `option '${flags}' argument '${value}' is invalid. Allowed choices are ${allowed}.`,
  /** commander's suggestion, on its own line. */
  suggestion: (names: string) => `(Did you mean ${names}?)`,
  suggestionOneOf: (names: string) => `(Did you mean one of ${names}?)`,

  // Usage errors of the program.
  badWidth: (value: string) => `--width ${value} is not a whole number of columns from 20 to 1000`,
  badLang: (value: string) => `--lang ${value} is not a language; use fr or en`,
  shortV: "unknown option '-v' (did you mean -V or --version?)",
  unknownHelpCommand: (name: string, hint: string, names: string) =>
    `unknown command ${name}${hint}; the commands are ${names}`,
  tooltip: (label: string, meaning: string) => `${label}: ${meaning}`,
  notSureTooltip: "the advice covers every answer",
  completeUsage: (command: string) => `${command} takes the number of words before the one to complete (0 to 10000)`,
  policyLeftOut: (why: string) => `the policy is left out: ${why}`,
  configuredPolicyLeftOut: (why: string) => `the configured policy is left out: ${why}`,
  problemsInRuleFiles: (n: number) => `${n} problems in the rule files:`,
  unexpected: (message: string) => `unexpected failure: ${message}`,

  // Options and answers shared by commands.
  notOneOf: (shown: string, allowed: string) => `${shown} is not one of ${allowed}`,
  aList: "a list",
  anObject: "an object",
  aType: (type: string) => `a ${type}`,
  flagIsOurs: (id: string) => `--${id} is a vmvc flag; choose another id`,
  reservedId: (id: string, why: string) => `"${id}" is reserved: ${why}; choose another id`,
  flagClash: (id: string, other: string) => `commander reads --${id} as the same flag as ${other}; choose another id`,
  strayArgument: (word: string) => `unexpected argument ${word}: answers and options are flags, like --workload web`,
  twoFormats: (format: string) => `--json and --format ${format} ask for two different formats; give one of them`,
  badFormat: (format: string, formats: string, hint: string) => `--format ${format} is not one of ${formats}${hint}`,
  unknownExtension: (file: string, extensions: string) =>
    `--output ${file}: cannot tell the format from its extension (${extensions}); add --format`,
  unknownQuestion: (shown: string, key: string, hint: string, ids: string) =>
    `${shown}: unknown question ${key}${hint}; questions are ${ids}`,
  answersNotObject: (shown: string) => `${shown}: expected an object of answers, like {"workload": "web"}`,

  // advise
  adviseFlags: {
    json: "print JSON only (same as --format json)",
    jsonSchema: "print the JSON Schema of --json's output (schema/advice.schema.json) and exit",
    quiet: "print the recommended option's id only (none when nothing fits), for scripts",
    format: (formats: string) => `output format: ${formats}`,
    answers: "read answers from a JSON file, or - for stdin; flags override it",
    noInput: "never prompt; fail if an answer is missing",
    output:
      "write the result to a file (the format follows its extension: .md, .json, .txt; missing folders are created); questions are still asked",
    shell: "write the equivalent command for posix shells or powershell (default: powershell on Windows)",
  },
  adviseExamples: `
Examples:
  $ vmvc advise                                   # asks each question in a terminal
  $ vmvc advise --workload web --boundary hostile --host-os 2022 --guest-os 2022 \\
      --deploy docker --density medium --scaling elastic --update-cadence monthly \\
      --storage none --recovery fast --network shared --json
  $ vmvc advise --output docs/adr/0007-hosting.md     # asks, then writes a decision record
  $ vmvc advise --answers answers.json --format markdown > docs/adr/0007-hosting.md
  $ echo '{"workload":"gui","host-os":"2022"}' | vmvc advise --answers -
  $ r=$(vmvc advise --answers answers.json -q)          # the recommendation's id alone
`,
  questionsHeading: "Questions (each is also a flag; in a terminal, unanswered ones are asked):",
  optional: " (optional)",
  unknownAnswer: "Every question also takes unknown: the advice is then worked out for every answer it could have.",
  policies: 'Policies: --rules, or vmvc.config.json ({ "rules": ["policy/"] }) in the working directory.',
  adviseExitCodes:
    'Exit codes: 0 success ("nothing fits" too), 1 the data has problems (invalid rows, rule findings), 2 a wrong call, unreadable input or output not written, 129 terminal gone, 130 interrupted.',
  badShell: (shell: string, shells: string, hint: string) =>
    `--shell ${shell} is not one of ${shells} (pwsh, bash, zsh and sh work too)${hint}`,
  notAsking: {
    noInput: "--no-input",
    stdinAnswers: "stdin carries the answers",
    ci: "CI is set",
    noTerminal: "neither stdout nor stderr is a terminal",
    stdinNotTerminal: "stdin is not a terminal",
  },
  quietAlone: "--quiet prints the recommendation's id alone; leave out --json, --format and --output",
  cannotReadWhy: (why: string) => `cannot read: ${why}`,
  cannotRead: (flag: string, shown: string, why: string) => `${flag} ${shown}: cannot read: ${why}`,
  /** The missing-answers message: what is missing, and why nothing was asked. */
  missingAnswers: (n: number, why: string) => `missing ${n === 1 ? "answer" : "answers"} (not asking: ${why})`,
  inputClosed: "input closed before every question was answered; pass the rest as flags",
  settled: "\nThat settles it: no answer to the remaining questions could change the outcome.\n",
  writeAgain: "To write it again without the questions:",
  carryOn: "To carry on later, start from the answers given so far:",
  wroteRecord: (file: string) => `Wrote the decision record to ${file}.\n`,
  wroteAdvice: (file: string) => `Wrote the advice to ${file}.\n`,

  // assess
  assessHelp: `
Columns are named by question id (workload, boundary, host-os, ...), in any case and with
spaces, _ or - alike ("Guest OS", guest_os, GuestOS); one column may name the workload (Name,
VM, Server, Server Name, Hostname, Computer Name, DNS Name, Nom, Serveur). Values are read in
any case; n/a, unknown, ? and - mean unknown; "Windows Server 2022 Datacenter", WS2022 and
ltsc2022 mean 2022. Empty cells and missing columns take the answer flags given here, else
count as unknown; columns read for nothing and questions no column answers are listed on
stderr. An RVTools vInfo export (CSV or the xlsx workbook) is recognised by its header: VM
names the workload, the guest OS comes from the OS columns, templates and SRM placeholders are
left out. Bad rows are reported with their line number; the run goes on. UTF-8, UTF-16 and
Windows-1252 are told apart (--encoding says which), and Export-Csv's #TYPE line is skipped.

Examples:
  $ vmvc assess inventory.csv                          # a summary at a terminal
  $ vmvc assess inventory.csv --host-os 2022 --output report.html
  $ vmvc assess vInfo.csv --format csv > advice.csv
  $ Get-Content servers.jsonl | vmvc assess -          # JSON lines from PowerShell

Exit codes: 0 every row assessed, 1 some rows were invalid (the others are still reported),
2 a wrong call, unreadable input or output not written.
`,
  assessFlags: {
    format: (formats: string) => `${formats} (default: a summary at a terminal, ndjson elsewhere)`,
    output: "write the results to a file; the format follows its extension",
    encoding: "the input's text encoding (default: guessed)",
    delimiter: "the CSV output's delimiter: , (default) or ; for Excel in French or German",
    bom: "start the CSV output with a UTF-8 BOM, for Excel",
    file: "the inventory, or - for stdin",
    answersGroup: "Answers for rows that leave them out:",
    jsonSchema:
      "print the JSON Schema of --format json's output, and of each ndjson line (schema/assessment.schema.json), and exit",
    usage: "[options] <file>",
  },
  ignoredColumns: (n: number, names: string) =>
    `${n} column${n === 1 ? " answers" : "s answer"} no question and ${n === 1 ? "was" : "were"} ignored: ${names}`,
  andMore: (n: number) => `and ${n} more`,
  flagsForEveryRow: (questions: string, n: number, flags: string) =>
    `no column answers ${questions}: the flag${n === 1 ? "" : "s"} ${flags} appl${n === 1 ? "ies" : "y"} to every row`,
  unknownInEveryRow: (questions: string, n: number) =>
    `no column answers ${questions}: ${n === 1 ? "it counts" : "they count"} as unknown in every row`,
  assumedInEveryRow: (questions: string, n: number, values: string) =>
    `no column answers ${questions}: ${n === 1 ? "it takes its assumed value" : "they take their assumed values"}, ${values}, in every row`,
  headerNoRows: (shown: string, header: string) => `${shown} has a header but no rows: ${header}`,
  emptyInventory: (shown: string) =>
    `${shown} is empty: expected a CSV with a header line, JSON lines, a JSON array or an xlsx workbook`,
  wroteRows: (n: number, file: string) => `Wrote ${f.number(n)} rows to ${file}.\n`,
  invalidRows: (n: number) =>
    `${f.number(n)} row${n === 1 ? " was" : "s were"} invalid; ${n === 1 ? "it is" : "each is"} in the output with its line number and the reason.\n`,

  // compare
  compareExamples: `
Examples:
  $ vmvc compare
  $ vmvc compare --rows isolation,guest-compatibility --format markdown >> README.md
  $ vmvc compare --json | jq '.rows[].id'
`,
  compareFlags: {
    format: (formats: string) => `output format: ${formats} (default: table)`,
    json: "same as --format json",
    jsonSchema: "print the JSON Schema of --json's output (schema/comparison.schema.json) and exit",
    rows: (ids: string) => `only these rows, comma-separated: ${ids}`,
  },
  rowsNeeded: (ids: string) => `--rows needs row ids: ${ids}`,
  badRow: (id: string, ids: string, hint: string) => `--rows "${id}" is not one of ${ids}${hint}`,

  // rules
  rulesHelp: {
    list: "list the rules in effect",
    listExamples:
      "\nExamples:\n  $ vmvc rules list --option hyperv-container\n  $ vmvc rules list | grep kubernetes        # one rule a line into a pipe\n  $ vmvc rules list --source version-compatibility --json\n",
    option: "only rules about this option",
    question: "only rules that depend on this question",
    source: "only rules from this source page or page#section",
    json: "print JSON",
    show: "one rule in full, with its source link",
    validate: "check rule files or folders against the schema and the shipped rules",
    validateJson: "print JSON: one result per path, with its problems",
    validateExamples:
      "\nExamples:\n  $ vmvc rules validate policy/\n  $ vmvc rules validate rules/              # the shipped rule set itself\n  $ vmvc rules validate policy/ --json\n\nExit codes: 0 every path is valid, 1 a path has problems, 2 a wrong call.\n",
    schema: "print the JSON Schema of a rule file",
    check: "evaluate every combination of answers and report gaps, dead rules and unreachable options",
    checkExamples:
      "\nExamples:\n  $ vmvc rules check --rules policy/\n  $ vmvc rules check --strict --json\n\nExit codes: 0 no errors (no warnings with --strict), 1 findings, 2 a wrong call.\n",
    strict: "fail on warnings too",
  },
  sourceMatchesNothing: (source: string, hint: string) => `--source ${source} matches no rule${hint}`,
  noRule: (id: string, hint: string) => `no rule ${id}${hint}; \`vmvc rules list\` shows them all`,
  validated: (
    path: string,
    counts: { rules: number; questions: number; disabled: number; optionalLeftOut: number; everyUnknown: number },
  ) =>
    `${path}: ok (${f.count(counts.rules, { one: "rule", other: "rules" })}, ${f.count(counts.questions, { one: "question", other: "questions" })}, ${counts.disabled} disabled; answer space: ${f.number(counts.optionalLeftOut)} combinations with the optional questions left out, ${f.number(counts.everyUnknown)} with every answer unknown)\n`,
  spaceCases: {
    optionalLeftOut: "an advice that leaves the optional questions out",
    everyUnknown: "an advice with every answer unknown",
  },
  spaceRefused: (what: string, why: string) => `${what} is refused: ${why}`,
  spaceNear: (what: string, share: number, combinations: number) =>
    `${what} takes ${f.percent(share)} of the answer space an advice can weigh (${f.number(combinations)} combinations); a few more values on its open questions and it is refused`,
  checking: (share: number, total: number) => `Checking: ${f.percent(share)} of ${f.number(total)} combinations`,
  ruleSetErrors: (n: number) => `the rule set has ${f.count(n, { one: "error", other: "errors" })} (see above)`,
  strictWarnings: (n: number) => `--strict: the rule set has ${f.count(n, { one: "warning", other: "warnings" })}`,

  // completion
  unknownShell: (shell: string, hint: string, shells: string) =>
    `unknown shell ${shell}${hint}; completion is written for ${shells}`,
  completionHelp: `
Install, once:
  bash        echo 'source <(vmvc completion bash)' >> ~/.bashrc
  zsh         echo 'source <(vmvc completion zsh)' >> ~/.zshrc      (after compinit)
  fish        vmvc completion fish > ~/.config/fish/completions/vmvc.fish
  PowerShell  if (!(Test-Path $PROFILE)) { New-Item -ItemType File -Force $PROFILE | Out-Null }; vmvc completion powershell >> $PROFILE

Each Tab asks vmvc, so answers follow the policy in force, custom questions included.
`,
};
