// A refusal of the roster or the Red Shield post that names what it is about (the date, the desks, the bookings):
// the catalogue's message with its {placeholders} filled in the caller's language.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Locale } from "../../../contracts/errors.ts";
import { type DutyErrorId, dutyErrors } from "../../../contracts/errors-duty.ts";
import { localeOf } from "../../platform/errors.ts";

export type RefusalParams = Record<string, string | number>;

export class DutyRefusal extends Error {
  readonly id: DutyErrorId;
  readonly params: RefusalParams;
  readonly field: string | undefined;
  constructor(id: DutyErrorId, params: RefusalParams = {}, field?: string) {
    super(id);
    this.id = id;
    this.params = params;
    this.field = field;
  }

  get status(): number {
    return dutyErrors[this.id].status;
  }

  message_(locale: Locale): string {
    return formatRefusal(this.id, this.params, locale);
  }

  body(locale: Locale) {
    const message = this.message_(locale);
    return { error: { id: this.id, message, ...(this.field ? { fields: [{ field: this.field, message }] } : {}) } };
  }
}

export function formatRefusal(id: DutyErrorId, params: RefusalParams, locale: Locale): string {
  return dutyErrors[id][locale].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ""));
}

export const refuse = (id: DutyErrorId, params: RefusalParams = {}, field?: string) => new DutyRefusal(id, params, field);

/** Runs a route's work; a refusal is answered with its status and its message in the caller's language. */
export async function answering<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DutyRefusal) return reply.code(error.status).send(error.body(localeOf(request)));
    throw error;
  }
}
