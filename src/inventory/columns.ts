import { UNKNOWN } from "../engine/certainty.js";
import type { Answers, RuleSet } from "../engine/model.js";

// How an inventory's columns map to questions: by question id, a name column, or an RVTools
// vInfo export. Pure: it sees header cells and row cells, never files.

/** Header cells that name the workload, lower-cased. */
const NAME_COLUMNS = ["name", "workload-name", "workload name", "vm", "server name", "servername", "hostname"];

/** RVTools vInfo: recognised by these columns, whatever their case. */
const RVTOOLS = {
  vm: "vm",
  template: "template",
  toolsOs: "os according to the vmware tools",
  configOs: "os according to the configuration file",
  srm: "srm placeholder",
};

export interface Layout {
  /** Column index of each question answered by a column. */
  questions: Map<string, number>;
  name: number;
  /** Set for an RVTools vInfo export. */
  rvtools?: { template: number; toolsOs: number; configOs: number; srm: number };
  width: number;
  /** Which questions the columns answer, so that row keys from different layouts never collide. */
  signature: string;
}

const norm = (cell: string): string => cell.trim().toLowerCase();

export function layoutOf(ruleSet: RuleSet, header: readonly string[]): Layout {
  const cells = header.map(norm);
  const at = (name: string): number => cells.indexOf(name);
  const questions = new Map<string, number>();
  for (const q of ruleSet.questions) if (at(q.id) !== -1) questions.set(q.id, at(q.id));
  const name = NAME_COLUMNS.map(at).find((i) => i !== -1) ?? -1;
  const isRvtools = at(RVTOOLS.vm) !== -1 && (at(RVTOOLS.toolsOs) !== -1 || at(RVTOOLS.configOs) !== -1);
  return {
    questions,
    name,
    width: header.length,
    signature: `${[...questions.keys()].join(",")}|`,
    ...(isRvtools
      ? {
          rvtools: {
            template: at(RVTOOLS.template),
            toolsOs: at(RVTOOLS.toolsOs),
            configOs: at(RVTOOLS.configOs),
            srm: at(RVTOOLS.srm),
          },
        }
      : {}),
  };
}

/** The guest OS an RVTools OS string describes, or undefined when it says nothing. */
export function guestFromOsName(os: string): string | undefined {
  const text = os.toLowerCase();
  if (text.trim() === "") return undefined;
  const server = /windows server (2016|2019|2022|2025)\b/.exec(text);
  if (server) return server[1];
  if (
    /linux|ubuntu|debian|red ?hat|rhel|centos|suse|sles|oracle linux|rocky|alma|photon|fedora|amazon linux/.test(text)
  )
    return "linux";
  return "other";
}

const truthy = (cell: string | undefined): boolean => /^(true|yes|1)$/i.test((cell ?? "").trim());

/** A row read: left out, wrong, or its name, a key that stands for its answers, and the answers themselves (built only when asked for). */
export type RowReading = { skip: string } | { error: string } | { name: string | null; key: string; given(): Answers };

/**
 * The answers one row gives: cells by question, "" meaning not given. Template rows and SRM
 * placeholders of an RVTools export are skipped. Values are checked by the caller.
 */
export function readRow(layout: Layout, cells: readonly string[]): RowReading {
  if (cells.length > layout.width) return { error: `${cells.length} fields, but the header has ${layout.width}` };
  const cell = (i: number): string => (i === -1 ? "" : (cells[i] ?? "").trim());
  const rv = layout.rvtools;
  if (rv && truthy(cells[rv.template])) return { skip: "template" };
  if (rv && truthy(cells[rv.srm])) return { skip: "SRM placeholder" };
  // Most rows repeat answers seen before: the key alone finds them, with no object to build.
  let key = layout.signature;
  for (const i of layout.questions.values()) key += `${cell(i).toLowerCase()}\u0000`;
  const guestColumn = layout.questions.get("guest-os");
  const derivedGuest =
    rv && (guestColumn === undefined || cell(guestColumn) === "")
      ? (guestFromOsName(cell(rv.toolsOs)) ?? guestFromOsName(cell(rv.configOs)))
      : undefined;
  if (derivedGuest !== undefined) key += derivedGuest;
  const name = cell(layout.name);
  return {
    name: name === "" ? null : name,
    key,
    given() {
      const given: Answers = {};
      for (const [id, i] of layout.questions) {
        const value = cell(i).toLowerCase();
        if (value !== "") given[id] = value;
      }
      if (derivedGuest !== undefined) given["guest-os"] = derivedGuest;
      return given;
    },
  };
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
