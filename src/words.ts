// Numbers in English prose: grouped digits, a noun that agrees with its count, a share as a percentage.

// Whole numbers are grouped by hand: the first toLocaleString loads ICU's locale data, 25 to 50 ms
// of an 80 ms advise on Node 20 and 24 alike.
export const count = (n: number): string =>
  Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ",") : n.toLocaleString("en-US");

/** "1 rule", "2 rules", "1,200 combinations"; `many` for a plural that is not word + s. */
export const plural = (n: number, word: string, many = `${word}s`): string => `${count(n)} ${n === 1 ? word : many}`;

/** A share from 0 to 1 as "67%", or with `digits` decimals, "66.7%". */
export const percent = (share: number, digits = 0): string => `${(100 * share).toFixed(digits)}%`;
