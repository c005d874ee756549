// Lendable items, their loans and the fair scale's re-weighs at Tianyuan (issue 4).
import type { StationServicesContext } from "./station-services.ts";

export async function loadLending(_ctx: StationServicesContext): Promise<Record<string, number>> {
  return {};
}
