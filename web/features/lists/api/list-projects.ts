import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { Project, projectListQuery } from "../../../../contracts/lists.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type ProjectListQuery = z.input<typeof projectListQuery>;

export function listProjects(query: ProjectListQuery): Promise<Page<Project>> {
  return api.get("/api/projects", query as Query);
}

export function useProjects(query: ProjectListQuery) {
  return useQuery({ queryKey: ["projects", "list", query], queryFn: () => listProjects(query), placeholderData: keepPreviousData });
}
