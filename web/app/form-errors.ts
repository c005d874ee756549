import type { FormInstance } from "antd";
import type { z } from "zod";
import { type Locale, type ValidationKey, validationMessages } from "../../contracts/errors.ts";
import { passwordProblem, passwordRuleErrors } from "../../contracts/passwords.ts";
import { ApiError, currentLanguage } from "./api-client.ts";

/** Contract schemas carry message keys (`v.mobile`); show them in the UI language. */
export function translateValidation(message: string, locale: Locale = currentLanguage()): string {
  const entry = validationMessages[message as ValidationKey];
  if (entry) return entry[locale];
  if (message.startsWith("v.")) return validationMessages["v.invalid_value"][locale];
  return message;
}

function namePath(path: string): (string | number)[] {
  return path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Validate with the same schema the server uses. On failure, mark the fields in the form and return null;
 * issues zod gives for fields without a Form.Item still surface through the returned list.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
  form: FormInstance,
): { ok: true; data: z.output<S> } | { ok: false; unplaced: string[] } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of result.error.issues) {
    const message =
      issue.code === "invalid_type" && issue.message.startsWith("Invalid")
        ? translateValidation("v.required")
        : translateValidation(issue.message);
    const key = issue.path.join(".");
    if (!key) {
      unplaced.push(message);
      continue;
    }
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: namePath(field), errors })));
  return { ok: false, unplaced };
}

/** Put the server's field errors on the matching Form.Items; returns true when it placed any. */
export function applyServerErrors(error: unknown, form: FormInstance): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  // A business refusal (credit code taken, wrong current password) names its field, but its own message is
  // the specific one; validation errors (`request.invalid`) carry a message per field.
  const specific = error.id !== "request.invalid" && error.fields.length === 1;
  form.setFields(error.fields.map((f) => ({ name: namePath(f.field), errors: [specific ? error.message : f.message] })));
  return true;
}

/** The password policy the server applies (contracts/passwords.ts), checked before sending; false when it marked the field. */
export function checkPassword(
  form: FormInstance,
  field: string,
  password: string,
  account: { username?: string | null; mobile?: string | null },
): boolean {
  const broken = passwordProblem(password, account);
  if (!broken) return true;
  form.setFields([{ name: field, errors: [translateValidation(passwordRuleErrors[broken].key)] }]);
  return false;
}
