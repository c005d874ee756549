// The duty roster and the Red Shield post at Tianyuan (issue 4).
import type { StationServicesContext } from "./station-services.ts";

export async function loadDuty(_ctx: StationServicesContext): Promise<Record<string, number>> {
  return {};
}
