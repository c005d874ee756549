// The password policy (等保二级): at least 10 characters, at least three of the four kinds (upper case, lower
// case, digits, symbols), not a common password, not containing the username or the mobile number; the server
// adds that it is neither the current password nor one of the last five. Server and forms apply this one function.
import type { ErrorId, ValidationKey } from "./errors.ts";

export const PASSWORD_MIN_LENGTH = 10;
/** Earlier passwords a new one may not repeat, besides the current one. */
export const PASSWORD_HISTORY = 5;

export type PasswordRule = "length" | "classes" | "common" | "username" | "phone" | "reused";

/** The catalogue id of each rule, and the message key its field carries. */
export const passwordRuleErrors: Record<PasswordRule, { id: ErrorId; key: ValidationKey }> = {
  length: { id: "password.too_short", key: "v.password_length" },
  classes: { id: "password.too_few_kinds", key: "v.password_classes" },
  common: { id: "password.common", key: "v.password_common" },
  username: { id: "password.contains_username", key: "v.password_username" },
  phone: { id: "password.contains_phone", key: "v.password_phone" },
  reused: { id: "password.reused", key: "v.password_reused" },
};

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
  "p@ssw0rd123",
  "p@ssword123",
  "password@123",
  "admin@123456",
  "qwer@1234567",
  "1qaz@wsx3edc",
  "1qaz!qaz2wsx",
  "1qaz@wsx#edc",
  "a1234567890!",
  "abc@1234567",
  "abcd@123456",
  "aa123456789!",
  "woaini@1314",
  "dandelion@123",
  "pugongying@123",
]);

/** How many of the four kinds (upper case, lower case, digits, symbols) the password uses. */
export function passwordKinds(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

function isSequence(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) {
    const step = (Number(digits[i]) - Number(digits[i - 1]) + 10) % 10;
    if (step !== 1 && step !== 9) return false;
  }
  return true;
}

/** The first rule the password breaks, or null. The account's username and mobile number, where known. */
export function passwordProblem(
  password: string,
  account: { username?: string | null; mobile?: string | null } = {},
): Exclude<PasswordRule, "reused"> | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "length";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || (/^(\d)+$/.test(password) && isSequence(password))) return "common";
  if (passwordKinds(password) < 3) return "classes";
  const username = account.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return "username";
  if (account.mobile && password.includes(account.mobile)) return "phone";
  return null;
}
