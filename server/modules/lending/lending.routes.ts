import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, pageOf } from "../../../contracts/common.ts";
import {
  borrowerQuery,
  borrowerSchema,
  itemActionSchema,
  itemCreateSchema,
  itemListQuery,
  itemUpdateSchema,
  labelsQuery,
  lendItemSchema,
  lendingSummarySchema,
  lendSchema,
  loanCloseSchema,
  loanListQuery,
  loanSchema,
  lookupQuery,
  myLoansSchema,
  remindResultSchema,
  returnSchema,
} from "../../../contracts/lending.ts";
import { actorOf, requireUser } from "../../platform/auth.ts";
import { sendXlsx } from "../../platform/http.ts";
import { counted } from "../../platform/list-export.ts";
import { writeSheet } from "../../platform/sheets.ts";
import type { Services } from "../../services.ts";
import { loanExportColumns } from "./lending.presenter.ts";

// Lendable items and their loans.
export async function lendingRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const service = services.lending;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["lending"];
  const stationQuery = z.object({ stationId: z.coerce.number().int().positive().optional() });

  r.get(
    "/api/lending/items",
    {
      config: { access: "lending.read" },
      schema: {
        tags,
        summary: "The inventory: umbrellas, bikes, fair scales and other items with their status and open loan",
        querystring: itemListQuery,
        response: { 200: pageOf(lendItemSchema) },
      },
    },
    async (request) => service.list(requireUser(request), request.query),
  );

  r.get(
    "/api/lending/items/:id",
    {
      config: { access: "lending.read" },
      schema: { tags, summary: "One item with its open loan", params: idParams, response: { 200: lendItemSchema } },
    },
    async (request) => service.get(requireUser(request), request.params.id),
  );

  r.get(
    "/api/lending/lookup",
    {
      config: { access: "lending.read" },
      schema: {
        tags,
        summary: "The item a scanned label names (its code, as the scanner types it)",
        querystring: lookupQuery,
        response: { 200: lendItemSchema },
      },
    },
    async (request) => service.lookup(requireUser(request), request.query.code),
  );

  r.get(
    "/api/lending/summary",
    {
      config: { access: "lending.read" },
      schema: {
        tags,
        summary: "Items per kind and status, and the loans overdue now",
        querystring: stationQuery,
        response: { 200: lendingSummarySchema },
      },
    },
    async (request) => service.summary(requireUser(request), request.query.stationId),
  );

  r.post(
    "/api/lending/items",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Add one item or a batch of a kind; codes are the station's next ones (TY-SAN-0041 …)",
        body: itemCreateSchema,
        response: { 201: z.array(lendItemSchema) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createItems(requireUser(request), request.body, actorOf(request))),
  );

  r.patch(
    "/api/lending/items/:id",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Rename an item, change its loan days or note",
        params: idParams,
        body: itemUpdateSchema,
        response: { 200: lendItemSchema },
      },
    },
    async (request) => service.updateItem(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.post(
    "/api/lending/items/:id/actions",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "On the shelf: found damaged, repaired, found again, retired",
        params: idParams,
        body: itemActionSchema,
        response: { 200: lendItemSchema },
      },
    },
    async (request) => service.itemAction(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/lending/labels.pdf",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Printable QR labels (A4, 3 × 8) for the items asked for or every item of a kind",
        querystring: labelsQuery,
      },
    },
    async (request, reply) => {
      const { pdf } = await service.labelsPdf(requireUser(request), request.query);
      return reply.type("application/pdf").header("content-disposition", `inline; filename="lending-labels.pdf"`).send(pdf);
    },
  );

  r.get(
    "/api/lending/borrowers",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Residents and merchants of the station to lend to, by name",
        querystring: borrowerQuery,
        response: { 200: z.array(borrowerSchema) },
      },
    },
    async (request) => service.borrowers(requireUser(request), request.query),
  );

  r.post(
    "/api/lending/loans",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Lend the scanned item to a resident or merchant; an item is never lent twice at once (409)",
        body: lendSchema,
        response: { 201: loanSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.lend(requireUser(request), request.body, actorOf(request))),
  );

  r.post(
    "/api/lending/returns",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Return the scanned item; an item that is not lent is refused (409) and nothing is written",
        body: returnSchema,
        response: { 200: loanSchema },
      },
    },
    async (request) => service.returnByCode(requireUser(request), request.body, actorOf(request)),
  );

  r.post(
    "/api/lending/loans/:id/close",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Close an open loan as returned, or with the item lost or damaged",
        params: idParams,
        body: loanCloseSchema,
        response: { 200: loanSchema },
      },
    },
    async (request) => service.closeLoanById(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  r.get(
    "/api/lending/loans",
    {
      config: { access: "lending.read" },
      schema: {
        tags,
        summary: "Loans: open, overdue or closed, by kind and borrower",
        querystring: loanListQuery,
        response: { 200: pageOf(loanSchema) },
      },
    },
    async (request) => service.loans(requireUser(request), request.query),
  );

  r.get(
    "/api/lending/loans/export",
    {
      config: { access: "lending.read" },
      schema: { tags, summary: "Export the loans of the current filter as xlsx", querystring: loanListQuery },
    },
    async (request, reply) => {
      const rows = counted(service.exportRows(requireUser(request), request.query));
      const data = await writeSheet("借用记录", loanExportColumns, rows.rows);
      await services.exports.record(requireUser(request), actorOf(request), "loans", request.query, rows.count());
      return sendXlsx(reply, data, "loans.xlsx");
    },
  );

  r.post(
    "/api/lending/overdue/remind",
    {
      config: { access: "lending.manage" },
      schema: {
        tags,
        summary: "Remind the borrowers of overdue loans now (each loan once) and list them to the staff",
        response: { 200: remindResultSchema },
      },
    },
    async (request) => services.lending.remindNow({ stationIds: requireUser(request).stationIds, actor: actorOf(request) }),
  );

  r.get(
    "/api/me/loans",
    {
      config: { access: "self.read" },
      schema: {
        tags,
        summary: "The signed-in resident's or merchant's loans, and umbrellas and bikes available at their station",
        response: { 200: myLoansSchema },
      },
    },
    async (request) => service.mine(requireUser(request)),
  );
}
