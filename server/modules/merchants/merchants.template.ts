// The merchants' import template: an example row and the drop-down lists of its enumerated columns.
import { type MerchantCategory, merchantCategories, merchantCategorySheetNames } from "../../../contracts/merchants.ts";
import { creditCodeCheckCharacter } from "../../../contracts/validators.ts";
import { EXAMPLE_NOTE, type SheetTemplate, sheetBoolValues } from "../../platform/sheets.ts";

/** What the 经营类别 column takes: the Chinese names (the English keys are accepted too). */
export const categoryValues = merchantCategories.map((c: MerchantCategory) => merchantCategorySheetNames[c]);

const EXAMPLE_CODE = "92650203000000001";

export const merchantTemplate: SheetTemplate = {
  example: {
    name: "天源鲜果店（示例）",
    category: merchantCategorySheetNames.fruit_vegetable,
    operatorName: "张三",
    mobile: "13800000000",
    creditCode: EXAMPLE_CODE + creditCodeCheckCharacter(EXAMPLE_CODE),
    licenceValidFrom: "2025-01-01",
    licenceValidTo: "2030-12-31",
    isPartyMember: "否",
    note: EXAMPLE_NOTE,
  },
  lists: { category: categoryValues, isPartyMember: sheetBoolValues },
};
