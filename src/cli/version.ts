import { readFileSync } from "node:fs";

declare const __VMVC_VERSION__: string | undefined;

/** Set by the build; from package.json when running from the sources. */
export const version = (): string =>
  typeof __VMVC_VERSION__ !== "undefined"
    ? __VMVC_VERSION__
    : (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
