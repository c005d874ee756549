import { accessMap, type Role } from "../../contracts/access.ts";
import { allRoutes, allSections, type Section } from "./feature.ts";

export type { Section };

/** Console sections in menu order, from the features' manifests (each web/features/<feature>/feature.tsx). */
export const sections: Section[] = allSections;

export function sectionFor(pathname: string): Section | undefined {
  if (pathname === "/") return sections[0];
  return sections.find((s) => s.path !== "/" && (pathname === s.path || pathname.startsWith(`${s.path}/`)));
}

/** The breadcrumb a page below its section names itself by (its route's `crumb`), if its route gives one. */
export function crumbFor(pathname: string): string | undefined {
  return allRoutes.find((r) => r.crumb && `/${r.path}` === pathname)?.crumb;
}

/** Where to land after sign-in: the wanted page, else the first section the account may open. */
export function landingPath(actions: readonly string[]): string {
  return sections.find((s) => actions.includes(s.action))?.path ?? "/403";
}

/** Merchants, residents and volunteers have no console: their app is the phone's (/m/). */
export function usesConsole(role: Role): boolean {
  return accessMap[role].console;
}

/** Sends an account without a console to the phone app (a full load: /m/ is another app). */
export function sendToPhone(): void {
  window.location.replace("/m/");
}
