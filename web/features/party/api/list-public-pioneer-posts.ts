import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { PioneerPost } from "./types.ts";

/** The posts shown on the station's mobile page; open without signing in. */
export function listPublicPioneerPosts(stationId?: number): Promise<PioneerPost[]> {
  return api.get("/api/public/pioneer-posts", { stationId });
}

export function usePublicPioneerPosts(stationId?: number) {
  return useQuery({ queryKey: ["public", "pioneer-posts", stationId ?? null], queryFn: () => listPublicPioneerPosts(stationId) });
}
