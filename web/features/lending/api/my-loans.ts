import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { MyLoans } from "./types.ts";

/** The signed-in resident's or merchant's loans and what is on their station's shelf. */
export function getMyLoans(): Promise<MyLoans> {
  return api.get("/api/me/loans");
}

export function useMyLoans() {
  return useQuery({ queryKey: ["lending", "mine"], queryFn: getMyLoans });
}
