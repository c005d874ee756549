// Rows of the three lists as the API shows them; one place per record type.
import type { z } from "zod";
import type { fundingSourceSchema, Need, Offer, outcomeSchema, Project } from "../../../contracts/lists.ts";
import type { NeedRow, OfferRow, ProjectRow, ProjectUpdateRow } from "./lists.repository.ts";

type FundingSource = z.infer<typeof fundingSourceSchema>;
type Outcome = z.infer<typeof outcomeSchema>;

export function presentNeed(row: NeedRow): Need {
  return {
    id: row.id,
    stationId: row.station_id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    status: row.status,
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
    kind: row.kind,
    amountFen: row.amount_fen,
    status: row.status,
    createdAt: row.created_at,
    version: row.version,
  };
}

export interface ProjectParts {
  participants: { id: number; name: string }[];
  needs: { id: number; title: string }[];
  updates: { at: string; note: string; percent: number; actorName: string | null }[];
}

/** One progress update of a project. */
export function presentProjectUpdate(u: ProjectUpdateRow): ProjectParts["updates"][number] {
  return { at: u.at, note: u.note, percent: u.percent, actorName: u.actor_name };
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
    status: row.status,
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
