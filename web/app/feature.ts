// A feature's manifest: what a web/features/<feature>/feature.tsx declares so that the console's menu, its routes
// and the phone app's routes are built from the features found, not from lists kept by hand in app/.
// A new feature adds its own feature.tsx (and its locales, see i18n.ts) and touches no shared file.
import type { ComponentType, LazyExoticComponent, ReactNode } from "react";
import type { Action } from "../../contracts/access.ts";

/** A console section: one menu entry, opened for one action. */
export interface Section {
  key: string;
  path: string;
  action: Action;
  /** Sections shown together under one menu heading (e.g. 党建); the group's icon and label come from the layout. */
  group?: string;
  icon?: ReactNode;
  /** Place in the menu: sections are sorted by it across features. */
  order: number;
  /** The menu label's i18n key; `menu.<key>` in the common namespace when absent. */
  label?: string;
  /** Shown only to accounts reaching more than one station (the district's comparison). */
  severalStations?: boolean;
}

export interface ConsoleRoute {
  /** Path under the console's root, without the leading slash (`services/lending/:id`). */
  path: string;
  action: Action;
  page: LazyExoticComponent<ComponentType>;
  /** The breadcrumb's last entry on this page (a tab's name; an i18n key with its namespace); 详情 when absent. */
  crumb?: string;
}

export interface MobileRoute {
  /** Path under /m/, with the leading slash (`/volunteer/activities`). */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Pages anyone may open (a public board); others need a signed-in account. */
  public?: boolean;
}

/** A tile on the phone's home screen (its profile page) leading to one of the feature's phone pages. */
export interface MobileEntry {
  key: string;
  path: string;
  icon: ReactNode;
  /** Shown to accounts that hold this action; to everyone when absent. */
  action?: Action;
  /** The tile's i18n key (with its namespace, e.g. `volunteers:entry.activities`). */
  label: string;
  /**
   * A tile that counts something (services to confirm): the hook giving its badge, called with whether the account
   * holds the tile's action. The tile shows only while the hook says `show`.
   */
  useBadge?: (enabled: boolean) => { count?: number; show: boolean };
}

export interface ConsoleFeature {
  sections?: Section[];
  routes?: ConsoleRoute[];
  /** The feature's pages on the phone app (/m/). */
  mobileRoutes?: MobileRoute[];
  /** Its tiles on the phone's home screen, after the platform's own. */
  mobileEntries?: MobileEntry[];
}

const found = import.meta.glob<ConsoleFeature>("../features/*/feature.tsx", { eager: true, import: "feature" });

/** Every feature's manifest, keyed by its folder name. */
export const features: Record<string, ConsoleFeature> = Object.fromEntries(
  Object.entries(found).map(([path, feature]) => [/\/features\/([^/]+)\/feature\.tsx$/.exec(path)?.[1] ?? path, feature]),
);

/** The console's sections in menu order. */
export const allSections: Section[] = Object.values(features)
  .flatMap((f) => f.sections ?? [])
  .sort((a, b) => a.order - b.order);

export const allRoutes: ConsoleRoute[] = Object.values(features).flatMap((f) => f.routes ?? []);

export const allMobileRoutes: MobileRoute[] = Object.values(features).flatMap((f) => f.mobileRoutes ?? []);

export const allMobileEntries: MobileEntry[] = Object.values(features).flatMap((f) => f.mobileEntries ?? []);

const countingEntries = allMobileEntries.filter((e) => e.useBadge);

/** The features' counting tiles' badges by key; their hooks are called in the same order on every render. */
export function useMobileEntryBadges(has: (action: string) => boolean): Record<string, { count?: number; show: boolean }> {
  const out: Record<string, { count?: number; show: boolean }> = {};
  for (const e of countingEntries) {
    // A fixed list known at build time, so the hooks' order never changes.
    out[e.key] = (e.useBadge as NonNullable<MobileEntry["useBadge"]>)(!e.action || has(e.action));
  }
  return out;
}
