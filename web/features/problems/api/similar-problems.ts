import type { Problem } from "../../../../contracts/problems.ts";
import { api } from "../../../app/api-client.ts";

export interface SimilarQuery {
  stallId?: number | null;
  place?: string | null;
  categoryCode?: string;
  title?: string;
}

/** Open problems at the same stall or place, shown before a new report is filed. */
export function findSimilarProblems(query: SimilarQuery): Promise<Problem[]> {
  return api.get("/api/problems/similar", {
    stallId: query.stallId ?? undefined,
    place: query.place ?? undefined,
    categoryCode: query.categoryCode,
    title: query.title,
  });
}
