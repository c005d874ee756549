import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Me } from "../../contracts/auth.ts";
import { setLocale } from "../features/auth/api/set-locale.ts";
import { type Language, rememberLanguage } from "./i18n.ts";
import { meQueryKey } from "./session.tsx";

/** The UI language: kept in this browser and, when signed in, on the account. */
export function useLanguage(): [Language, (next: Language) => void] {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const language: Language = i18n.language === "en" ? "en" : "zh-CN";
  const change = (next: Language) => {
    rememberLanguage(next);
    // English's texts may still have to load (i18n.ts): ask the server again once the language has changed.
    const changed = i18n.changeLanguage(next);
    const me = client.getQueryData<Me | null>(meQueryKey);
    if (me) {
      client.setQueryData(meQueryKey, { ...me, locale: next });
      setLocale(next).catch(() => undefined);
    }
    // Lists and messages from the server are in the language asked for: ask again.
    void changed.then(() => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "auth" }));
  };
  return [language, change];
}
