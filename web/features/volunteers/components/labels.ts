import type { CertificationState, OccurrenceStatus, PoliticalStatus, SignupStatus } from "../../../../contracts/volunteers.ts";

export const signupColour: Record<SignupStatus, string> = {
  signed_up: "blue",
  waitlisted: "gold",
  withdrawn: "default",
  no_show: "red",
  attended: "green",
};

export const certificationColour: Record<CertificationState, string> = {
  uncertified: "default",
  publicised: "orange",
  final: "green",
};

export const occurrenceColour: Record<OccurrenceStatus, string> = { open: "blue", withdrawn: "default", cancelled: "red" };

export const politicalColour: Record<PoliticalStatus, string> = { party_member: "red", veteran: "gold", none: "default" };

/** Minutes as hours with one decimal (115 → 1.9), the way service hours are reported. */
export function hoursOf(minutes: number | null | undefined): string {
  return ((minutes ?? 0) / 60).toFixed(1);
}

/** The occurrence's id in a check-in code (`<occurrence>.<minute>.<signature>`), or in the URL the QR code holds. */
export function occurrenceOfCode(text: string): { code: string; occurrenceId: number } | null {
  let code = text.trim();
  try {
    if (/^https?:\/\//i.test(code)) code = new URL(code).searchParams.get("code") ?? "";
  } catch {
    return null;
  }
  const match = /^(\d{1,10})\.\d{1,12}\.[A-Za-z0-9]{16}$/.exec(code);
  return match ? { code, occurrenceId: Number(match[1]) } : null;
}
