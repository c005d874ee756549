// Rotating check-in codes for meetings (the alliance's and the branch's): `<payload>.<signature>`, the payload a base64url JSON { m: meetingId, e: expiry
// in epoch seconds }, the signature an HMAC-SHA256 of the payload under the meeting's own secret. The screen at
// the door re-fetches a fresh code before the old one lapses; a phone camera opens /m/checkin?token=….
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CHECKIN_TTL_MS = 2 * 60_000;

export function newCheckInSecret(): string {
  return randomBytes(32).toString("base64url");
}

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function signCheckInToken(secret: string, meetingId: number, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ m: meetingId, e: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

export interface ParsedToken {
  meetingId: number;
  expiresAt: Date;
  payload: string;
  signature: string;
}

/** The claims of a well-formed token, not yet trusted; null when it is not one of ours at all. */
export function parseCheckInToken(token: string): ParsedToken | null {
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[\w-]+$/.test(parts[0]) || !/^[\w-]{43}$/.test(parts[1])) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as { m?: unknown; e?: unknown };
    if (!Number.isSafeInteger(claims.m) || (claims.m as number) <= 0 || !Number.isSafeInteger(claims.e)) return null;
    return { meetingId: claims.m as number, expiresAt: new Date((claims.e as number) * 1000), payload: parts[0], signature: parts[1] };
  } catch {
    return null;
  }
}

export function signatureValid(parsed: ParsedToken, secret: string): boolean {
  const expected = Buffer.from(sign(secret, parsed.payload));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type TokenCheck = { ok: true; meetingId: number } | { ok: false; refusal: "meeting.checkin_invalid" | "meeting.checkin_expired" };

/** Signature first (a forged code is invalid whatever it claims), then expiry. */
export function checkToken(parsed: ParsedToken | null, secret: string | null, now: Date): TokenCheck {
  if (!parsed || secret === null || !signatureValid(parsed, secret)) return { ok: false, refusal: "meeting.checkin_invalid" };
  if (parsed.expiresAt.getTime() < now.getTime()) return { ok: false, refusal: "meeting.checkin_expired" };
  return { ok: true, meetingId: parsed.meetingId };
}

/** The QR code of a URL as SVG; the qrcode module is loaded on first use (most processes never draw one). */
export async function qrSvg(url: string): Promise<string> {
  const QRCode = (await import("qrcode")).default;
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
