import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { ScaleFigures } from "./types.ts";

export function getScaleFigures(): Promise<ScaleFigures> {
  return api.get("/api/fair-scale/figures");
}

export function useScaleFigures() {
  return useQuery({ queryKey: ["fair-scale", "figures"], queryFn: getScaleFigures });
}
