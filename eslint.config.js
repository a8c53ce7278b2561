import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "schema/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        performance: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Buffer: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // CommonJS on purpose: the launcher and the benchmark's preload.
    files: ["bin/vmvc.js", "scripts/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", __dirname: "readonly", __filename: "readonly", module: "writable" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/shell/prompts.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@inquirer/*"], message: "Only src/shell/prompts.ts talks to Inquirer." }] },
      ],
    },
  },
  {
    // French typography wants U+202F before : ; ! ? % and inside « », and U+00A0 after a number,
    // written as the characters themselves in the catalogues' strings and templates.
    files: ["src/i18n/**/*.ts"],
    rules: { "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }] },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "node:*",
                "chalk",
                "@inquirer/*",
                "cli-table3",
                "commander",
                "../commands/*",
                "../shell/*",
                "../program.js",
                "../render/*",
              ],
              message: "The engine is pure: no I/O, colour, prompts or CLI.",
            },
          ],
        },
      ],
    },
  },
);
