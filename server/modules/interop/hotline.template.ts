// The 12345 work orders' import template: an example row (skipped while unchanged).
import type { SheetTemplate } from "../../platform/sheets.ts";

export const hotlineTemplate: SheetTemplate = {
  example: {
    orderNumber: "GD2026000000（示例）",
    category: "市容环境",
    title: "东门垃圾清运不及时",
    content: "示例行：原样保留时不导入，可改写或删除",
    address: "天源市场东门",
    callerName: "张先生",
    callerPhone: "13800000000",
    dispatchedAt: "2026-11-18 09:30",
    signOffHours: "2",
    replyBy: "2026-11-21 18:00",
  },
};
