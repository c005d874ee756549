import type { ItemStatus } from "../../../../contracts/lending.ts";

export const itemStatusColour: Record<ItemStatus, string> = {
  available: "green",
  lent: "blue",
  lost: "volcano",
  damaged: "orange",
  retired: "default",
};

export const loanStatusColour: Record<string, string> = {
  out: "blue",
  overdue: "red",
  returned: "green",
  lost: "volcano",
  damaged: "orange",
};
