import { z } from "zod";
import { ruleFileSchema, ruleTextsFileSchema } from "./schema.js";

/** The JSON Schema editors use to complete and check rule files (shipped as schema/rule-file.schema.json). */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ruleFileSchema, { target: "draft-2020-12", io: "input" }),
    $id: "https://github.com/vmvc/vmvc/schema/rule-file.schema.json",
    title: "vmvc rule file",
    description: "Questions, sources, rules and comparison rows layered over vmvc's shipped rules.",
  };
}

/** The JSON Schema of a rule file's French texts, `fr/<name>.json` (shipped as schema/rule-texts.schema.json). */
export function ruleTextsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ruleTextsFileSchema, { target: "draft-2020-12", io: "input" }),
    $id: "https://github.com/vmvc/vmvc/schema/rule-texts.schema.json",
    title: "vmvc rule texts",
    description:
      "The French texts of the rule file of the same name one folder up (fr/<name>.json beside <name>.json), by id: reasons, remedies and rationales of rules, questions' prompts, help, topics and choices, comparison cells, source and section titles, and a source page's French URL and section anchors. It translates; it adds no rule and changes no logic. A text for an id the file does not define is an error; a text it lacks is a warning of `vmvc rules check --lang fr`, and the English is used.",
  };
}
