// The service record (志愿服务记录证明) as printed: an A4 page (more when the services run on) with what
// 《志愿服务记录与证明出具办法（试行）》 asks a record to show — the volunteer (name, volunteer number, teams), each
// service (date, time, place, content, hours), the totals, trainings and awards, the issuing station and account and
// the date — and a QR of the public check with the content's hash. Drawn from the stored content only, with the issue
// instant as the PDF's dates, so the same content always gives the same bytes.
import type { RecordContent } from "../../../contracts/volunteer-records.ts";
import { hoursOf } from "../../../contracts/volunteer-records.ts";
import { type PdfDoc, renderPdf } from "../../platform/pdf.ts";

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 50;
const WIDTH = PAGE_W - 2 * MARGIN;
const RED = "#b91c1c";
const INK = "#111111";
const GREY = "#555555";
const ROW_H = 20;

/** The service table's columns: 序号, 日期, 时间, 地点, 服务内容, 时长（小时）. */
const columns = [
  { header: "序号", width: 30, align: "center" as const },
  { header: "日期", width: 68, align: "left" as const },
  { header: "时间", width: 68, align: "left" as const },
  { header: "地点", width: 120, align: "left" as const },
  { header: "服务内容", width: 149.28, align: "left" as const },
  { header: "时长（小时）", width: 60, align: "right" as const },
];

const hoursText = (minutes: number) => hoursOf(minutes).toFixed(2);

function tableHeader(doc: PdfDoc, y: number): number {
  doc.save().rect(MARGIN, y, WIDTH, ROW_H).fill("#f3f0e8").restore();
  let x = MARGIN;
  doc.fillColor(INK).fontSize(9);
  for (const c of columns) {
    doc.text(c.header, x + 3, y + 5, { width: c.width - 6, align: c.align, lineBreak: false });
    x += c.width;
  }
  return y + ROW_H;
}

function rowLine(doc: PdfDoc, y: number) {
  doc
    .save()
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(0.4)
    .strokeColor("#cccccc")
    .stroke()
    .restore();
}

