// 导出 of the economy's lists for audit: relief applications (the list's own filters, all pages) and the ledger's
// expenditures with the allocation and source each was drawn from.
import type { FastifyInstance } from "fastify";
import { expenditureListQuery, reliefListQuery } from "../../../contracts/economy.ts";
import { listExportRoute, stationColumn, when, yuan } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";

export async function economyExports(app: FastifyInstance, { services }: ModuleDeps) {
  const economy = services.economy;
  listExportRoute(app, services.exports, {
    path: "/api/relief-applications",
    access: "economy.read",
    tags: ["economy"],
    querystring: reliefListQuery,
    name: "relief-applications",
    title: "economy:menu.relief",
    list: (user, query) => economy.relief.reliefs(user, query),
    columns: [
      { title: "economy:field.merchant", value: (r) => r.merchantName },
      { title: "economy:field.policy", value: (r) => r.policyTitle },
      { title: "economy:field.status", value: (r, w) => w.l(`economy:reliefStatus.${r.status}`) },
      { title: "economy:field.requested", value: (r) => yuan(r.requestedFen) },
      { title: "economy:field.approved", value: (r) => yuan(r.approvedFen) },
      { title: "economy:field.disbursed", value: (r) => yuan(r.disbursedFen) },
      { title: "economy:field.disbursedOn", value: (r) => r.disbursedOn },
      { title: "economy:field.payer", value: (r) => r.payer },
      { title: "economy:field.principal", value: (r) => yuan(r.loan?.principalFen) },
      { title: "economy:field.subsidy", value: (r) => yuan(r.loan?.subsidyFen) },
      { title: "economy:field.appliedAt", value: (r) => when(r.appliedAt) },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/funding-expenditures",
    access: "economy.read",
    tags: ["funding"],
    querystring: expenditureListQuery,
    name: "funding-expenditures",
    title: "economy:menu.ledger",
    list: async (user, query) => {
      const page = await economy.ledger.expenditures(user, query);
      const allocations = new Map((await economy.ledger.allocations(user, { stationId: query.stationId })).map((a) => [a.id, a]));
      return { ...page, items: page.items.map((e) => ({ ...e, allocation: allocations.get(e.allocationId) ?? null })) };
    },
    columns: [
      { title: "economy:field.spentOn", value: (r) => r.spentOn },
      { title: "economy:field.source", value: (r) => r.allocation?.sourceName ?? "" },
      { title: "economy:field.target", value: (r) => r.allocation?.projectName ?? r.allocation?.activity ?? "" },
      { title: "economy:field.payee", value: (r) => r.payee },
      { title: "economy:field.purpose", value: (r) => r.purpose },
      { title: "economy:field.amount", value: (r) => yuan(r.amountFen) },
      { title: "economy:field.expenditureStatus", value: (r, w) => w.l(`economy:expenditureStatus.${r.status}`) },
      { title: "economy:field.receipts", value: (r) => r.receiptIds.length },
      { title: "economy:field.decidedAt", value: (r) => when(r.decidedAt) },
    ],
  });
}
