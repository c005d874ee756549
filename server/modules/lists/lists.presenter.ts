// Rows of the three lists as the API shows them; one place per record type.
import type { z } from "zod";
import type { fundingSourceSchema, Need, Offer, outcomeSchema, Project } from "../../../contracts/lists.ts";
import type { NeedRow, OfferRow, ProjectRow } from "./lists.repository.ts";
import type { NeedStatus, OfferStatus, ProjectStatus } from "./lists.workflow.ts";

type FundingSource = z.infer<typeof fundingSourceSchema>;
type Outcome = z.infer<typeof outcomeSchema>;

export function presentNeed(row: NeedRow): Need {
  return {
    id: row.id,
    stationId: row.station_id,
    title: row.title,
    description: row.description,
    kind: row.kind as Need["kind"],
    status: row.status as NeedStatus,
    raisedBy: row.raised_by_name,
    offerId: row.offer_id,
    offerTitle: row.offer_title ?? null,
    projectId: row.project_id,
    createdAt: row.created_at,
    version: row.version,
  };
}

export function presentOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    stationId: row.station_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    description: row.description,
    kind: row.kind as Offer["kind"],
    amountFen: row.amount_fen,
    status: row.status as OfferStatus,
    createdAt: row.created_at,
    version: row.version,
  };
}

export interface ProjectParts {
  participants: { id: number; name: string }[];
  needs: { id: number; title: string }[];
  updates: { at: string; note: string; percent: number; actorName: string | null }[];
}

export function presentProject(row: ProjectRow, parts: ProjectParts): Project {
  return {
    id: row.id,
    stationId: row.station_id,
    name: row.name,
    description: row.description,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    participants: parts.participants,
    budgetFen: row.budget_fen,
    fundingSources: JSON.parse(row.funding_json) as FundingSource[],
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status as ProjectStatus,
    percent: row.percent,
    outcomes: JSON.parse(row.outcomes_json) as Outcome[],
    needs: parts.needs,
    updates: parts.updates,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** What the audit log keeps of a project: the presented record without its progress history. */
export function projectAuditView(p: Project) {
  const { updates: _u, createdAt: _c, ...rest } = p;
  return rest;
}
