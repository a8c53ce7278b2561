import { UNKNOWN } from "../engine/certainty.js";
import type { Answers, Question, RuleSet } from "../engine/model.js";
import { UsageError } from "../errors.js";
import { didYouMean } from "../suggest.js";

// How an inventory's columns map to questions: by question id however it is written, a name
// column, placement columns, or an RVTools vInfo export. Pure: it sees header cells and row
// cells, never files.

/**
 * A header cell folded for comparison: case, accents, spaces, `_`, `-` and any other
 * punctuation left out, so `Guest OS`, `guest_os`, `GuestOS` and `guest-os` are one name.
 */
export const fold = (cell: string): string =>
  cell
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** Names of the column that names the workload, folded, the likeliest first (RVTools has both VM and DNS Name). */
export const NAME_COLUMNS = [
  "name",
  "workloadname",
  "vm",
  "vmname",
  "servername",
  "server",
  "computername",
  "hostname",
  "dnsname",
  "nom",
  "nomduserveur",
  "serveur",
].map(fold);

/** Where a VM runs, kept for the report's breakdown when the input has it (RVTools does). */
export const PLACEMENT = ["datacenter", "cluster", "host", "folder"] as const;
export type Placement = Partial<Record<(typeof PLACEMENT)[number], string>>;

/** RVTools vInfo: recognised by these columns. */
const RVTOOLS = {
  vm: fold("VM"),
  template: fold("Template"),
  toolsOs: fold("OS according to the VMware Tools"),
  configOs: fold("OS according to the configuration file"),
  srm: fold("SRM Placeholder"),
};

export interface Layout {
  /** Column index of each question answered by a column. */
  questions: Map<string, number>;
  name: number;
  placement: [keyof Placement, number][];
  /** Set for an RVTools vInfo export. */
  rvtools?: { template: number; toolsOs: number; configOs: number; srm: number };
  /** Columns read for no question, as written. */
  ignored: string[];
  width: number;
  /** Which questions the columns answer, so that row keys from different layouts never collide. */
  signature: string;
  /** Whether the edition can come from the host-os cell ("Windows Server 2022 Datacenter"). */
  editionFromHost: boolean;
}

/**
 * The layout of a header. Two headers that fold to one name are an error naming both: which
 * one answers would be a guess.
 */
export function layoutOf(ruleSet: RuleSet, header: readonly string[]): Layout {
  const folded = header.map(fold);
  const seen = new Map<string, number>();
  folded.forEach((name, i) => {
    if (name === "") return;
    const before = seen.get(name);
    if (before !== undefined)
      throw new UsageError((m) =>
        m.inventory.sameColumn(before + 1, i + 1, JSON.stringify(header[before]), JSON.stringify(header[i])),
      );
    seen.set(name, i);
  });
  const at = (name: string): number => seen.get(name) ?? -1;
  const used = new Set<number>();
  const questions = new Map<string, number>();
  for (const q of ruleSet.questions) {
    const i = at(fold(q.id));
    if (i !== -1) {
      questions.set(q.id, i);
      used.add(i);
    }
  }
  const name = NAME_COLUMNS.map(at).find((i) => i !== -1 && !used.has(i)) ?? -1;
  if (name !== -1) used.add(name);
  const placement: [keyof Placement, number][] = [];
  for (const p of PLACEMENT) {
    const i = at(p);
    if (i !== -1 && !used.has(i)) {
      placement.push([p, i]);
      used.add(i);
    }
  }
  const isRvtools = at(RVTOOLS.vm) !== -1 && (at(RVTOOLS.toolsOs) !== -1 || at(RVTOOLS.configOs) !== -1);
  const rvtools = isRvtools
    ? {
        template: at(RVTOOLS.template),
        toolsOs: at(RVTOOLS.toolsOs),
        configOs: at(RVTOOLS.configOs),
        srm: at(RVTOOLS.srm),
      }
    : undefined;
  if (rvtools) for (const i of Object.values(rvtools)) if (i !== -1) used.add(i);
  return {
    questions,
    name,
    placement,
    ...(rvtools ? { rvtools } : {}),
    ignored: header.filter((h, i) => !used.has(i) && h.trim() !== ""),
    width: header.length,
    signature: `${[...questions.keys()].join(",")}|${rvtools ? "rv" : ""}|`,
    editionFromHost: questions.has("host-os") && !questions.has("edition"),
  };
}

/** Whether a layout answers any question at all (an RVTools export answers guest-os). */
export const answersAnything = (layout: Layout): boolean => layout.questions.size > 0 || layout.rvtools !== undefined;

