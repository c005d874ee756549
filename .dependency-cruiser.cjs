// The import boundaries `npm run check` enforces (docs/architecture.md, "Boundaries `npm run check` enforces").
// TypeScript 7 has no compiler API yet, so dependency-cruiser reads .ts/.tsx through acorn-loose: every import
// counts, `import type` included (no type-only exemption).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "module-imports-other-module-repository",
      comment: "A module calls another module's service, never its repository.",
      severity: "error",
      from: { path: "^server/modules/([^/]+)/" },
      to: { path: "^server/modules/[^/]+/[^/]+[.]repository[.]ts$", pathNot: "^server/modules/$1/" },
    },
    {
      name: "feature-imports-other-feature",
      comment: "A web feature imports only itself and shared folders (web/app, web/components, ...), never another feature.",
      severity: "error",
      from: { path: "^web/features/([^/]+)/" },
      to: { path: "^web/features/[^/]+/", pathNot: "^web/features/$1/" },
    },
    {
      name: "contracts-import-only-zod",
      comment: "contracts/ is the bridge between server and web: it imports only contracts/ and zod.",
      severity: "error",
      from: { path: "^contracts/", pathNot: "[.]test[.]ts$" },
      to: { pathNot: "^(contracts/|node_modules/zod/)" },
    },
    {
      name: "no-import-cycles",
      comment: "No import cycles in server/, web/ or contracts/.",
      severity: "error",
      from: { path: "^(server|web|contracts)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^scripts/boundaries/fixtures/" },
    moduleSystems: ["es6", "cjs"],
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
