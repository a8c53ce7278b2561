// English texts of the terminal prompts and process messages: src/shell/*.ts.

export const prompts = {
  /** "question 3, at most 8 to go" */
  progress: (number: number, left: number) =>
    left === 0 ? `question ${number}, the last one` : `question ${number}, at most ${left} to go`,
  notSure: "I'm not sure",
  notSureMeaning: "vmvc weighs every possible answer and says how much the advice depends on this one",
  /** Inquirer's own key actions, by its English word. */
  keys: {} as Record<string, string>,
  jump: "jump",
  type: "type",
  search: "search",
  back: "back",
  escape: "esc/←",
  cancelled: "Cancelled: no recommendation was made.",
  cannotWriteFile: (file: string, why: string) => `--output ${file}: cannot write: ${why}`,
  noSuchFolder: (folder: string) => `the folder ${folder} does not exist`,
  fileNotFolder: (path: string) => `${path} is a file, not a folder`,
  folderNotWritable: (folder: string) => `the folder ${folder} cannot be written to`,
  cannotWriteOutput: (why: string) => `cannot write the output: ${why}`,
  unexpected: (message: string) => `unexpected failure: ${message}`,
};
