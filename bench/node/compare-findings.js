// Prints, side by side, what Passerelle's engine (its --json report) and tableschema
// (validate-with-tableschema.js) found in the same file: errors by code, then by field.
// Usage: node compare-findings.js ENGINE.json TABLESCHEMA.json
'use strict';

const fs = require('fs');

const [engine, tableschema] = process.argv.slice(2).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));

function table(title, left, right) {
  const keys = [...new Set([...Object.keys(left || {}), ...Object.keys(right || {})])].sort();
  console.log(`  ${title.padEnd(24)} ${'engine'.padStart(10)} ${'tableschema'.padStart(12)}`);
  for (const key of keys) {
    const a = (left || {})[key] || 0;
    const b = (right || {})[key] || 0;
    console.log(`  ${key.padEnd(24)} ${String(a).padStart(10)} ${String(b).padStart(12)}${a === b ? '' : '   ≠'}`);
  }
}

console.log(`  ${'rows / valid rows'.padEnd(24)} ${`${engine.rowCount}/${engine.validRowCount}`.padStart(10)} ${`${tableschema.rowCount}/${tableschema.validRowCount}`.padStart(12)}`);
console.log(`  ${'errors'.padEnd(24)} ${String(engine.errorCount).padStart(10)} ${String(tableschema.errorCount).padStart(12)}`);
table('by code', engine.errorsByCode, tableschema.errorsByCode);
table('by field', engine.errorsByField, tableschema.errorsByField);
