import type { CommandSpec } from "./command.js";

// Every command, in the order `vmvc --help` lists them. Each module is loaded only when its
// command runs.

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "advise",
    usesRuleSet: true,
    load: () => import("./advise.js"),
  },
  {
    name: "assess",
    usesRuleSet: true,
    load: () => import("./assess.js"),
  },
  {
    name: "compare",
    usesRuleSet: true,
    load: () => import("./compare.js"),
  },
  {
    name: "rules",
    usesRuleSet: true,
    withoutPolicy: ["validate", "schema"],
    load: () => import("./rules.js"),
  },
  {
    name: "completion",
    usesRuleSet: false,
    load: () => import("./completion.js"),
  },
];

export const COMMAND_NAMES = COMMANDS.map((c) => c.name);
