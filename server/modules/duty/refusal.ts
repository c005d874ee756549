// A refusal of the roster or the Red Shield post that names what it is about (the date, the desks, the bookings):
// an AppError whose catalogue message has {placeholders}, filled in the caller's language when it is answered.
import type { DutyErrorId } from "../../../contracts/errors-duty.ts";
import { AppError, type MessageParams } from "../../platform/errors.ts";

export const refuse = (id: DutyErrorId, params: MessageParams = {}, field?: string) =>
  new AppError(id, field ? [{ field }] : undefined, params);
