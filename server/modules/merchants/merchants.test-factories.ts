// Merchants a test makes for itself, through the API: each gets a fresh credit code and mobile, so a suite can
// make as many as it needs and find them again by the name it gave them.
import type { Merchant, MerchantCategory } from "../../../contracts/merchants.ts";
import { makeCreditCode } from "../../../demo/identifiers.ts";
import type { Session, TestApp } from "../../test/helpers.ts";

let serial = 0;

export async function createMerchant(
  t: TestApp,
  as: Session,
  fields: { name: string; category?: MerchantCategory; isPartyMember?: boolean; stationId?: number; operatorName?: string },
): Promise<Merchant> {
  serial += 1;
  const n = 660_000 + serial;
  const res = await t.as(as, {
    method: "POST",
    url: "/api/merchants",
    payload: {
      category: "other",
      operatorName: "测试经营者",
      mobile: `1376${String(n).padStart(7, "0")}`,
      creditCode: makeCreditCode(n),
      ...fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(`createMerchant ${fields.name}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Several merchants at once, named `${prefix}${i}` (1-based). */
export async function createMerchants(
  t: TestApp,
  as: Session,
  prefix: string,
  count: number,
  fields: { category?: MerchantCategory } = {},
) {
  const out: Merchant[] = [];
  for (let i = 1; i <= count; i++) out.push(await createMerchant(t, as, { name: `${prefix}${i}`, ...fields }));
  return out;
}
