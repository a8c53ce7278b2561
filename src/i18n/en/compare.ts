// English texts of the comparison table: src/render/compare-*.ts, cells.ts.

export const compare = {};
