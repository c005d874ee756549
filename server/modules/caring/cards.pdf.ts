// The printed card for holders without a smartphone: an A6 page with the station, holder, card number,
// validity, category and a QR code of `DCARD:<card_no>`, set in Noto Sans SC so Chinese renders.
import type { AwardCategory } from "../../../contracts/caring.ts";
import { renderPdf } from "../../platform/pdf.ts";

export const categoryNames: Record<AwardCategory, string> = {
  civilised_resident: "文明居民",
  liaison_head: "优秀联户长",
  red_cell_member: "优秀红细胞成员",
};

/** The same names in English (for English readers' notices). */
export const categoryNamesEn: Record<AwardCategory, string> = {
  civilised_resident: "Civilised resident",
  liaison_head: "Outstanding liaison head",
  red_cell_member: "Outstanding red-cell member",
};

export interface PrintedCard {
  stationName: string;
  holderName: string;
  cardNo: string;
  category: AwardCategory;
  validFrom: string;
  validTo: string;
}

export async function renderCardPdf(card: PrintedCard): Promise<Buffer> {
  // qrcode is loaded on first use (as pdfkit is): few processes ever print a card.
  const { default: QRCode } = await import("qrcode");
  const qr = await QRCode.toBuffer(`DCARD:${card.cardNo}`, { type: "png", margin: 1, width: 240, errorCorrectionLevel: "M" });
  return renderPdf({ size: "A6", layout: "landscape", margin: 18, info: { Title: `蒲公英爱心优惠卡 ${card.cardNo}` } }, (doc) => {
    doc.fontSize(15).fillColor("#b45309").text("蒲公英爱心联盟 · 优惠卡", 18, 18);
    doc.fontSize(9).fillColor("#444").text(card.stationName, 18, 40);
    doc.fillColor("#111").fontSize(12);
    doc.text(`持卡人：${card.holderName}`, 18, 70);
    doc.text(`卡号：${card.cardNo}`, 18, 92);
    doc.text(`类别：${categoryNames[card.category]}`, 18, 114);
    doc.text(`有效期：${card.validFrom} 至 ${card.validTo}`, 18, 136);
    doc.fontSize(8).fillColor("#555").text("在认证爱心店铺出示本卡，并告知密码或预留手机号后四位。", 18, 170, { width: 240 });
    doc.image(qr, 290, 60, { width: 110 });
    doc.fontSize(7).fillColor("#555").text(`DCARD:${card.cardNo}`, 290, 174, { width: 110, align: "center" });
  });
}
