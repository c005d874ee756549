// Error ids of lendable items and the fair scale; spread into the catalogue in errors.ts.
export const lendingErrors = {
  "lend.unknown_code": {
    status: 404,
    "zh-CN": "没有找到该编码的物品，请核对标签",
    en: "No item has this code; check the label",
  },
  "lend.not_available": {
    status: 409,
    "zh-CN": "该物品当前不在架上，不能借出：同一物品不能同时借给两人",
    en: "This item is not on the shelf and cannot be lent: an item is never lent twice at once",
  },
  "lend.not_lent": {
    status: 409,
    "zh-CN": "该物品没有借出，无需归还",
    en: "This item is not lent out, so it cannot be returned",
  },
  "lend.item_transition": {
    status: 409,
    "zh-CN": "物品当前状态不允许该操作",
    en: "The item's current status does not allow this step",
  },
  "lend.bad_borrower": {
    status: 400,
    "zh-CN": "借用人须是本站登记的居民或商户",
    en: "The borrower must be a resident or merchant registered at the station",
  },
  "lend.name_required": {
    status: 400,
    "zh-CN": "“其他”类物品须填写名称",
    en: "Items of the kind “other” need a name",
  },
  "lend.codes_busy": {
    status: 409,
    "zh-CN": "编码正被同时分配，请稍后重试",
    en: "Codes are being assigned at the same moment; try again",
  },
  "reweigh.bad_stall": {
    status: 400,
    "zh-CN": "请选择本站有经营商户的摊位",
    en: "Choose a stall of the station that has a merchant",
  },
  "reweigh.own_stall": {
    status: 409,
    "zh-CN": "商户不能为自己的摊位登记复秤",
    en: "A merchant cannot record a re-weigh at their own stall",
  },
  "reweigh.bad_scale": {
    status: 400,
    "zh-CN": "所选公平秤不属于本站",
    en: "The chosen fair scale does not belong to the station",
  },
} as const satisfies Record<string, { status: number; "zh-CN": string; en: string }>;
