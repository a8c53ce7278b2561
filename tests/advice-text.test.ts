import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

// Colour is added to the spans before the text is wrapped, so a label that wraps keeps it.

const HYPERV = [
  ...["--workload", "web", "--boundary", "internal", "--host-os", "2022", "--guest-os", "2019"],
  ...["--deploy", "docker", "--density", "medium", "--scaling", "elastic", "--update-cadence", "monthly"],
  ...["--storage", "none", "--recovery", "fast", "--network", "shared"],
];
const GREEN = "\x1b[32m";
const DEFAULT_COLOUR = "\x1b[39m";

describe("the text advice in colour", () => {
  it("keeps the recommended option's colour over every line its label wraps to", async () => {
    const run = await cli(["advise", ...HYPERV, "--width", "24"], { env: { FORCE_COLOR: "1" } });
    expect(run.code).toBe(0);
    const start = run.stdout.indexOf(GREEN);
    // The label wraps at 24 columns: green opens before its first word and is not reset before its last.
    expect(start).toBeGreaterThan(-1);
    const labelSpan = run.stdout.slice(start, run.stdout.indexOf(DEFAULT_COLOUR, start));
    expect(labelSpan).toContain("Container with Hyper-V");
    expect(labelSpan).toContain("\n");
    expect(labelSpan).toContain("isolation");
  });
});
