// The English texts, in a chunk of their own that i18n.ts loads when the language is English.
import { type Bundle, bundlesOf } from "./locale-bundles.ts";

export const en = bundlesOf(
  import.meta.glob<Bundle>("../locales/en/*.json", { eager: true, import: "default" }),
  import.meta.glob<Bundle>("../features/*/locales/en.json", { eager: true, import: "default" }),
);
