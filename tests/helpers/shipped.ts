import { compile } from "../../src/engine/compile.js";
import { shippedRuleSet } from "../../src/ruleset/index.js";

export const shipped = shippedRuleSet();
export const compiled = compile(shipped);

/** A full, valid set of answers to start scenarios from. */
export const baseAnswers = {
  workload: "web",
  boundary: "trusted",
  "host-os": "2022",
  "guest-os": "2022",
  deploy: "kubernetes",
  density: "high",
  scaling: "elastic",
  "update-cadence": "continuous",
  storage: "none",
  recovery: "fast",
  network: "shared",
} as const;

export const allFlags = (answers: Record<string, string> = baseAnswers): string[] =>
  Object.entries(answers).flatMap(([q, v]) => [`--${q}`, v]);