/** For a question no column answers: the ignored column it most likely is, as " (did you mean …?)". */
export function columnHint(question: Question, ignored: readonly string[]): string {
  const byFold = new Map(ignored.map((h) => [fold(h), h]));
  const hint = didYouMean(fold(question.id), [...byFold.keys()]);
  const match = /"([^"]*)"|'([^']*)'/.exec(hint);
  const found = match ? byFold.get(match[1] ?? match[2] ?? "") : undefined;
  return found === undefined ? "" : ` (is it the column ${JSON.stringify(found)}?)`;
}

/** The error for a header in which no column answers any question. */
export function noQuestionError(ruleSet: RuleSet, header: readonly string[]): UsageError {
  return new UsageError(
    (m) => m.inventory.noQuestionColumn(header.map((h) => JSON.stringify(h)).join(", ")),
    [
      (m) => m.inventory.columnsNamed(ruleSet.questions.map((q) => q.id).join(", ")),
      (m) =>
        m.inventory.nameColumn(
          ["Name", "VM", "Server", "Server Name", "Hostname", "Computer Name", "DNS Name", "Nom", "Serveur"].join(", "),
        ),
    ],
  );
}

/** Windows Server releases too old for Windows containers, which came with 2016. */
const OLD_RELEASE = /\b(2003|2008|2012)(\s*r2)?\b/;
const RELEASE = /(?:^|[^0-9])(2016|2019|2022|2025)(?![0-9])/;
/** How people write a release: "Windows Server 2022 Datacenter", "WS2022", "Server 2022", "ltsc2022", "2022". */
const WINDOWS_WORDS = /^(microsoft\s+)?(windows(\s*server)?|server|ws|win|ltsc|w)?\s*[-_]?\s*/;

/** A Windows Server release cell as a question value: "2022", "other", an old release, or undefined for text it does not recognise. */
function releaseOf(cell: string): { value: string } | { old: string } | undefined {
  const text = cell.toLowerCase().trim();
  const rest = text.replace(WINDOWS_WORDS, "");
  const old = OLD_RELEASE.exec(rest);
  if (old && /^(2003|2008|2012)/.test(rest)) return { old: `Windows Server ${old[1]}${old[2] ? " R2" : ""}` };
  const release = RELEASE.exec(rest);
  if (release && rest.startsWith(release[1]!)) return { value: release[1]! };
  return undefined;
}

const UNKNOWN_CELLS = new Set(["n/a", "na", "unknown", "?", "-", "--", "unk", "tbd", "inconnu"]);

/**
 * A cell as a question's value: case left out, the usual ways of saying "not known" as
 * unknown, Windows Server releases however written. A value the question does not take is
 * returned as given, for the caller to report.
 */
export function cellValue(question: Question, cell: string): string | { error: string } {
  const value = cell.trim().toLowerCase();
  if (UNKNOWN_CELLS.has(value)) return UNKNOWN;
  if (question.choices.some((c) => c.value === value)) return value;
  if (question.id === "guest-os" || question.id === "host-os") {
    if (/\bor later\b/.test(value)) return UNKNOWN;
    if (question.id === "guest-os" && guestFromOsName(value) === "linux") return "linux";
    const release = releaseOf(value);
    if (release && "value" in release) return release.value;
    if (release && "old" in release) {
      // A VM can run an old guest, and no container can; an old host runs no containers at all.
      if (question.id === "guest-os") return "other";
      return {
        error: `${release.old} runs no Windows containers (they need Windows Server 2016 or later on the host), so only a VM fits today; give the release the hosts will be upgraded to (--host-os 2022), or leave these workloads in VMs`,
      };
    }
  }
  return value;
}

/** The edition a host-os cell names, if it names one. */
export function editionOf(cell: string): string | undefined {
  const found = /\b(datacenter|standard)\b/i.exec(cell);
  return found ? found[1]!.toLowerCase() : undefined;
}

/** vSphere's guest ids, for the releases the questions know (VirtualMachineGuestOsIdentifier). */
const GUEST_IDS: Record<string, string> = {
  windows9server64guest: "2016",
  windows2019srv64guest: "2019",
  windows2019srvnext64guest: "2022",
  windows2022srvnext64guest: "2025",
};

/**
 * The guest OS an RVTools OS string (or vSphere guest id) describes: a question value,
 * "unknown" when it names several releases, or undefined when it says nothing.
 */
