import type { CommandSpec } from "./command.js";

// Every command, in the order `vmvc --help` lists them. Each module is loaded only when its
// command runs.

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "advise",
    summary: "recommend how to run one workload, with the reasons and their sources",
    usesRuleSet: true,
    load: () => import("./advise.js"),
  },
  {
    name: "assess",
    summary: "advise a whole inventory: a CSV, JSON lines or an RVTools vInfo export",
    usesRuleSet: true,
    load: () => import("./assess.js"),
  },
  {
    name: "compare",
    summary: "print the comparison table of the three options",
    usesRuleSet: true,
    load: () => import("./compare.js"),
  },
  {
    name: "rules",
    summary: "list, show, validate and check rule sets",
    usesRuleSet: true,
    withoutPolicy: ["validate", "schema"],
    load: () => import("./rules.js"),
  },
  {
    name: "completion",
    summary: "print a script that completes vmvc's commands, flags and answers in your shell",
    usesRuleSet: false,
    load: () => import("./completion.js"),
  },
];

export const COMMAND_NAMES = COMMANDS.map((c) => c.name);
