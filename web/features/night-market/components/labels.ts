import type { PitchKind } from "../../../../contracts/night-market.ts";

export const kindColour: Record<PitchKind, string> = { food: "#ad2102", goods: "#0958d9", games: "#3f6600" };
export const seasonColour = { draft: "default", open: "processing", allocated: "success", closed: "default" } as const;
export const applicationColour = { submitted: "gold", approved: "green", rejected: "red", withdrawn: "default" } as const;
/** The same on the phone (antd-mobile's tag colours). */
export const applicationMobileColour = { submitted: "warning", approved: "success", rejected: "danger", withdrawn: "default" } as const;
export const pitchNightColour = { allocated: "orange", checked_in: "green", released: "default" } as const;