export function guestFromOsName(os: string): string | undefined {
  const text = os.toLowerCase().trim();
  if (text === "") return undefined;
  const id = GUEST_IDS[fold(text)];
  if (id !== undefined) return id;
  // vSphere's label for any of 2016, 2019, 2022 and 2025 guests.
  if (/windows server 2016 or later/.test(text)) return UNKNOWN;
  const server = /windows server (2016|2019|2022|2025)\b/.exec(text);
  if (server) return server[1];
  if (
    /linux|ubuntu|debian|red ?hat|rhel|centos|suse|sles|oracle linux|rocky|alma|photon|fedora|amazon ?linux|coreos/.test(
      text,
    )
  )
    return "linux";
  return "other";
}

const truthy = (cell: string | undefined): boolean => /^(true|yes|1)$/i.test((cell ?? "").trim());

/** A row read: left out, wrong, or its name, a key that stands for its answers, and the answers themselves (built only when asked for). */
export type RowReading =
  | { skip: string }
  | { error: string; name: string | null }
  | { name: string | null; key: string; placement?: Placement; given(): Answers | { error: string } };

/** Cells joined into a cache key: a NUL inside a cell is escaped, so no two rows' keys can meet. */
const keyCell = (cell: string): string =>
  cell.includes("\u0000") || cell.includes("\u0001")
    ? cell.replaceAll("\u0001", "\u0001\u0001").replaceAll("\u0000", "\u0001\u0002")
    : cell;

/**
 * The answers one row gives: cells by question, "" meaning not given. Template rows and SRM
 * placeholders of an RVTools export are skipped. Values are checked by the caller.
 */
export function readRow(ruleSet: RuleSet, layout: Layout, cells: readonly string[]): RowReading {
  const cell = (i: number): string => (i === -1 ? "" : (cells[i] ?? "").trim());
  const name = cell(layout.name) || null;
  if (cells.length > layout.width) return { error: `${cells.length} fields, but the header has ${layout.width}`, name };
  const rv = layout.rvtools;
  if (rv && truthy(cells[rv.template])) return { skip: "template" };
  if (rv && truthy(cells[rv.srm])) return { skip: "SRM placeholder" };
  // Most rows repeat answers seen before: the key alone finds them, with no object to build.
  let key = layout.signature;
  for (const i of layout.questions.values()) key += `${keyCell(cell(i).toLowerCase())}\u0000`;
  const guestColumn = layout.questions.get("guest-os");
  // The VMware Tools report what runs; the configuration file says what was chosen at creation.
  const derivedGuest =
    rv && (guestColumn === undefined || cell(guestColumn) === "")
      ? pickGuest(guestFromOsName(cell(rv.toolsOs)), guestFromOsName(cell(rv.configOs)))
      : undefined;
  if (derivedGuest !== undefined) key += derivedGuest;
  let placement: Placement | undefined;
  for (const [p, i] of layout.placement) {
    const value = cell(i);
    if (value !== "") (placement ??= {})[p] = value;
  }
  return {
    name,
    key,
    ...(placement ? { placement } : {}),
    given() {
      const given: Answers = {};
      for (const [id, i] of layout.questions) {
        const raw = cell(i);
        if (raw === "") continue;
        const question = ruleSet.questions.find((q) => q.id === id)!;
        const value = cellValue(question, raw);
        if (typeof value !== "string") return { error: `${id}: ${value.error}` };
        given[id] = value;
        if (id === "host-os" && layout.editionFromHost) {
          const edition = editionOf(raw);
          if (edition !== undefined) given.edition = edition;
        }
      }
      if (derivedGuest !== undefined) given["guest-os"] = derivedGuest;
      return given;
    },
  };
}

/** A definite answer from the Tools, else from the configuration file, else "unknown" if either said so. */
function pickGuest(tools: string | undefined, config: string | undefined): string | undefined {
  if (tools !== undefined && tools !== UNKNOWN) return tools;
  if (config !== undefined && config !== UNKNOWN) return config;
  return tools ?? config;
}

/**
 * Every question not given by the row or the defaults takes its assumed value, as advise
 * does, or else counts as unknown.
 */
export function completeAnswers(ruleSet: RuleSet, given: Answers, defaults: Answers): Answers {
  const answers: Answers = {};
  for (const q of ruleSet.questions) answers[q.id] = given[q.id] ?? defaults[q.id] ?? q.assume ?? UNKNOWN;
  return answers;
}

/** The assumed values a row takes: its questions with an assumption that neither it nor the defaults answer. */
export function assumptionsOf(ruleSet: RuleSet, given: Answers, defaults: Answers): Answers {
  const assumed: Answers = {};
  for (const q of ruleSet.questions)
    if (q.assume !== undefined && given[q.id] === undefined && defaults[q.id] === undefined) assumed[q.id] = q.assume;
  return assumed;
}