export async function renderRecordPdf(content: RecordContent, contentHash: string): Promise<Buffer> {
  const { default: QRCode } = await import("qrcode");
  const qr = await QRCode.toBuffer(content.checkUrl, { type: "png", margin: 1, width: 260, errorCorrectionLevel: "M" });
  const issued = new Date(content.issuedAt);
  const info = {
    Title: `志愿服务记录证明 ${content.number}`,
    Author: content.station.name,
    Subject: `${content.volunteer.realName} ${content.period.from} 至 ${content.period.to}`,
    Creator: "蒲公英 Dandelion",
    CreationDate: issued,
    ModDate: issued,
  };
  return renderPdf({ size: "A4", margin: MARGIN, info, bufferPages: true }, (doc) => {
    // Heading and number.
    doc.fillColor(RED).fontSize(22).text("志愿服务记录证明", MARGIN, 60, { width: WIDTH, align: "center" });
    doc.fillColor(GREY).fontSize(10).text(`证明编号：${content.number}`, MARGIN, 96, { width: WIDTH, align: "right" });

    // The statement.
    const hours = hoursText(content.totals.minutes);
    doc.fillColor(INK).fontSize(11);
    doc.text(
      `兹证明 ${content.volunteer.realName}（志愿者编号 ${content.volunteer.number}）于 ${content.period.from} 至 ${content.period.to} 期间，` +
        `在${content.station.name}参加志愿服务 ${content.totals.entries} 次，累计服务时长 ${hours} 小时。具体记录如下：`,
      MARGIN,
      122,
      { width: WIDTH, lineGap: 4 },
    );

    // Basic information.
    let y = doc.y + 10;
    doc.fontSize(10);
    const basics: [string, string][] = [
      ["姓名", content.volunteer.realName],
      ["志愿者编号", content.volunteer.number],
      ["所在服务队", content.volunteer.teams.join("、") || "—"],
      ["记录单位", content.station.name],
    ];
    for (const [label, value] of basics) {
      doc.fillColor(GREY).text(label, MARGIN, y, { width: 80, lineBreak: false });
      doc.fillColor(INK).text(value, MARGIN + 80, y, { width: WIDTH - 80 });
      y = Math.max(doc.y, y + 16) + 2;
    }

    // The services.
    y = tableHeader(doc, y + 8);
    content.entries.forEach((e, i) => {
      const cells = [
        String(i + 1),
        e.date,
        `${e.startTime}–${e.endTime}`,
        e.place,
        e.kind === "meal_delivery" ? `${e.title}：${e.content}` : `${e.title}\n${e.content}`,
        hoursText(e.minutes),
      ];
      doc.fontSize(8.5);
      const heights = cells.map((text, k) => doc.heightOfString(text, { width: columns[k].width - 6 }));
      const h = Math.max(ROW_H, Math.max(...heights) + 10);
      if (y + h > PAGE_H - MARGIN - 40) {
        doc.addPage();
        doc.font("noto");
        y = tableHeader(doc, MARGIN);
      }
      let x = MARGIN;
      doc.fillColor(INK).fontSize(8.5);
      cells.forEach((text, k) => {
        doc.text(text, x + 3, y + 5, { width: columns[k].width - 6, align: columns[k].align });
        x += columns[k].width;
      });
      y += h;
      rowLine(doc, y);
    });
    doc.fontSize(9.5).fillColor(INK);
    doc.text(`合计：${content.totals.entries} 次，${hours} 小时`, MARGIN, y + 6, { width: WIDTH, align: "right" });
    y = doc.y + 12;

    // Trainings, awards, the rule the hours follow.
    const block = 178;
    if (y + block > PAGE_H - MARGIN) {
      doc.addPage();
      doc.font("noto");
      y = MARGIN;
    }
    doc.fontSize(10).fillColor(INK);
    doc.text(`培训情况：${content.trainings.length ? content.trainings.join("；") : "无记录"}`, MARGIN, y, { width: WIDTH });
    doc.text(`表彰奖励：${content.awards.length ? content.awards.join("；") : "无记录"}`, MARGIN, doc.y + 4, { width: WIDTH });
    doc
      .fontSize(8)
      .fillColor(GREY)
      .text(
        "本证明依据《志愿服务记录与证明出具办法（试行）》，由记录志愿服务信息的服务站出具（谁记录、谁证明）；仅计入经组织者认证、公示期满且无异议的服务时长。" +
          "志愿者以志愿者编号标识，不载身份证件号码。",
        MARGIN,
        doc.y + 8,
        { width: WIDTH, lineGap: 2 },
      );

    // The issuer, and the QR of the public check.
    y = doc.y + 14;
    doc.image(qr, MARGIN, y, { width: 86 });
    doc.fontSize(7.5).fillColor(GREY);
    doc.text("扫码核验本证明", MARGIN + 96, y + 4, { width: 200 });
    doc.text(`内容摘要（SHA-256）：`, MARGIN + 96, y + 18, { width: 200 });
    doc.text(contentHash.slice(0, 32), MARGIN + 96, y + 30, { width: 200 });
    doc.text(contentHash.slice(32), MARGIN + 96, y + 41, { width: 200 });
    doc.fontSize(10).fillColor(INK);
    const right = MARGIN + WIDTH - 200;
    doc.text(`出具单位：${content.station.name}（盖章）`, right, y + 4, { width: 200, align: "right" });
    doc.text(`经办人：${content.issuedBy.name}`, right, y + 26, { width: 200, align: "right" });
    doc.text(`出具日期：${content.issuedOn}`, right, y + 48, { width: 200, align: "right" });

    // Every page carries the number and its place, so a page taken out or added shows.
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0; // the footer sits in the margin: no new page for it
      doc
        .fontSize(7.5)
        .fillColor(GREY)
        .text(`证明编号 ${content.number} · 第 ${i - start + 1} 页，共 ${count} 页`, MARGIN, PAGE_H - MARGIN + 16, {
          width: WIDTH,
          align: "center",
          lineBreak: false,
        });
    }
  });
}
