// English texts of commands, help and usage errors: src/program.ts, src/commands/*.ts.

export const cli = {};
