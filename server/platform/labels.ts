// The console's own words on the server: the web's locale files (web/locales/<language>/<namespace>.json and
// web/features/<feature>/locales/<language>.json), read once, so that an exported sheet's headers and values
// read exactly as the list's columns do, in the caller's language.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locale } from "../../contracts/errors.ts";

const web = fileURLToPath(new URL("../../web/", import.meta.url));
type Bundle = Record<string, unknown>;
const bundles = new Map<Locale, Map<string, Bundle>>();

function bundlesOf(locale: Locale): Map<string, Bundle> {
  let found = bundles.get(locale);
  if (found) return found;
  found = new Map();
  const shared = join(web, "locales", locale);
  if (existsSync(shared))
    for (const file of readdirSync(shared).filter((f) => f.endsWith(".json")))
      found.set(basename(file, ".json"), JSON.parse(readFileSync(join(shared, file), "utf8")));
  const features = join(web, "features");
  if (existsSync(features))
    for (const feature of readdirSync(features)) {
      const file = join(features, feature, "locales", `${locale}.json`);
      if (existsSync(file)) found.set(feature, JSON.parse(readFileSync(file, "utf8")));
    }
  bundles.set(locale, found);
  return found;
}

/** `merchants:field.name` (or `menu.home` in the common namespace) in the locale; the key itself when missing. */
export function label(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const [namespace, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : ["common", key];
  let node: unknown = bundlesOf(locale).get(namespace);
  for (const part of path.split(".")) node = node && typeof node === "object" ? (node as Bundle)[part] : undefined;
  if (typeof node !== "string") return locale === "en" ? key : label("en", key, params);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ""));
}
