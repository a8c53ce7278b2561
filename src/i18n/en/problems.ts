// English texts of rule-set and policy problems: src/ruleset/*.ts, src/errors.ts.

export const problems = {
  notAFile: "not a regular file",
  noSuchPath: "no such file or folder",
  emptyFolder: "the folder holds no .json rule files",
  danglingLink: "no such file (a link to one that is missing)",
  configShape: 'expected { "rules": ["<file or folder>", …] }',
  missingConfigPath: (path: string, from: string) => `${path} does not exist (relative paths start from ${from})`,
};
