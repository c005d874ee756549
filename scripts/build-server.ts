// Compiles the server's TypeScript (server/, contracts/, demo/; tests left out) to plain JavaScript under
// dist/server/, keeping the tree, so that `npm start` runs JavaScript: the server process then never loads
// Node's TypeScript stripper, which would otherwise stay resident (a few MB). It is the same code: types are
// erased in place by Node's own stripper (positions kept, so a stack trace's line and column point into the .ts
// file), and relative imports of ".ts" files name the ".js" files beside them. `npm start` runs this when a
// source is newer than the last build (scripts/start.js).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { SERVER_BUILD, SERVER_BUILT_STAMP, SERVER_TREES } from "./freshness.js";

const root = resolve(import.meta.dirname, "..");

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) sources(p, out);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

/** `from "./a.ts"`, `import "./a.ts"`, `import("./a.ts")` → the same specifier ending in `.js`. */
export function rewriteImports(code: string): string {
  return code.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*?)\.ts\2/g,
    (_all, lead: string, quote: string, path: string) => `${lead}${quote}${path}.js${quote}`,
  );
}

export function buildServer(): number {
  const files = SERVER_TREES.flatMap((tree) => sources(join(root, tree)));
  rmSync(SERVER_BUILD, { recursive: true, force: true });
  for (const file of files) {
    const code = rewriteImports(stripTypeScriptTypes(readFileSync(file, "utf8"), { mode: "strip" }));
    const target = join(SERVER_BUILD, relative(root, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  writeFileSync(SERVER_BUILT_STAMP, new Date().toISOString());
  return files.length;
}

if (import.meta.main) {
  const started = performance.now();
  const compiled = buildServer();
  console.log(`Compiled ${compiled} server files to dist/server in ${Math.round(performance.now() - started)} ms`);
}
