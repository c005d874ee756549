// Text a person can type holds neither NUL bytes nor lone UTF-16 surrogates. Left in, PostgreSQL refuses a NUL
// (the request would end in a 500) while SQLite stores it, and both quietly turn a lone surrogate into U+FFFD.
// One check before validation, over every JSON body, query string and path parameter of every route, answers
// 400 request.invalid naming each field where such a character is found (`rows.3.name`).
import type { FastifyInstance } from "fastify";
import { AppError } from "./errors.ts";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isBad = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);

/** Dotted paths of the strings in `value` that hold a character text may not hold. */
export function badTextFields(value: unknown, path = "", found: string[] = [], depth = 0): string[] {
  if (typeof value === "string") {
    if (isBad(value)) found.push(path);
  } else if (value && typeof value === "object" && depth < 32 && !Buffer.isBuffer(value)) {
    for (const [key, inner] of Object.entries(value)) badTextFields(inner, path ? `${path}.${key}` : key, found, depth + 1);
  }
  return found;
}

export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const fields = [...badTextFields(request.body), ...badTextFields(request.query), ...badTextFields(request.params)].map((field) => ({
      field: field || "body",
      key: "v.text_characters" as const,
    }));
    if (fields.length > 0) throw new AppError("request.invalid", fields);
  });
}
