import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { volunteerListQuery } from "../../../../contracts/volunteers.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { Volunteer } from "./types.ts";

export type VolunteerListQuery = z.input<typeof volunteerListQuery>;

export function listVolunteers(query: VolunteerListQuery): Promise<Page<Volunteer>> {
  return api.get("/api/volunteers", query as Query);
}

export function useVolunteers(query: VolunteerListQuery) {
  return useQuery({ queryKey: ["volunteers", "list", query], queryFn: () => listVolunteers(query), placeholderData: keepPreviousData });
}
