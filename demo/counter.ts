// The station counter at Tianyuan (issue 4): the 32-item catalogue, a year of requests and their ratings.
import type { StationServicesContext } from "./station-services.ts";

export async function loadCounter(_ctx: StationServicesContext): Promise<Record<string, number>> {
  return {};
}
