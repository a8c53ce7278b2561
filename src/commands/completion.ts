import type { Command, Option } from "commander";
import type { Question, RuleSet } from "../engine/model.js";
import { valuesOf } from "../engine/values.js";
import { ASSESS_FORMATS } from "../render/assessment.js";
import { ADVISE_FORMATS } from "./advise.js";
import { SHELLS } from "./answers.js";
import { COMPARE_FORMATS } from "./compare.js";
import { UsageError } from "../errors.js";
import { didYouMean } from "../suggest.js";
import { quote } from "../escape.js";
import { COMPLETE_COMMAND, OK, type Invocation, type Outcome } from "./command.js";
import type { Context } from "./context.js";
import { ENGLISH, type Locale } from "../i18n/index.js";

export const COMPLETION_SHELLS = ["bash", "zsh", "fish", "powershell"] as const;
type CompletionShell = (typeof COMPLETION_SHELLS)[number];

export function configure(command: Command, _ruleSet?: RuleSet, locale: Locale = ENGLISH): void {
  command.argument("<shell>", COMPLETION_SHELLS.join(", ")).addHelpText("after", locale.messages.cli.completionHelp);
}

export async function run(ctx: Context, call: Invocation): Promise<Outcome> {
  ctx.out(completionScript(call.args[0] as string));
  return OK;
}

// Shell completion. The scripts are thin: on each Tab they ask `vmvc __complete N <words>` (N
// words before the one being completed, which may be missing when empty), so the candidates
// always follow the rule set in force, custom questions from the config included.

/** Printed alone when the word is a path: the shell completes it itself. */
export const FILES = ":files";

const SCRIPTS: Record<CompletionShell, string> = {
  bash: `# vmvc completion for bash. Install: echo 'source <(vmvc completion bash)' >> ~/.bashrc
_vmvc_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out
  out=$(vmvc ${COMPLETE_COMMAND} $((COMP_CWORD - 1)) "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return
  if [[ "$out" == "${FILES}" ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY <<< "$out"
    [[ -z "$out" ]] && COMPREPLY=()
  fi
}
complete -F _vmvc_complete vmvc
`,
  zsh: `#compdef vmvc
# vmvc completion for zsh. Install: echo 'source <(vmvc completion zsh)' >> ~/.zshrc
# (after compinit), or save it as _vmvc in a folder on $fpath.
_vmvc() {
  local out
  out=$(vmvc ${COMPLETE_COMMAND} $((CURRENT - 2)) "\${(@)words[2,CURRENT]}" 2>/dev/null) || return
  if [[ "$out" == "${FILES}" ]]; then
    _files
  else
    local -a candidates
    candidates=("\${(@f)out}")
    compadd -Q -- "\${(@)candidates}"
  fi
}
if (( $+functions[compdef] )); then compdef _vmvc vmvc; fi
`,
  fish: `# vmvc completion for fish. Install: vmvc completion fish > ~/.config/fish/completions/vmvc.fish
function __vmvc_complete
    set -l before (commandline -opc)
    set -l out (vmvc ${COMPLETE_COMMAND} (math (count $before) - 1) $before[2..-1] (commandline -ct) 2>/dev/null)
    if test "$out" = "${FILES}"
        __fish_complete_path (commandline -ct)
    else
        printf '%s\\n' $out
    end
end
complete -c vmvc -f -a '(__vmvc_complete)'
`,
  powershell: `# vmvc completion for PowerShell. Install (creates $PROFILE if there is none yet):
#   if (!(Test-Path $PROFILE)) { New-Item -ItemType File -Force $PROFILE | Out-Null }; vmvc completion powershell >> $PROFILE
Register-ArgumentCompleter -Native -CommandName vmvc -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })
    $before = if ($wordToComplete -eq '') { $words.Count } else { $words.Count - 1 }
    $out = @(vmvc ${COMPLETE_COMMAND} --describe $before @words 2>$null)
    if ($out.Count -eq 1 -and $out[0] -eq '${FILES}') { return }
    # Each line is the value, then a tab and what it means: the tooltip.
    $out | Where-Object { $_ } | ForEach-Object {
        $value, $meaning = $_ -split "\`t", 2
        if (-not $meaning) { $meaning = $value }
        [System.Management.Automation.CompletionResult]::new($value, $value, 'ParameterValue', $meaning)
    }
}
`,
};

