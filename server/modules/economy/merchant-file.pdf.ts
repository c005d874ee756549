// The merchant file printed (一户一档): an A4 document with one section per part of the file, in Chinese, with the
// printing instant as the PDF's dates (the same file printed at the same instant gives the same bytes).
import { stationDate } from "../../../contracts/calendar.ts";
import type { MerchantFile } from "../../../contracts/economy.ts";
import { label } from "../../platform/labels.ts";
import { type PdfDoc, renderPdf } from "../../platform/pdf.ts";
import { yuan } from "./economy.workflow.ts";

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;
const RED = "#b91c1c";
const GREY = "#555555";

const statusWords: Record<string, string> = { open: "在营", suspended: "暂停营业", closed: "已关闭" };
const reliefWords: Record<string, string> = {
  applied: "已申请",
  reviewed: "已初审",
  approved: "已核准",
  disbursed: "已拨付",
  closed: "已办结",
  rejected: "未通过",
  withdrawn: "已撤回",
};

function section(doc: PdfDoc, title: string, lines: string[], empty = "无记录") {
  if (doc.y > 740) doc.addPage();
  doc.moveDown(0.6).fillColor(RED).fontSize(12).text(title, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.2).fillColor("#111111").fontSize(9.5);
  for (const line of lines.length ? lines : [empty]) {
    if (doc.y > 790) doc.addPage();
    doc.fillColor(lines.length ? "#111111" : GREY).text(line, MARGIN + 8, doc.y, { width: WIDTH - 8 });
  }
}

export async function renderMerchantFilePdf(f: MerchantFile, printedAt: Date): Promise<Buffer> {
  const m = f.merchant;
  return renderPdf(
    { size: "A4", margin: MARGIN, info: { Title: `一户一档 ${m.name}`, CreationDate: printedAt, ModDate: printedAt } },
    (doc) => {
      doc.fillColor(RED).fontSize(18).text(`一户一档 · ${m.name}`, MARGIN, MARGIN, { width: WIDTH });
      doc
        .fillColor(GREY)
        .fontSize(9)
        .text(`打印日期 ${stationDate(printedAt)}`, { width: WIDTH });
      section(doc, "登记信息与摊位", [
        `经营者：${m.operatorName}　经营状态：${statusWords[m.status] ?? m.status}　党员商户：${m.isPartyMember ? "是" : "否"}`,
        `营业执照有效期：${m.licenceValidFrom ?? "—"} 至 ${m.licenceValidTo ?? "长期"}　登记日期：${stationDate(m.registeredAt)}`,
        `摊位：${f.stalls.map((s) => `${s.code}（${s.area} ㎡）`).join("、") || "无"}`,
      ]);
      section(
        doc,
        "经营状态变更",
        f.statusHistory.map((h) => `${stationDate(h.at)}　${statusWords[h.toStatus] ?? h.toStatus}${h.reason ? `（${h.reason}）` : ""}`),
      );
      section(
        doc,
        `政策帮扶（累计拨付 ${yuan(f.reliefFen)} 元）`,
        f.relief.map(
          (r) =>
            `${r.policyTitle}　${reliefWords[r.status] ?? r.status}　申请 ${yuan(r.requestedFen)} 元${r.disbursedFen !== null ? `　拨付 ${yuan(r.disbursedFen)} 元（${r.disbursedOn}，${r.payer}）` : ""}`,
        ),
      );
      section(
        doc,
        `定向消费（已确认 ${yuan(f.consumption.confirmedFen)} 元，待确认 ${yuan(f.consumption.pendingFen)} 元）`,
        f.consumption.purchases
          .slice(0, 20)
          .map((p) => `${p.purchasedOn}　${p.enterpriseName}　${yuan(p.amountFen)} 元　票号 ${p.invoiceNo}`),
      );
      section(
        doc,
        "反映的问题",
        f.problems.map((p) => `${stationDate(p.createdAt)}　${p.code}　${p.title}（${p.status}）`),
      );
      section(
        doc,
        "公平秤复秤发现",
        f.findings.map((x) => `${stationDate(x.createdAt)}　${x.summary}`),
      );
      section(
        doc,
        "爱心店铺",
        f.caringShop
          ? [
              `状态：${label("zh-CN", `caring:shopStatus.${f.caringShop.status}`)}　类别：${label("zh-CN", `caring:shopCategory.${f.caringShop.category}`)}　折扣：${f.caringShop.discountRatePermille ? `${f.caringShop.discountRatePermille / 10}%` : "—"}　挂牌：${f.caringShop.plaqueDate ?? "—"}`,
            ]
          : [],
        "未申请爱心店铺",
      );
      section(
        doc,
        "红盾驿站咨询",
        f.consultations.map((c) => `${c.date}　${label("zh-CN", `duty:topic.${c.topic}`)}　${c.summary}`),
      );
      section(
        doc,
        "便民服务办理",
        f.counterRequests.map((r) => `${r.date}　${r.itemName}（${label("zh-CN", `counter:status.${r.status}`)}）`),
      );
      section(
        doc,
        "活动参与",
        f.events.map(
          (e) =>
            `${stationDate(e.startsAt)}　${e.title}（${label("zh-CN", `events:kind.${e.kind}`)}，${label("zh-CN", `events:status.${e.status}`)}）${e.takingsDays ? `　报送营业额 ${e.takingsDays} 天` : ""}`,
        ),
      );
      section(
        doc,
        "夜市经营",
        f.nightMarket.map(
          (n) =>
            `${n.seasonName}（${n.startsOn} 至 ${n.endsOn}）　${label("zh-CN", `night-market:applicationStatus.${n.applicationStatus}`)}　营业 ${n.nights} 晚　营业额 ${yuan(n.takingsFen)}　事件 ${n.incidents} 起`,
        ),
      );
    },
  );
}
