import { api } from "../../../app/api-client.ts";
import type { Language } from "../../../app/i18n.ts";

/** Remember the account's language on the server, so messages and exports follow it. */
export function setLocale(locale: Language): Promise<void> {
  return api.put("/api/auth/locale", { locale });
}
