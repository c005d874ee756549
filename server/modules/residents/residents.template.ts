// The residents' import template: an example row and the drop-down lists of its yes/no columns.
import { EXAMPLE_NOTE, type SheetTemplate, sheetBoolValues } from "../../platform/sheets.ts";

export const residentTemplate: SheetTemplate = {
  example: {
    name: "李四（示例）",
    idNumber: "65020319900101123X",
    mobile: "13900000000",
    address: "天源社区1号楼2单元301",
    grid: "第一网格",
    isLiaisonHead: "否",
    livesAlone: "否",
    note: EXAMPLE_NOTE,
  },
  lists: { isLiaisonHead: sheetBoolValues, livesAlone: sheetBoolValues },
};
