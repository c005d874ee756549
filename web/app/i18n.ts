import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import { type Bundle, bundlesOf } from "./locale-bundles.ts";

// Every namespace is a JSON file: web/locales/<language>/<namespace>.json, or a feature's own
// web/features/<feature>/locales/<language>.json (namespace = the feature's folder name), found by the globs
// here and in locales-en.ts, so a new module adds its locale files and touches nothing here. Chinese, the default
// and the fallback of any text English lacks, is bundled with the app; English is one chunk of its own, fetched
// when the language is English (at start or on switching), so a Chinese page never downloads it.
const zhCN = bundlesOf(
  import.meta.glob<Bundle>("../locales/zh-CN/*.json", { eager: true, import: "default" }),
  import.meta.glob<Bundle>("../features/*/locales/zh-CN.json", { eager: true, import: "default" }),
);

/** i18next's source of the languages not bundled (English): its chunk, loaded once. */
const lazyLanguages: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    if (language !== "en") return callback(null, {});
    import("./locales-en.ts").then(
      ({ en }) => callback(null, en[namespace] ?? {}),
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
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    lng: storedLanguage(),
    fallbackLng: "zh-CN",
    ns: Object.keys(zhCN),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    returnNull: false,
    resources: { "zh-CN": zhCN },
    // The bundled Chinese is complete; the backend brings the rest.
    partialBundledLanguages: true,
  });

export default i18n;
