// The organiser's rotating check-in code for an occurrence: `<occurrence>.<slot>.<signature>`, the slot the number of
// CODE_SLOT_MS periods since the epoch, the signature an HMAC (the vault's keyed blind index, under the app's
// secret) of the occurrence and the slot, cut to 16 characters so the code can be typed where there is no camera.
// A code is accepted in its own slot and the next one, so a code shown just before the turn still works.
import { timingSafeEqual } from "node:crypto";
import type { Vault } from "../../platform/crypto.ts";

export const CODE_SLOT_MS = 60_000;
const SIGNATURE_LENGTH = 16;

const slotOf = (now: Date) => Math.floor(now.getTime() / CODE_SLOT_MS);
const signature = (vault: Vault, occurrenceId: number, slot: number) =>
  vault
    .blindIndex(`volunteer-checkin|${occurrenceId}|${slot}`)
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, SIGNATURE_LENGTH);

export function issueCode(vault: Vault, occurrenceId: number, now: Date): { code: string; expiresAt: Date } {
  const slot = slotOf(now);
  return { code: `${occurrenceId}.${slot}.${signature(vault, occurrenceId, slot)}`, expiresAt: new Date((slot + 2) * CODE_SLOT_MS) };
}

export type CodeRefusal = "code_invalid" | "code_expired" | "code_other_occurrence";

/** Forged or malformed first (whatever it claims), then another occurrence's, then expired. */
export function checkCode(vault: Vault, code: string, occurrenceId: number, now: Date): CodeRefusal | null {
  const match = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9]{16})$/.exec(code.trim());
  if (!match) return "code_invalid";
  const claimed = Number(match[1]);
  const slot = Number(match[2]);
  const expected = Buffer.from(signature(vault, claimed, slot));
  const given = Buffer.from(match[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "code_invalid";
  if (claimed !== occurrenceId) return "code_other_occurrence";
  const current = slotOf(now);
  if (slot > current || slot < current - 1) return "code_expired";
  return null;
}
