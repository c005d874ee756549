// The needs list, the offers list and projects as pure state machines (需求清单 / 服务清单 / 项目):
// need open → matched (to an offer) → in_project (a project includes it) → closed; staff may close an open,
// matched or in-project need, and a cancelled project releases its needs;
// offer active ⇄ withdrawn; project planned → active → completed | cancelled, with progress and outcome
// figures recorded along the way. The service applies these inside a transaction.
import type { needStatuses, offerStatuses, projectStatuses } from "../../../contracts/lists.ts";

export type NeedStatus = (typeof needStatuses)[number];
export type OfferStatus = (typeof offerStatuses)[number];
export type ProjectStatus = (typeof projectStatuses)[number];

export type NeedEvent = "match" | "include" | "release" | "close";
export type ProjectEvent = "start" | "progress" | "outcomes" | "complete" | "cancel";
export type OfferEvent = "withdraw" | "reactivate";

type Step<S, R> = { ok: true; status: S } | { ok: false; refusal: R };

const needTransitions: Record<NeedStatus, Partial<Record<NeedEvent, NeedStatus | "released">>> = {
  open: { match: "matched", include: "in_project", close: "closed" },
  // Matching again replaces the offer (a better one turned up).
  matched: { match: "matched", include: "in_project", close: "closed" },
  in_project: { release: "released", close: "closed" },
  closed: {},
};

/**
 * The need's next status. `release` (its project was cancelled) sends it back to `matched` when it still has an
 * offer, else to `open`.
 */
export function nextNeedStatus(from: NeedStatus, event: NeedEvent, hasOffer = false): Step<NeedStatus, "need.transition"> {
  const to = needTransitions[from][event];
  if (!to) return { ok: false, refusal: "need.transition" };
  if (to === "released") return { ok: true, status: hasOffer ? "matched" : "open" };
  return { ok: true, status: to };
}

const offerTransitions: Record<OfferStatus, Partial<Record<OfferEvent, OfferStatus>>> = {
  active: { withdraw: "withdrawn" },
  withdrawn: { reactivate: "active" },
};

export function nextOfferStatus(from: OfferStatus, event: OfferEvent): Step<OfferStatus, "offer.transition"> {
  const to = offerTransitions[from][event];
  return to ? { ok: true, status: to } : { ok: false, refusal: "offer.transition" };
}

const projectTransitions: Record<ProjectStatus, Partial<Record<ProjectEvent, ProjectStatus>>> = {
  planned: { start: "active", cancel: "cancelled" },
  active: { progress: "active", outcomes: "active", complete: "completed", cancel: "cancelled" },
  // Figures keep arriving after the end (the last receipts of a consumption drive): outcomes may still be set.
  completed: { outcomes: "completed" },
  cancelled: {},
};

export function nextProjectStatus(from: ProjectStatus, event: ProjectEvent): Step<ProjectStatus, "project.transition"> {
  const to = projectTransitions[from][event];
  return to ? { ok: true, status: to } : { ok: false, refusal: "project.transition" };
}

/** The actions a project allows now, for the console's buttons. */
export function projectActions(from: ProjectStatus): ProjectEvent[] {
  return Object.keys(projectTransitions[from]) as ProjectEvent[];
}

/** Needs a project may take in: not closed, not already in a project. */
export function needJoinsProject(status: NeedStatus): boolean {
  return nextNeedStatus(status, "include").ok;
}
