import { allSections, type Section } from "./feature.ts";

export type { Section };

/** Console sections in menu order, from the features' manifests (each web/features/<feature>/feature.tsx). */
export const sections: Section[] = allSections;

export function sectionFor(pathname: string): Section | undefined {
  if (pathname === "/") return sections[0];
  return sections.find((s) => s.path !== "/" && (pathname === s.path || pathname.startsWith(`${s.path}/`)));
}

/** Where to land after sign-in: the wanted page, else the first section the account may open. */
export function landingPath(actions: readonly string[]): string {
  return sections.find((s) => actions.includes(s.action))?.path ?? "/403";
}
