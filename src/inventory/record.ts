// What every inventory reader hands over, in input order.

/**
 * A row of cells under its header, with the line it starts on, or a row that could not be read
 * (with the cells that could be read from its start, if any: they may name it).
 */
export type InventoryRecord =
  | { line: number; header: readonly string[]; cells: readonly string[] }
  | { line: number; error: string; header?: readonly string[]; cells?: readonly string[] };

export type RecordHandler = (record: InventoryRecord) => void;
