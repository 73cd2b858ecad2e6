// Validates a CSV against a Table Schema with the frictionless JS implementation (npm
// `tableschema`), the way Passerelle's engine does: every row, every cell, errors counted by
// kind and by field rather than kept (so memory is the library's own, not ours).
// Prints one JSON object on stdout.
// Usage: node validate-with-tableschema.js FILE.csv SCHEMA.json
'use strict';

const fs = require('fs');
const { Table } = require('tableschema');

async function main() {
  const [file, schemaPath] = process.argv.slice(2);
  if (!file || !schemaPath) {
    console.error('usage : node validate-with-tableschema.js FICHIER.csv SCHEMA.json');
    process.exit(2);
  }
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const table = await Table.load(file, { schema, headers: 1 });
  const fieldNames = table.schema.fieldNames;

  let rowCount = 0;
  let invalidRowCount = 0;
  let errorCount = 0;
  // Keys are the schema's field names and three codes: bounded whatever the file's size.
  const errorsByCode = {};
  const errorsByField = {};
  const count = (counts, key) => { counts[key] = (counts[key] || 0) + 1; };

  // forceCast: a row that fails is replaced by its TableSchemaError (with one nested error per
  // failing cell) instead of stopping the iteration at the first bad row.
  const rows = await table.iter({ forceCast: true });
  for await (const row of rows) {
    rowCount++;
    if (!(row instanceof Error)) {
      continue;
    }
    invalidRowCount++;
    const cellErrors = row.errors || [];
    if (cellErrors.length === 0) {
      // A row-level error: wrong number of cells, a unique constraint, missing header names.
      errorCount++;
      count(errorsByCode, 'row-error');
      continue;
    }
    for (const error of cellErrors) {
      errorCount++;
      count(errorsByCode, /does not conform/.test(error.message) ? 'constraint-error' : 'type-error');
      count(errorsByField, fieldNames[error.columnNumber - 1] || `#${error.columnNumber}`);
    }
  }
  process.stdout.write(JSON.stringify({
    rowCount, validRowCount: rowCount - invalidRowCount, errorCount, errorsByCode, errorsByField,
  }) + '\n');
}

main().catch((error) => {
  console.error(`tableschema : ${error.message}`);
  process.exit(1);
});
