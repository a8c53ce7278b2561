// English texts of the terminal prompts and process messages: src/shell/*.ts.

export const prompts = {};
