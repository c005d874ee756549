// The night market's shapes on the web, from the contracts.
import type { z } from "zod";
import type {
  allocationResultSchema,
  applicationSchema,
  boardSchema,
  figuresSchema,
  incidentSchema,
  jobSchema,
  myNightMarketSchema,
  nightReportSchema,
  offerSchema,
  pitchNightSchema,
  pitchSchema,
  seasonSchema,
  tonightSchema,
} from "../../../../contracts/night-market.ts";

export type Season = z.infer<typeof seasonSchema>;
export type Pitch = z.infer<typeof pitchSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type AllocationResult = z.infer<typeof allocationResultSchema>;
export type Board = z.infer<typeof boardSchema>;
export type PitchNight = z.infer<typeof pitchNightSchema>;
export type Offer = z.infer<typeof offerSchema>;
export type NightReport = z.infer<typeof nightReportSchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type Job = z.infer<typeof jobSchema>;
export type Figures = z.infer<typeof figuresSchema>;
export type MyNightMarket = z.infer<typeof myNightMarketSchema>;
export type Tonight = z.infer<typeof tonightSchema>;
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
