import { api } from "../../../app/api-client.ts";
import type { CardPresentation } from "./types.ts";

/** A fresh signed token (and its 6-digit short code) for the holder's card; valid about a minute, usable once. */
export function presentCard(id: number): Promise<CardPresentation> {
  return api.post(`/api/me/cards/${id}/presentation`, {});
}
