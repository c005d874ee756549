// `…/locales/zh-CN.json?shell`: a feature's frame words only — its `menu` labels and its phone `entry` tiles,
// which the console's menu and the phone's home screen show before any of the feature's pages (and texts) loads
// (web/app/i18n.ts). The rest of the file comes in the feature's own chunk when a page needs it.
import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";

export const FRAME_KEYS = ["menu", "entry"] as const;

export function frameWords(bundle: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FRAME_KEYS.filter((k) => k in bundle).map((k) => [k, bundle[k]]));
}

export function shellTexts(): Plugin {
  return {
    name: "dandelion-shell-texts",
    enforce: "pre",
    async load(id) {
      const [file, query] = id.split("?");
      if (query !== "shell" || !file.endsWith(".json")) return null;
      this.addWatchFile(file);
      return `export default ${JSON.stringify(frameWords(JSON.parse(await readFile(file, "utf8"))))};`;
    },
  };
}
