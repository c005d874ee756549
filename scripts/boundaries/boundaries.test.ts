// The boundaries `npm run check` enforces: each fixture under fixtures/<rule>/ breaks exactly that rule, and the
// checkers (Biome's GritQL plugin, dependency-cruiser) run with the project's own biome.json and
// .dependency-cruiser.cjs must report exactly it. The real tree is checked the same way.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const fixtures = join(root, "scripts/boundaries/fixtures");
const bin = (name: string) => join(root, "node_modules/.bin", name);
// The same sources `npm run check:imports` cruises, one glob per folder: a glob that starts with a brace has no base
// folder, and dependency-cruiser would then walk the whole tree (node_modules, a dist/ another test is rebuilding).
const importFolders = ["server", "web", "contracts"];
const configFiles = ["biome.json", ".dependency-cruiser.cjs", "scripts/boundaries/queries-in-repositories.grit"];

// Runs a checker that exits non-zero on findings; returns its stdout either way.
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout;
    if (!out) throw error;
    return out;
  }
}

type Finding = { rule: string; file: string };

// Every finding of both checkers in a tree: Biome plugin diagnostics are named after the plugin.
function findings(cwd: string): Finding[] {
  const lint = JSON.parse(run(bin("biome"), ["lint", "--reporter=json", "--max-diagnostics=none", "."], cwd)) as {
    diagnostics: { category: string; location: { path: string } }[];
  };
  const fromBiome = lint.diagnostics.map((d) => ({
    rule: d.category === "plugin" ? "queries-in-repositories" : d.category,
    file: d.location.path,
  }));
  const cruise = JSON.parse(
    // Run by this process's Node (the project's 24), not whatever `node` the script's shebang finds on PATH.
    run(
      process.execPath,
      [
        join(root, "node_modules/dependency-cruiser/bin/dependency-cruiser.mjs"),
        ...importFolders.filter((folder) => existsSync(join(cwd, folder))).map((folder) => `${folder}/**/*.{ts,tsx}`),
        "--config",
        ".dependency-cruiser.cjs",
        "--output-type",
        "json",
      ],
      cwd,
    ),
  ) as {
    summary: { violations: { rule: { name: string }; from: string }[] };
  };
  const fromCruiser = cruise.summary.violations.map((v) => ({ rule: v.rule.name, file: v.from }));
  return [...fromBiome, ...fromCruiser];
}

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

// A copy of one fixture tree beside the project's checker configuration (and its node_modules).
function sandbox(rule: string): string {
  const dir = mkdtempSync(join(tmpdir(), `boundaries-${rule}-`));
  sandboxes.push(dir);
  cpSync(join(fixtures, rule), dir, { recursive: true });
  for (const file of configFiles) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}

describe("boundaries npm run check enforces", () => {
  const rules = readdirSync(fixtures).sort();

  it("has one fixture per rule", () => {
    expect(rules).toEqual([
      "contracts-import-only-zod",
      "feature-imports-other-feature",
      "module-imports-other-module-repository",
      "no-import-cycles",
      "queries-in-repositories",
    ]);
  });

  for (const rule of rules) {
    it(`reports exactly ${rule} on its fixture`, () => {
      const found = findings(sandbox(rule));
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(found.map((f) => f.rule))).toEqual(new Set([rule]));
    });
  }

  it("finds nothing in the real tree", () => {
    expect(findings(root)).toEqual([]);
  });
});
