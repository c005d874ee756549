// A feature's texts arrive with its pages (web/app/i18n.ts): code that shows a text of a feature's namespace must
// ask for that namespace (`useTranslation("caring")`, which waits for the texts), live inside that feature (whose
// pages ask for it), or be a frame word (`menu`/`entry`, bundled with the app). A text asked for any other way
// shows its key on screen until some other page happens to load the namespace; this walks the web sources for it.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { FRAME_KEYS, frameWords } from "./shell-texts.ts";

const web = join(import.meta.dirname, "..", "web");
const featuresDir = join(web, "features");
const lazyNamespaces = readdirSync(featuresDir).filter((f) => existsSync(join(featuresDir, f, "locales", "zh-CN.json")));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Namespaces named in the file's `useTranslation(...)` calls. */
function declared(code: string): Set<string> {
  const names = new Set<string>();
  for (const call of code.matchAll(/useTranslation\(([^)]*)\)/g)) {
    for (const ns of call[1].matchAll(/"([a-z-]+)"/g)) names.add(ns[1]);
  }
  return names;
}

describe("feature texts on demand", () => {
  it("cuts a feature's frame words out of its texts", () => {
    const bundle = { menu: { a: "甲" }, entry: { b: "乙" }, page: { c: "丙" } };
    expect(frameWords(bundle)).toEqual({ menu: { a: "甲" }, entry: { b: "乙" } });
    expect(FRAME_KEYS).toEqual(["menu", "entry"]);
  });

  it("finds the features whose texts load on demand", () => {
    expect(lazyNamespaces).toEqual(expect.arrayContaining(["caring", "party", "volunteers", "problems"]));
  });

  it("has every text of a feature's namespace asked for where it is shown", () => {
    const offences: string[] = [];
    for (const file of sources(web)) {
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      const rel = relative(web, file);
      const asks = declared(code);
      for (const ref of code.matchAll(/["'`]([a-z-]+):([a-zA-Z$][\w.${}]*)/g)) {
        const [, ns, key] = ref;
        if (!lazyNamespaces.includes(ns)) continue;
        if (rel.startsWith(`${join("features", ns)}/`)) continue;
        if (FRAME_KEYS.some((k) => key.startsWith(`${k}.`))) continue;
        if (asks.has(ns)) continue;
        offences.push(`${rel}: ${ns}:${key}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("keeps the frame words of a feature's manifest among its frame words", () => {
    const offences: string[] = [];
    for (const ns of lazyNamespaces) {
      const manifest = join(featuresDir, ns, "feature.tsx");
      if (!existsSync(manifest)) continue;
      for (const label of readFileSync(manifest, "utf8").matchAll(/label: "([a-z-]+):([\w.]+)"/g)) {
        if (!FRAME_KEYS.some((k) => label[2].startsWith(`${k}.`))) offences.push(`${ns}/feature.tsx: ${label[1]}:${label[2]}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
