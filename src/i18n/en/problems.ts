// English texts of rule-set and policy problems: src/ruleset/*.ts, src/errors.ts.

export const problems = {
  tooLarge: (why: string) => `too large: ${why}`,
  /** What a system error code means for a read. */
  systemErrors: {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder, not a file",
    ENOTDIR: "a part of the path is not a folder",
    ELOOP: "too many symbolic links",
    ENOSPC: "no space left on the device",
    EMFILE: "too many open files",
  } as Record<string, string>,
  notAFile: "not a regular file",
  noSuchPath: "no such file or folder",
  emptyFolder: "the folder holds no .json rule files",
  danglingLink: "no such file (a link to one that is missing)",
  configShape: 'expected { "rules": ["<file or folder>", …] }',
  missingConfigPath: (path: string, from: string) => `${path} does not exist (relative paths start from ${from})`,
};
