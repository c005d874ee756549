// Printable QR labels for lendable items: A4 sheets of 3 × 8 labels, each with a QR code of the item's code (what a
// scanner types into the lend/return desk), the code in text, the item's name and the station's name, set in
// Noto Sans SC so Chinese renders. pdfkit and qrcode are loaded on first use.
import { LABELS_PER_PAGE } from "../../../contracts/lending.ts";
import { renderPdf } from "../../platform/pdf.ts";

export interface Label {
  code: string;
  name: string;
  stationName: string;
}

const COLUMNS = 3;
const ROWS = LABELS_PER_PAGE / COLUMNS;
// A4 in points, with a margin a common label sheet leaves.
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 18;
const MARGIN_Y = 22;
const CELL_W = (PAGE_W - 2 * MARGIN_X) / COLUMNS;
const CELL_H = (PAGE_H - 2 * MARGIN_Y) / ROWS;

export async function renderLabelsPdf(labels: readonly Label[], title: string): Promise<Buffer> {
  const { default: QRCode } = await import("qrcode");
  const qrs = await Promise.all(
    labels.map((l) => QRCode.toBuffer(l.code, { type: "png", margin: 1, width: 200, errorCorrectionLevel: "M" })),
  );
  return renderPdf({ size: "A4", margin: 0, autoFirstPage: false, info: { Title: title } }, (doc) => {
    if (labels.length === 0) doc.addPage();
    labels.forEach((label, i) => {
      const slot = i % LABELS_PER_PAGE;
      if (slot === 0) {
        doc.addPage();
        doc.font("noto");
      }
      const x = MARGIN_X + (slot % COLUMNS) * CELL_W;
      const y = MARGIN_Y + Math.floor(slot / COLUMNS) * CELL_H;
      // A light cutting line around each label.
      doc
        .save()
        .lineWidth(0.4)
        .dash(2, { space: 2 })
        .strokeColor("#bbbbbb")
        .rect(x + 2, y + 2, CELL_W - 4, CELL_H - 4)
        .stroke()
        .restore();
      const qrSize = CELL_H - 22;
      doc.image(qrs[i], x + 8, y + 11, { width: qrSize, height: qrSize });
      const tx = x + 14 + qrSize;
      const tw = CELL_W - qrSize - 22;
      doc
        .fillColor("#b91c1c")
        .fontSize(7)
        .text("蒲公英 · 便民物品", tx, y + 14, { width: tw, lineBreak: false });
      doc
        .fillColor("#111111")
        .fontSize(11)
        .text(label.code, tx, y + 28, { width: tw, lineBreak: false });
      doc.fontSize(10).text(label.name, tx, y + 46, { width: tw, height: 14, ellipsis: true });
      doc
        .fillColor("#555555")
        .fontSize(6.5)
        .text(label.stationName, tx, y + 66, { width: tw, height: 18, ellipsis: true });
    });
  });
}
