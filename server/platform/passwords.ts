// Password hashing with scrypt (salt and parameters stored with the hash) and the password policy.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { ValidationKey } from "../../contracts/errors.ts";

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const PARAMS = { N: 16384, r: 8, p: 1 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash no password matches, so an unknown username costs the same time as a wrong password. */
export const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

const COMMON = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "1111111111",
  "0000000000",
  "1234512345",
  "1qaz2wsx3edc",
  "qwertyuiop",
  "qwertyuiop123",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou123",
  "woaini1314",
  "woaini520520",
  "5201314520",
  "abcdefghij",
  "abc1234567",
  "abcd123456",
  "a123456789",
  "aa12345678",
  "admin12345",
  "admin123456",
  "administrator",
  "1q2w3e4r5t",
  "q1w2e3r4t5",
  "zxcvbnm123",
  "asdfghjkl1",
  "1234qwer!@#$",
  "qwer1234!@#$",
  "987654321a",
  "9876543210",
  "dandelion123",
  "pugongying",
  "pugongying123",
]);

export function passwordProblem(password: string, mobile?: string | null): ValidationKey | null {
  if (password.length < 10) return "v.password_length";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || (/^(\d)+$/.test(password) && isSequence(password))) return "v.password_common";
  if (mobile && password.includes(mobile)) return "v.password_phone";
  return null;
}

function isSequence(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) {
    const step = (Number(digits[i]) - Number(digits[i - 1]) + 10) % 10;
    if (step !== 1 && step !== 9) return false;
  }
  return true;
}
