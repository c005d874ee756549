// The caring scheme's figures in the dictionary (report §三 "Dandelion" caring shops and their discount cards for
// the month's civilised residents; §四 the caring restaurants' free meals). Cards issued and caring restaurants
// count as the scheme's figures page counts them (figures.service.ts).
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure } from "../figures/figure.ts";
import { CaringFiguresRepository } from "./caring.figures.repository.ts";

export function caringFigures(db: Kysely<DB>) {
  const repo = new CaringFiguresRepository(db);
  const shops = (restaurants: boolean) => async (q: { stationIds: number[]; toIso: string }) =>
    (await repo.certifiedShops(q.stationIds, q.toIso, restaurants ? "restaurant" : undefined)).map((s) => ({
      ref: `caring_shop:${s.id}`,
      stationId: s.station_id,
      date: stationDate(s.certified_at ?? s.created_at),
      label: s.name,
      key: s.category,
      link: `/caring/shops/${s.id}`,
    }));
  return [
    defineFigure({
      id: "caring.shops",
      module: "caring",
      part: 3,
      name: { "zh-CN": "“蒲公英”爱心商户", en: '"Dandelion" caring shops' },
      shortName: { en: "Caring shops" },
      definition: {
        "zh-CN": "期末经认定挂牌的爱心超市、爱心餐馆、爱心菜店数",
        en: "Caring supermarkets, restaurants and grocers certified at the end of the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "家", en: "shops" },
      aggregate: "count",
      period: "snapshot",
      records: shops(false),
    }),
    defineFigure({
      id: "caring.cards_issued",
      module: "caring",
      part: 3,
      name: { "zh-CN": "发放爱心优惠卡", en: "Discount cards issued" },
      shortName: { en: "Cards issued" },
      definition: { "zh-CN": "期间内发放的爱心优惠卡张数", en: "Caring discount cards issued in the period" },
      unit: "count",
      unitLabel: { "zh-CN": "张", en: "cards" },
      aggregate: "count",
      personal: true,
      records: async (q) =>
        (await repo.cardsIssued(q.stationIds, q.fromIso, q.toIso)).map((c) => ({
          ref: `discount_card:${c.id}`,
          stationId: c.station_id,
          date: stationDate(c.created_at),
          label: c.card_no,
          key: c.category,
          link: "/caring/cards",
        })),
    }),
    defineFigure({
      id: "caring.residents_awarded",
      module: "caring",
      part: 3,
      name: { "zh-CN": "评选文明居民、联户长", en: "Residents awarded" },
      definition: {
        "zh-CN": "期间内各月评选中当选的文明居民、联户长等人次",
        en: "Winners of the month's selections (civilised residents, household-liaison heads) in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "人次", en: "awards" },
      aggregate: "count",
      personal: true,
      records: async (q) =>
        (await repo.winners(q.stationIds, q.from.slice(0, 7), q.to.slice(0, 7))).map((w) => ({
          ref: `nomination:${w.id}`,
          stationId: w.station_id,
          date: `${w.month}-01`,
          label: `${w.month} ${w.name}`,
          key: w.category,
          link: `/caring/rounds/${w.round_id}`,
        })),
    }),
    defineFigure({
      id: "caring.meal_restaurants",
      module: "caring",
      part: 4,
      name: { "zh-CN": "爱心餐馆", en: "Caring restaurants" },
      definition: {
        "zh-CN": "期末经认定挂牌、为独居老人免费送餐的爱心餐馆数",
        en: "Caring restaurants certified at the end of the period (they deliver free meals to elderly people living alone)",
      },
      unit: "count",
      unitLabel: { "zh-CN": "家", en: "restaurants" },
      aggregate: "count",
      period: "snapshot",
      records: shops(true),
    }),
    defineFigure({
      id: "caring.meals_delivered",
      module: "caring",
      part: 4,
      name: { "zh-CN": "爱心送餐", en: "Meals delivered" },
      definition: {
        "zh-CN": "期间内爱心餐馆为独居老人送达的餐数",
        en: "Meals the caring restaurants delivered to elderly people living alone in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "份", en: "meals" },
      aggregate: "count",
      personal: true,
      records: async (q) =>
        (await repo.mealsDelivered(q.stationIds, q.from, q.to)).map((d) => ({
          ref: `meal_delivery:${d.id}`,
          stationId: d.station_id,
          date: d.date,
          label: `${d.shop_name} → #${d.recipient_id}`,
          key: d.shop_name,
          link: "/caring/meals",
        })),
    }),
  ];
}