/** The script for a shell; an unknown shell is a usage error. */
export function completionScript(name: string): string {
  // Any case, and pwsh for PowerShell 7.
  const shell = name.toLowerCase() === "pwsh" ? "powershell" : name.toLowerCase();
  if (!(COMPLETION_SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError((m) =>
      m.cli.unknownShell(quote(shell), didYouMean(shell, COMPLETION_SHELLS, m), COMPLETION_SHELLS.join(", ")),
    );
  }
  return SCRIPTS[shell as CompletionShell];
}

const withPrefix = (candidates: readonly string[], prefix: string): string[] =>
  candidates.filter((c) => c.startsWith(prefix));

/** A value, then a tab and its meaning, as the question's choices give it (PowerShell's tooltip). */
const described = (question: Question, value: string, locale: Locale): string => {
  const choice = question.choices.find((c) => c.value === value);
  const t = locale.messages.cli;
  return `${value}\t${choice ? t.tooltip(choice.label, choice.meaning) : t.tooltip(locale.messages.prompts.notSure, t.notSureTooltip)}`;
};

/** What an option's value can be, or FILES, or nothing to suggest. */
function valuesFor(
  option: Option,
  command: Command,
  ruleSet: RuleSet,
  current: string,
  describe: Locale | undefined,
): string[] {
  const flag = option.long ?? "";
  const question = ruleSet.questions.find((q) => `--${q.id}` === flag);
  if (question) {
    const values = withPrefix(valuesOf(question), current);
    return describe ? values.map((v) => described(question, v, describe)) : values;
  }
  if (["--rules", "--answers", "--output"].includes(flag)) return [FILES];
  if (flag === "--shell") return withPrefix(SHELLS, current);
  if (flag === "--format") {
    const formats: Record<string, readonly string[]> = {
      advise: ADVISE_FORMATS,
      assess: ASSESS_FORMATS,
      compare: COMPARE_FORMATS,
    };
    return withPrefix(formats[command.name()] ?? [], current);
  }
  if (flag === "--rows") {
    // A comma-separated list: complete its last item.
    const done = current.slice(0, current.lastIndexOf(",") + 1);
    return withPrefix(
      ruleSet.comparison.map((r) => `${done}${r.id}`),
      current,
    );
  }
  if (flag === "--option")
    return withPrefix(
      ruleSet.options.map((o) => o.id),
      current,
    );
  if (flag === "--question")
    return withPrefix(
      ruleSet.questions.map((q) => q.id),
      current,
    );
  if (flag === "--source")
    return withPrefix(
      ruleSet.sources.flatMap((p) => [p.id, ...p.sections.map((s) => `${p.id}#${s.id}`)]),
      current,
    );
  return [];
}

/**
 * Candidates for the last of `words` (the words after `vmvc`, the one being completed last,
 * maybe empty), given the program with the command in question built in full.
 */
/** With `describe`, each value carries its meaning in that locale's words (PowerShell's tooltip). */
export function completions(program: Command, ruleSet: RuleSet, words: readonly string[], describe?: Locale): string[] {
  const current = words.at(-1) ?? "";
  const before = words.slice(0, -1);
  let command = program;
  let positionals = 0;
  const optionOf = (word: string): Option | undefined =>
    [...command.options, ...program.options].find((o) => o.long === word || o.short === word);
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    if (word.startsWith("-")) {
      // Its value: the next word, or the one after "=" where bash split --flag=value in three.
      if (optionOf(word)?.required && !word.includes("=")) i += before[i + 1] === "=" ? 2 : 1;
      continue;
    }
    const sub = command.commands.find((c) => c.name() === word);
    if (sub) command = sub;
    else positionals++;
  }
  // bash hands over --host-os=20 as "--host-os", "=", "20"; the other shells as one word.
  const previous = before.at(-1) === "=" ? before.at(-2) : before.at(-1);
  const taking = previous?.startsWith("-") ? optionOf(previous) : undefined;
  if (taking?.required) return valuesFor(taking, command, ruleSet, current, describe);
  const joined = /^(--[^=]+)=(.*)$/s.exec(current);
  if (joined) {
    const option = optionOf(joined[1]!);
    if (!option?.required) return [];
    return valuesFor(option, command, ruleSet, joined[2]!, describe).map((v) =>
      v === FILES ? v : `${joined[1]}=${v}`,
    );
  }
  if (current.startsWith("-")) {
    const given = new Set(before);
    const flags = command.options.map((o) => o.long!).filter((f) => !given.has(f) || f === "--rules");
    return withPrefix([...flags, "--help"], current);
  }
  if (command.commands.length > 0)
    return withPrefix(
      command.commands.map((c) => c.name()).filter((n) => n !== "help"),
      current,
    );
  const name = command.name();
  if (name === "completion" && positionals === 0) return withPrefix(COMPLETION_SHELLS, current);
  if (name === "show" && positionals === 0)
    return withPrefix(
      ruleSet.rules.map((r) => r.id),
      current,
    );
  if (name === "assess" || name === "validate") return [FILES];
  return [];
}
