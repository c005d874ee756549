// Summarises a V8 CPU profile (BENCH_CPU_PROF=1 writes them to bench/results/profiles/): the functions with the most
// self time, and the share of time under a few parts of the request path (by their source file).
//
//   node bench/profile-top.ts bench/results/profiles/<file>.cpuprofile [--top 25]
import { readFileSync } from "node:fs";
import { argValue } from "./common.ts";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const file = process.argv[2];
const top = Number(argValue(process.argv.slice(2), "--top") ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const total = profile.nodes.reduce((s, n) => s + n.hitCount, 0);
const idle = profile.nodes.filter((n) => ["(idle)", "(program)"].includes(n.callFrame.functionName)).reduce((s, n) => s + n.hitCount, 0);
const short = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|server|contracts|bench)\//, "$1/").replace(/^node:/, "node:");
const self = new Map<string, number>();
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || "(anonymous)"}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n.hitCount);
}
const busy = total - idle;
console.log(`${file}: ${total} samples, ${busy} busy (${((busy / total) * 100).toFixed(0)} %)`);
console.log("self time (% of busy):");
for (const [k, v] of [...self.entries()]
  .filter(([k]) => !/^\((idle|program)\) /.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`  ${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`);
// Inclusive time by part: a sample counts for a part when any frame on its stack is in the part's files.
const parts: [string, RegExp][] = [
  ["zod (parse and serialise)", /node_modules\/zod\//],
  ["fastify-type-provider-zod", /fastify-type-provider-zod/],
  ["kysely (build, compile)", /node_modules\/kysely\//],
  ["node:sqlite / pg", /node_modules\/pg|sqlite-dialect/],
  ["session and access gate", /server\/platform\/(auth|sessions?|access)/],
  ["presenter", /\.presenter\.ts/],
  ["vault (masking)", /server\/platform\/crypto/],
];
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const n of profile.nodes) {
  if (!n.hitCount) continue;
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const url = byId.get(id)?.callFrame.url ?? "";
    for (const [name, re] of parts) if (re.test(url)) seen.add(name);
  }
  for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + n.hitCount);
}
console.log("inclusive time by part (% of busy):");
for (const [name] of parts) console.log(`  ${(((inclusive.get(name) ?? 0) / busy) * 100).toFixed(1).padStart(5)} %  ${name}`);
