import type { Action } from "../../contracts/access.ts";

/** Console sections: each opens for one action; the menu shows the ones the account may open. */
export interface Section {
  key: string;
  path: string;
  action: Action;
  /** Sections shown together under one menu heading (e.g. 党建). */
  group?: "party" | "caring" | "station";
}

export const sections: Section[] = [
  { key: "home", path: "/", action: "home.read" },
  { key: "merchants", path: "/merchants", action: "merchant.read" },
  { key: "stalls", path: "/stalls", action: "stall.read" },
  { key: "residents", path: "/residents", action: "resident.read" },
  { key: "problems", path: "/problems", action: "problem.read" },
  { key: "problemCategories", path: "/problem-categories", action: "category.manage" },
  { key: "needs", path: "/needs", action: "need.read" },
  { key: "offers", path: "/offers", action: "offer.read" },
  { key: "projects", path: "/projects", action: "project.read" },
  { key: "meetings", path: "/meetings", action: "meeting.read" },
  { key: "actionItems", path: "/action-items", action: "meeting.read" },
  { key: "scorecard", path: "/scorecard", action: "scorecard.read" },
  { key: "partyMembers", path: "/party/members", action: "party.read", group: "party" },
  { key: "development", path: "/party/development", action: "development.read", group: "party" },
  { key: "funnel", path: "/party/funnel", action: "development.read", group: "party" },
  { key: "branchLife", path: "/party/branch-life", action: "party.read", group: "party" },
  { key: "pioneers", path: "/party/pioneers", action: "party.read", group: "party" },
  { key: "caringRounds", path: "/caring/rounds", action: "caring.read", group: "caring" },
  { key: "caringCards", path: "/caring/cards", action: "caring.read", group: "caring" },
  { key: "caringShops", path: "/caring/shops", action: "caring.read", group: "caring" },
  { key: "caringRedemptions", path: "/caring/redemptions", action: "caring.read", group: "caring" },
  { key: "caringMeals", path: "/caring/meals", action: "caring.read", group: "caring" },
  { key: "caringFigures", path: "/caring/figures", action: "caring.read", group: "caring" },
  { key: "serviceCounter", path: "/services/counter", action: "service.handle", group: "station" },
  { key: "serviceRequests", path: "/services/requests", action: "service.handle", group: "station" },
  { key: "serviceCatalogue", path: "/services/catalogue", action: "service.read", group: "station" },
  { key: "dutyRoster", path: "/services/roster", action: "duty.read", group: "station" },
  { key: "redShield", path: "/services/red-shield", action: "redshield.read", group: "station" },
  { key: "lending", path: "/services/lending", action: "lending.read", group: "station" },
  { key: "fairScale", path: "/services/fair-scale", action: "scale.read", group: "station" },
  { key: "allianceUnits", path: "/alliance-units", action: "unit.read" },
  { key: "users", path: "/users", action: "user.read" },
  { key: "audit", path: "/audit", action: "audit.read" },
];

export function sectionFor(pathname: string): Section | undefined {
  if (pathname === "/") return sections[0];
  return sections.find((s) => s.path !== "/" && (pathname === s.path || pathname.startsWith(`${s.path}/`)));
}

/** Where to land after sign-in: the wanted page, else the first section the account may open. */
export function landingPath(actions: readonly string[]): string {
  return sections.find((s) => actions.includes(s.action))?.path ?? "/403";
}
