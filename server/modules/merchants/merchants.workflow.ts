// A merchant's trading status: open ⇄ suspended, either → closed; closed is final (a reopened business is a
// new record with its own licence).
import type { MerchantStatus } from "../../../contracts/merchants.ts";

export type StatusRefusal = "merchant.status_unchanged" | "merchant.status_transition";

const allowed: Record<MerchantStatus, readonly MerchantStatus[]> = {
  open: ["suspended", "closed"],
  suspended: ["open", "closed"],
  closed: [],
};

export function nextMerchantStatus(
  from: MerchantStatus,
  to: MerchantStatus,
): { ok: true; status: MerchantStatus } | { ok: false; refusal: StatusRefusal } {
  if (from === to) return { ok: false, refusal: "merchant.status_unchanged" };
  if (!allowed[from].includes(to)) return { ok: false, refusal: "merchant.status_transition" };
  return { ok: true, status: to };
}
