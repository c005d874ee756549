import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { PioneerPost } from "./types.ts";

export function listPioneerPosts(): Promise<PioneerPost[]> {
  return api.get("/api/party/pioneer-posts");
}

export function usePioneerPosts() {
  return useQuery({ queryKey: ["party", "pioneer-posts"], queryFn: listPioneerPosts });
}
