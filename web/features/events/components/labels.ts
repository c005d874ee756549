// Colours of the module's kinds and statuses (the words are in the locales).
import type { BookingStatus, EventKind, EventStatus } from "../../../../contracts/events.ts";

export const kindColour: Record<EventKind, string> = {
  promotion: "volcano",
  performance: "magenta",
  publicity: "blue",
  environment: "green",
};
export const statusColour: Record<EventStatus, string> = {
  planned: "default",
  approved: "processing",
  held: "gold",
  reported: "success",
  cancelled: "error",
};
export const bookingColour: Record<BookingStatus, string> = { requested: "gold", approved: "green", refused: "red", cancelled: "default" };
