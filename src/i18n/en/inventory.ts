// English texts of reading inventories: src/inventory/*.ts.

export const inventory = {};
