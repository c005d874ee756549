import i18n, { type BackendModule, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { type Bundle, bundlesOf } from "./locale-bundles.ts";

// Every namespace is a JSON file: web/locales/<language>/<namespace>.json, or a feature's own
// web/features/<feature>/locales/<language>.json (namespace = the feature's folder name), found by the globs
// here and in locales-en.ts, so a new module adds its locale files and touches nothing here.
// - The shared namespaces' Chinese (the frame, lists, the registry's words) is bundled with the app.
// - A feature's Chinese is a chunk of its own, fetched when a page that uses it renders (`useTranslation("x")`
//   suspends until it is in), so a first screen never downloads the texts of every feature. Only its frame words
//   — the `menu` and `entry` texts the console's menu and the phone's tiles show before any of its pages loads —
//   come with the app, cut out of the same file at build time (`?shell`, scripts/shell-texts.ts).
// - English, complete, is one chunk, fetched when the language is English (at start or on switching).
const zhShared = bundlesOf(import.meta.glob<Bundle>("../locales/zh-CN/*.json", { eager: true, import: "default" }), {});
const zhFeatures = import.meta.glob<Bundle>("../features/*/locales/zh-CN.json", { import: "default" });
const zhFrame = bundlesOf(
  {},
  import.meta.glob<Bundle>("../features/*/locales/zh-CN.json", { eager: true, import: "default", query: "?shell" }),
);

/** `ns:path.to.key` → its Chinese text, for the frame words of features whose texts are not loaded yet. */
const frameTexts = new Map<string, string>();
function collect(prefix: string, value: unknown): void {
  if (typeof value === "string") frameTexts.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collect(prefix.endsWith(":") ? `${prefix}${k}` : `${prefix}.${k}`, v);
  }
}
for (const [namespace, bundle] of Object.entries(zhFrame)) collect(`${namespace}:`, bundle);

/** A menu label's or a phone tile's text: the loaded text when its feature's texts are in, the frame's copy before. */
export function frameText(t: TFunction, key: string): string {
  return t(key, { defaultValue: frameTexts.get(key) ?? key });
}

/** i18next's source of what is not bundled: a feature's Chinese, and English (all of it at once). */
const lazyTexts: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    if (language === "zh-CN") {
      const load = Object.entries(zhFeatures).find(([path]) => path.includes(`/features/${namespace}/`))?.[1];
      if (!load) return callback(null, {});
      load().then(
        (bundle) => callback(null, bundle),
        (error: Error) => callback(error, false),
      );
      return;
    }
    if (language !== "en") return callback(null, {});
    import("./locales-en.ts").then(
      ({ en }) => {
        // Every English namespace at once: a feature's page then finds its texts without another request.
        for (const [ns, bundle] of Object.entries(en)) {
          if (ns !== namespace && !i18n.hasResourceBundle("en", ns)) i18n.addResourceBundle("en", ns, bundle);
        }
        callback(null, en[namespace] ?? {});
      },
      (error: Error) => callback(error, false),
    );
  },
};

export type Language = "zh-CN" | "en";
const STORAGE_KEY = "dd_lang";

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/**
 * Settles once the stored language's texts are in (for English, after its chunk): the apps' entries (main.tsx)
 * render after it. Not awaited here, so the English chunk can use this module while it loads.
 */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyTexts)
  .use(initReactI18next)
  .init({
    lng: storedLanguage(),
    fallbackLng: "zh-CN",
    ns: Object.keys(zhShared),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    returnNull: false,
    resources: { "zh-CN": zhShared },
    // The bundled Chinese is the shared namespaces; the backend brings the features' and English.
    partialBundledLanguages: true,
  });

export default i18n;
