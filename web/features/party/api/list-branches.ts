import { useQuery } from "@tanstack/react-query";
import type { Branch } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export function listBranches(): Promise<Branch[]> {
  return api.get("/api/party/branches");
}

export function useBranches() {
  return useQuery({ queryKey: ["party", "branches"], queryFn: listBranches, staleTime: 60_000 });
}
