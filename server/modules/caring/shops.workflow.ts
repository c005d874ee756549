// Caring-shop certification: applied → inspected (passed) | rejected (not passed) → certified ⇄ suspended → revoked.
// A yearly review keeps a certified shop certified (passed) or suspends it (failed).
import type { ShopStatus } from "../../../contracts/caring.ts";

export type { ShopStatus };
export type ShopAction = "inspect" | "certify" | "review" | "suspend" | "reinstate" | "revoke";

const rules: Record<ShopAction, { from: readonly ShopStatus[]; to: (passed?: boolean) => ShopStatus }> = {
  inspect: { from: ["applied", "inspected"], to: (passed) => (passed ? "inspected" : "rejected") },
  certify: { from: ["inspected"], to: () => "certified" },
  review: { from: ["certified"], to: (passed) => (passed ? "certified" : "suspended") },
  suspend: { from: ["certified"], to: () => "suspended" },
  reinstate: { from: ["suspended"], to: () => "certified" },
  revoke: { from: ["certified", "suspended"], to: () => "revoked" },
};

export function nextShopStatus(
  status: ShopStatus,
  action: ShopAction,
  passed?: boolean,
): { ok: true; status: ShopStatus } | { ok: false; refusal: "shop.transition" } {
  const rule = rules[action];
  if (!rule.from.includes(status)) return { ok: false, refusal: "shop.transition" };
  return { ok: true, status: rule.to(passed) };
}
