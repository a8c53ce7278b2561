// The floor for `vmvc assess` in the benchmark: csv-parse alone reading the same file, with the
// options assess uses, doing nothing with the records. Prints the record count.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let records = 0;
const parser = createReadStream(process.argv[2]).pipe(
  parse({
    bom: true,
    raw: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: 1024 * 1024,
    on_record: () => (records++, null),
  }),
);
for await (const _ of parser) void _;
process.stdout.write(`${records}\n`);
