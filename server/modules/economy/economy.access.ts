// Who reaches what in the merchant economy: the station's staff (reading or managing, within their stations), a
// merchant their own records only; and the refusals of the catalogue.
import { type Action, can } from "../../../contracts/access.ts";
import type { economyErrors } from "../../../contracts/errors-economy.ts";
import { AppError, type MessageParams } from "../../platform/errors.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";

export type EconomyErrorId = keyof typeof economyErrors;

export const refuse = (id: EconomyErrorId, params: MessageParams = {}, field?: string) =>
  new AppError(id, field ? [{ field }] : undefined, params);

/** The station's staff holding `action` (managing by default), within their reach. */
export function manages(user: SessionUser, stationId: number, action: Action = "economy.manage") {
  return can(user.role, action) && reachesStation(user, stationId);
}

/** A record of a merchant: the station's readers, or the merchant themself. */
export function readsMerchantRecord(user: SessionUser, r: { station_id: number; merchant_id: number }) {
  return manages(user, r.station_id, "economy.read") || (user.merchantId !== null && user.merchantId === r.merchant_id);
}
