import { useQuery } from "@tanstack/react-query";
import type { Project } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

export function getProject(id: number): Promise<Project> {
  return api.get(`/api/projects/${id}`);
}

export function useProject(id: number) {
  return useQuery({ queryKey: ["projects", "detail", id], queryFn: () => getProject(id), enabled: id > 0 });
}
