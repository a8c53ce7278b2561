// English texts of reading inventories: src/inventory/*.ts.

export const inventory = {
  sameColumn: (a: number, b: number, first: string, second: string) =>
    `columns ${a} and ${b} (${first} and ${second}) name the same thing; rename or remove one`,
  noQuestionColumn: (found: string) =>
    `no column answers any question, so every row would be a guess. Columns found: ${found}`,
  columnsNamed: (ids: string) => `Columns are named by question id, in any case and with spaces, _ or - alike: ${ids}.`,
  nameColumn: (names: string) => `The name column may be called ${names}.`,
  notAnArray: (shown: string) =>
    `${shown}: the input starts like a JSON array but is not one; use JSON lines (one object a line), or a JSON array of objects`,
  notXlsx: (shown: string, why: string) => `${shown}: not a readable xlsx workbook: ${why}`,
  noSheets: "no sheets",
  noVInfo: (shown: string, sheets: string) =>
    `${shown}: the workbook has no vInfo sheet (it has ${sheets}); export vInfo from RVTools, or save the sheet as CSV`,
  firstLineSkipped: (line: string) => `the first line (${line}) was skipped, as Import-Csv does`,
  readAsWindows1252:
    "the input is not valid UTF-8, so it was read as Windows-1252 (what Excel writes for CSV in western European languages); --encoding says which it is",
  outputIsInput: (file: string) =>
    `--output ${file} is the inventory being read; writing there would destroy it. Write the results to another file`,
};
