import i18n from "i18next";
import { initReactI18next } from "react-i18next";

// Every namespace is a JSON file: web/locales/<language>/<namespace>.json, or a feature's own
// web/features/<feature>/locales/<language>.json (namespace = the feature's folder name). Vite bundles them all,
// so a new module adds its locale files and touches nothing here.
type Bundle = Record<string, unknown>;
const shared = import.meta.glob<Bundle>("../locales/*/*.json", { eager: true, import: "default" });
const featureOwn = import.meta.glob<Bundle>("../features/*/locales/*.json", { eager: true, import: "default" });

const resources: Record<"zh-CN" | "en", Record<string, Bundle>> = { "zh-CN": {}, en: {} };
for (const [path, bundle] of Object.entries(shared)) {
  const [, language, namespace] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (language === "zh-CN" || language === "en") resources[language][namespace] = bundle;
}
for (const [path, bundle] of Object.entries(featureOwn)) {
  const [, namespace, language] = /\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path) ?? [];
  if (language === "zh-CN" || language === "en") resources[language][namespace] = bundle;
}

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

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  ns: Object.keys(resources["zh-CN"]),
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  resources,
});

export default i18n;
