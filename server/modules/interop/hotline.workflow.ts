// A 12345 work order's steps, pure: received → signed_off (签收, on time or late) → replied (答复) → visited
// (回访: 满意 / 基本满意 / 不满意); received or signed_off → returned (退单, with a reason); one extension (延期)
// while signed off. The service applies them in a transaction.
import type { HotlineOrderStatus, Satisfaction } from "../../../contracts/interop.ts";

export type HotlineEvent =
  | { action: "sign_off" }
  | { action: "return"; reason: string }
  | { action: "extend"; days: number; reason: string }
  | { action: "reply"; text: string; problemClosed: boolean }
  | { action: "visit"; satisfaction: Satisfaction };

export interface HotlineState {
  status: HotlineOrderStatus;
  extensionUsed: boolean;
}

export type HotlineRefusal = "hotline.transition" | "hotline.extension_used" | "hotline.not_resolved";

export function nextHotlineStatus(state: HotlineState, event: HotlineEvent): HotlineOrderStatus | { refused: HotlineRefusal } {
  switch (event.action) {
    case "sign_off":
      return state.status === "received" ? "signed_off" : { refused: "hotline.transition" };
    case "return":
      return state.status === "received" || state.status === "signed_off" ? "returned" : { refused: "hotline.transition" };
    case "extend":
      if (state.status !== "signed_off") return { refused: "hotline.transition" };
      return state.extensionUsed ? { refused: "hotline.extension_used" } : "signed_off";
    case "reply":
      if (state.status !== "signed_off") return { refused: "hotline.transition" };
      return event.problemClosed ? "replied" : { refused: "hotline.not_resolved" };
    case "visit":
      return state.status === "replied" ? "visited" : { refused: "hotline.transition" };
  }
}

/** Signed off no later than the hotline's limit. */
export const signedOffInTime = (signedOffAt: string | null, dueAt: string) => signedOffAt !== null && signedOffAt <= dueAt;

/** Feedback retries: 1, 2, 4 … minutes, at most six hours apart; given up after this many attempts. */
export const MAX_FEEDBACK_ATTEMPTS = 10;
export function feedbackBackoffMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 6 * 3_600_000);
}
