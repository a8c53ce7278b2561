// English texts of rule-set and policy problems: src/ruleset/*.ts, src/errors.ts.

export const problems = {};
