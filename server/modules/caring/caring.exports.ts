// 导出 of the caring lists (rounds, cards, shops, redemptions, meal recipients): each list's own query, all
// pages, masked as the list shows it.
import type { FastifyInstance } from "fastify";
import { cardListQuery, redemptionListQuery, roundListQuery, shopListQuery } from "../../../contracts/caring.ts";
import { listExportRoute, stationColumn, when, yuan } from "../../platform/list-export.ts";
import type { ModuleDeps } from "../module.ts";
import { recipientListQuery } from "./meals.service.ts";

const rate = (permille: number | null) => (permille === null ? "" : `${permille / 10}%`);

export async function caringExports(app: FastifyInstance, { services }: ModuleDeps) {
  const tags = ["caring"];
  listExportRoute(app, services.exports, {
    path: "/api/caring/rounds",
    access: "caring.read",
    tags,
    querystring: roundListQuery,
    name: "caring-rounds",
    title: "menu.caringRounds",
    list: (user, query) => services.caringRounds.list(user, query),
    columns: [
      { title: "caring:field.month", value: (r) => r.month },
      { title: "caring:field.category", value: (r, w) => w.l(`caring:category.${r.category}`) },
      { title: "caring:field.status", value: (r, w) => w.l(`caring:roundStatus.${r.status}`) },
      { title: "caring:field.nominations", value: (r) => r.nominations.length },
      { title: "caring:field.publicity", value: (r) => (r.publicityFrom ? `${r.publicityFrom} ~ ${r.publicityUntil ?? ""}` : "") },
      { title: "caring:field.createdAt", value: (r) => when(r.createdAt) },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/caring/cards",
    access: "caring.read",
    tags,
    querystring: cardListQuery,
    name: "caring-cards",
    title: "menu.caringCards",
    list: (user, query) => services.caringCards.list(user, query),
    columns: [
      { title: "caring:field.cardNo", value: (r) => r.cardNo },
      { title: "caring:field.holder", value: (r) => r.holderName },
      { title: "caring:field.category", value: (r, w) => w.l(`caring:category.${r.category}`) },
      { title: "caring:field.validity", value: (r) => `${r.validFrom} ~ ${r.validTo}` },
      { title: "caring:field.status", value: (r, w) => w.l(`caring:cardStatus.${r.status}`) },
      { title: "caring:field.monthlyCapFen", value: (r) => yuan(r.monthlyCapFen) },
      { title: "caring:field.monthlyCapUses", value: (r) => r.monthlyCapUses },
      { title: "caring:field.usedThisMonth", value: (r) => r.usedThisMonth.uses },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/caring/shops",
    access: "caring.read",
    tags,
    querystring: shopListQuery,
    name: "caring-shops",
    title: "menu.caringShops",
    list: (user, query) => services.caringShops.list(user, query),
    columns: [
      { title: "caring:field.merchant", value: (r) => r.merchantName },
      { title: "caring:field.shopCategory", value: (r, w) => w.l(`caring:shopCategory.${r.category}`) },
      { title: "caring:field.status", value: (r, w) => w.l(`caring:shopStatus.${r.status}`) },
      { title: "caring:field.rate", value: (r) => rate(r.discountRatePermille) },
      { title: "caring:field.plaqueDate", value: (r) => r.plaqueDate },
      { title: "caring:field.reviewDue", value: (r) => r.reviewDue },
      stationColumn(),
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/caring/redemptions",
    access: "caring.read",
    tags,
    querystring: redemptionListQuery,
    name: "caring-redemptions",
    title: "menu.caringRedemptions",
    list: (user, query) => services.caringRedemption.list(user, query),
    columns: [
      { title: "caring:field.time", value: (r) => when(r.createdAt) },
      { title: "caring:field.shop", value: (r) => r.shopName },
      { title: "caring:field.cardNo", value: (r) => r.cardNo },
      { title: "caring:field.holder", value: (r) => r.holderName },
      { title: "caring:field.category", value: (r, w) => w.l(`caring:category.${r.category}`) },
      { title: "caring:field.method", value: (r, w) => w.l(`caring:method.${r.method}`) },
      { title: "caring:field.amount", value: (r) => yuan(r.amountFen) },
      { title: "caring:field.rate", value: (r) => rate(r.discountRatePermille) },
      { title: "caring:field.discount", value: (r) => yuan(r.discountFen) },
      { title: "caring:field.pay", value: (r) => yuan(r.payFen) },
    ],
  });
  listExportRoute(app, services.exports, {
    path: "/api/caring/meals/recipients",
    access: "caring.read",
    tags,
    querystring: recipientListQuery,
    name: "meal-recipients",
    title: "menu.caringMeals",
    list: (user, query) => services.meals.recipients(user, query),
    columns: [
      { title: "caring:field.recipient", value: (r) => r.name },
      stationColumn(),
      { title: "caring:field.address", value: (r) => r.address },
      { title: "caring:field.restaurant", value: (r) => r.providerName },
      { title: "caring:field.weekdays", value: (r, w) => r.weekdays.map((d) => w.l(`caring:weekday.${d}`)).join("、") },
      { title: "caring:field.active", value: (r) => r.active },
    ],
  });
}
