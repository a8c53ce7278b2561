// "Did you mean …?" for near misses of a known name.

import { en, type Messages } from "./i18n/en/index.js";

/** Edits from a to b, a swap of two neighbours counting as one ("tabel" is one from "table"). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Whether `short` could abbreviate `word`: same first letter, the rest of its letters in order ("md" for markdown). */
function abbreviates(short: string, word: string): boolean {
  if (short.length < 2 || short[0] !== word[0]) return false;
  let at = 1;
  for (const ch of short.slice(1)) {
    at = word.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  if (needle.length === 0 || needle.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const d = (c.startsWith(needle) && needle.length >= 3) || abbreviates(needle, c) ? 1 : distance(needle, c);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor((best?.length ?? 0) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** " (did you mean x?)" in the reader's language, or "" when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[], messages: Messages = en): string {
  const match = closest(input, candidates);
  return match === undefined ? "" : messages.cli.didYouMean(match);
}
