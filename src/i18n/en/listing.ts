// English texts of rules list/show/check output: src/render/rule-listing.ts.

export const listing = {};
