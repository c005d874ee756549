// A refusal by the member-development rules as a platform error: the catalogue's development.* message with the
// rule's text (in both languages) and its source filled in, naming the field it is about.
import type { PartyErrorId } from "../../../contracts/errors-party.ts";
import { AppError } from "../../platform/errors.ts";
import type { Refusal, RefusalKind } from "./development.evaluate.ts";

const errorIds: Record<RefusalKind, PartyErrorId> = {
  rule: "development.rule",
  out_of_order: "development.out_of_order",
  already_recorded: "development.already_recorded",
  closed: "development.closed",
};

export function refusalError(refusal: Refusal, field: string = refusal.field): AppError {
  return new AppError(errorIds[refusal.kind], [{ field }], {
    rule_zh: refusal.message["zh-CN"],
    rule_en: refusal.message.en,
    source: refusal.source,
  });
}
