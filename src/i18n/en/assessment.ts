// English texts of assess's summary and reports: src/render/assessment.ts, report.ts.

export const assessment = {};
