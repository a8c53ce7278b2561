import { z } from "zod";
import { ruleFileSchema } from "./schema.js";

/** The JSON Schema editors use to complete and check rule files (shipped as schema/rule-file.schema.json). */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ruleFileSchema, { target: "draft-2020-12", io: "input" }),
    $id: "https://github.com/vmvc/vmvc/schema/rule-file.schema.json",
    title: "vmvc rule file",
    description: "Questions, sources, rules and comparison rows layered over vmvc's shipped rules.",
  };
}
