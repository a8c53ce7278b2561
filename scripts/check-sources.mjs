// Checks once, by reading the pages, that every section rules/sources.json declares exists on
// its page: `node scripts/check-sources.mjs <folder of source pages>` (../shared/sources in the
// project's working copy). A section is found by its heading, its anchor, or, in the FAQ, by
// its title as a question; the comparison-table rows of containers-vs-vm by their row label,
// and version-compatibility's host tabs by their tab id.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/check-sources.mjs <folder of source pages>");
  process.exit(2);
}
const files = {
  "containers-vs-vm": "containers-vs-vm.md",
  "version-compatibility": "version-compatibility.md",
  "container-security": "container-security.md",
  "hyperv-container": "hyperv-container.md",
  "lift-shift-to-containers": "lift-shift-to-containers.md",
  faq: "faq.yml",
  "kubernetes-windows": "kubernetes-windows.md",
  "hyperv-supported-guests": "hyperv-supported-guests.md",
  "editions-comparison-2022": "editions-comparison-2022.md",
  "network-isolation-security": "network-isolation-security.md",
  "persistent-storage": "persistent-storage.md",
  "gpu-acceleration": "gpu-acceleration.md",
  "hardware-devices": "hardware-devices-in-containers.md",
  "system-requirements": "system-requirements.md",
};
const slug = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .trim()
    .replace(/ +/g, "-");
const { sources } = JSON.parse(readFileSync(new URL("../rules/sources.json", import.meta.url), "utf8"));
let problems = 0;
for (const page of sources) {
  const text = readFileSync(join(dir, files[page.id]), "utf8");
  const headings = [...text.matchAll(/^#+ (.*)$/gm)].map((m) => m[1].trim());
  const slugs = new Set(headings.map(slug));
  for (const extra of text.matchAll(/\(#([a-z0-9-]+)\)/g)) slugs.add(extra[1]);
  for (const tab of text.matchAll(/#tab\/([a-z0-9-]+)/g)) slugs.add(tab[1]);
  const rows = [...text.matchAll(/^\| *([^|]+?) *\|/gm)].map((m) => slug(m[1]));
  for (const section of page.sections) {
    const where = `${page.id}#${section.id}`;
    const found =
      (section.anchor !== undefined && slugs.has(section.anchor)) ||
      slugs.has(section.id) ||
      (page.id === "faq" && text.includes(section.title)) ||
      (page.id === "containers-vs-vm" && rows.includes(slug(section.title.replace(/^Comparison table: /, ""))));
    // A section's own anchor must be on the page too, where it names one.
    const anchorOk = section.anchor === undefined || slugs.has(section.anchor);
    console.log(
      `${found && anchorOk ? "ok     " : "MISSING"} ${where}${section.anchor ? ` (#${section.anchor})` : ""}: ${section.title}`,
    );
    if (!found || !anchorOk) problems++;
  }
}
console.log(problems === 0 ? "every declared section is on its page" : `${problems} declared sections not found`);
process.exit(problems === 0 ? 0 : 1);
