// One catalogue of errors (contracts/errors.ts) and one handler that turns anything thrown into
// { error: { id, message, fields? } } in the caller's language, hiding 5xx details.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import {
  type ErrorId,
  errorCatalogue,
  type FieldError,
  type Locale,
  type ValidationKey,
  validationMessages,
} from "../../contracts/errors.ts";

/** Values for a catalogue message's {placeholders} (the date, the desks, the bookings a refusal is about). */
export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly fields?: { field: string; key?: ValidationKey; message?: string }[];
  readonly params?: MessageParams;
  constructor(id: ErrorId, fields?: { field: string; key?: ValidationKey; message?: string }[], params?: MessageParams) {
    super(id);
    this.id = id;
    this.status = errorCatalogue[id].status;
    this.fields = fields;
    this.params = params;
  }
}

export const fail = (id: ErrorId, fields?: { field: string; key?: ValidationKey; message?: string }[], params?: MessageParams) =>
  new AppError(id, fields, params);

/** The catalogue's message for an error in the caller's language, its {placeholders} filled from `params`. */
export function errorMessage(id: ErrorId, locale: Locale, params?: MessageParams): string {
  const text: string = errorCatalogue[id][locale];
  return params ? text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? "")) : text;
}

export const notFound = () => new AppError("record.not_found");
export const conflict = () => new AppError("record.conflict");
export const denied = () => new AppError("access.denied");
export const invalidField = (field: string, key: ValidationKey) => new AppError("request.invalid", [{ field, key }]);

export function localeOf(request: FastifyRequest): Locale {
  const header = String(request.headers["accept-language"] ?? "");
  if (/^en\b/i.test(header)) return "en";
  if (/^zh\b/i.test(header) || header === "") return request.user?.locale === "en" && header === "" ? "en" : "zh-CN";
  return "zh-CN";
}

export function translateValidation(key: string, locale: Locale): string {
  const entry = validationMessages[key as ValidationKey];
  return entry ? entry[locale] : key;
}

interface IssueLike {
  keyword?: string;
  code?: string;
  path?: PropertyKey[];
  instancePath?: string;
  message: string;
  params?: Record<string, unknown>;
  keys?: string[];
  input?: unknown;
}

function keyForIssue(issue: IssueLike): ValidationKey {
  if (issue.message in validationMessages) return issue.message as ValidationKey;
  const code = issue.keyword ?? issue.code;
  const params = issue.params ?? (issue as unknown as Record<string, unknown>);
  switch (code) {
    case "invalid_type":
      return params.input === undefined ? "v.required" : "v.invalid_type";
    case "too_small":
      return params.origin === "number" ? "v.number_range" : params.minimum === 1 ? "v.required" : "v.too_short";
    case "too_big":
      return params.origin === "number" ? "v.number_range" : "v.too_long";
    case "unrecognized_keys":
      return "v.unknown_field";
    default:
      return "v.invalid_value";
  }
}

/** Zod issues (from the type provider or a service's own safeParse) as named fields in the caller's language. */
export function fieldsFromIssues(issues: IssueLike[], locale: Locale, prefix = ""): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path ? issue.path.map(String).join(".") : (issue.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
    const key = keyForIssue(issue);
    const params = issue.params ?? (issue as unknown as Record<string, unknown>);
    if (key === "v.unknown_field" && Array.isArray(params.keys)) {
      for (const k of params.keys as string[]) {
        out.push({ field: [prefix, path, k].filter(Boolean).join("."), message: translateValidation(key, locale) });
      }
      continue;
    }
    out.push({ field: [prefix, path].filter(Boolean).join(".") || "body", message: translateValidation(key, locale) });
  }
  return out;
}

export function parseOrFail<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ZodInputError(result.error.issues as unknown as IssueLike[]);
  return result.data;
}

export class ZodInputError extends Error {
  readonly issues: IssueLike[];
  constructor(issues: IssueLike[]) {
    super("invalid input");
    this.issues = issues;
  }
}

export function sendError(reply: FastifyReply, id: ErrorId, locale: Locale, fields?: FieldError[], params?: MessageParams) {
  const message = errorMessage(id, locale, params);
  return reply.code(errorCatalogue[id].status).send({ error: { id, message, ...(fields && fields.length > 0 ? { fields } : {}) } });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof AppError) {
      const fields = error.fields?.map((f) => ({
        field: f.field,
        // A business refusal naming a field without a rule of its own carries the refusal's message there.
        message: f.message ?? (f.key ? translateValidation(f.key, locale) : errorMessage(error.id, locale, error.params)),
      }));
      return sendError(reply, error.id, locale, fields, error.params);
    }
    if (error instanceof ZodInputError) {
      return sendError(reply, "request.invalid", locale, fieldsFromIssues(error.issues, locale));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext === "body" ? "" : (error.validationContext ?? "");
      const fields = fieldsFromIssues(error.validation as unknown as IssueLike[], locale, prefix);
      return sendError(reply, "request.invalid", locale, fields);
    }
    if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || (error instanceof SyntaxError && error.statusCode === 400)) {
      return sendError(reply, "request.malformed_json", locale);
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.code === "FST_REQ_FILE_TOO_LARGE") {
      return sendError(reply, "request.too_large", locale);
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || error.code === "FST_INVALID_MULTIPART_CONTENT_TYPE") {
      return sendError(reply, "request.unsupported_media_type", locale);
    }
    if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return sendError(reply, "request.malformed_json", locale);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, "request.invalid", locale);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendError(reply, "internal", locale);
  });
}
