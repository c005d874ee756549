import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { figuresQuery, VolunteerFigureId, volunteerFiguresSchema } from "../../../../contracts/volunteer-figures.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type VolunteerFigures = z.infer<typeof volunteerFiguresSchema>;
export type FiguresQuery = Omit<z.input<typeof figuresQuery>, "figure" | "key">;

/** The figures of a scope and period, each with its citation. */
export function useVolunteerFigures(query: FiguresQuery) {
  return useQuery({
    queryKey: ["volunteers", "figures", query],
    queryFn: () => api.get<VolunteerFigures>("/api/volunteer-figures", query as Query),
    placeholderData: keepPreviousData,
  });
}

/** The records behind one figure's row (`key`), or behind the whole figure. */
export function useFigureDrill(query: FiguresQuery, drill: { figure: VolunteerFigureId; key?: string } | null) {
  return useQuery({
    queryKey: ["volunteers", "figures", "drill", query, drill],
    queryFn: () => api.get<VolunteerFigures>("/api/volunteer-figures", { ...query, ...drill } as Query),
    enabled: drill !== null,
  });
}
