// The public check of a service record as a page (what the QR printed on the record opens on a phone): self-contained
// HTML, no script, in Chinese or English, saying whether the record is genuine and unaltered and what it certifies —
// the number, the name masked but for the surname, the period, the hours and the hashes.
import type { RecordCheck } from "../../../contracts/volunteer-records.ts";

type Lang = "zh-CN" | "en";

const words = {
  "zh-CN": {
    title: "志愿服务记录证明核验",
    genuine: "证明真实有效",
    altered: "证明内容与出具时不一致，请联系出具单位",
    mismatch: "二维码中的内容摘要与本证明不符，证明可能被改动",
    missing: "未找到该编号的志愿服务记录证明",
    number: "证明编号",
    station: "出具单位",
    name: "志愿者",
    volunteerNumber: "志愿者编号",
    period: "服务期间",
    hours: "累计时长",
    entries: "服务次数",
    issued: "出具日期",
    contentHash: "内容摘要（SHA-256）",
    pdfHash: "PDF 文件摘要（SHA-256）",
    pdfPending: "尚未生成",
    hoursUnit: "小时",
    to: "至",
    note: "持有 PDF 文件者可计算文件的 SHA-256 与上面的文件摘要比对。",
  },
  en: {
    title: "Volunteer service record check",
    genuine: "This record is genuine",
    altered: "This record no longer matches what was issued: please contact the issuing station",
    mismatch: "The hash in the QR code is not this record's: the record may have been altered",
    missing: "No volunteer service record has this number",
    number: "Record number",
    station: "Issued by",
    name: "Volunteer",
    volunteerNumber: "Volunteer number",
    period: "Period",
    hours: "Hours",
    entries: "Services",
    issued: "Issued on",
    contentHash: "Content hash (SHA-256)",
    pdfHash: "PDF hash (SHA-256)",
    pdfPending: "not rendered yet",
    hoursUnit: "hours",
    to: "to",
    note: "Whoever holds the PDF can compute its SHA-256 and compare it with the PDF hash above.",
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function recordCheckPage(check: RecordCheck | null, lang: Lang): string {
  const w = words[lang];
  const ok = check?.unaltered === true && check.hashMatches !== false;
  const verdict = check === null ? w.missing : !check.unaltered ? w.altered : check.hashMatches === false ? w.mismatch : w.genuine;
  const rows: [string, string][] = check
    ? [
        [w.number, check.number],
        [w.station, check.stationName],
        [w.name, check.volunteerName],
        [w.volunteerNumber, check.volunteerNumber],
        [w.period, `${check.periodFrom} ${w.to} ${check.periodTo}`],
        [w.hours, `${check.hours.toFixed(2)} ${w.hoursUnit}`],
        [w.entries, String(check.entries)],
        [w.issued, check.issuedOn],
        [w.contentHash, check.contentHash],
        [w.pdfHash, check.pdfSha256 ?? w.pdfPending],
      ]
    : [];
  const table = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(w.title)}</title>
<style>
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#faf7f2;color:#111}
main{max-width:560px;margin:0 auto;padding:24px 16px}
h1{font-size:20px;color:#b91c1c;margin:0 0 16px}
.verdict{padding:14px 16px;border-radius:8px;font-size:17px;margin-bottom:16px}
.ok{background:#ecfdf3;color:#166534;border:1px solid #86efac}.bad{background:#fef2f2;color:#991b1b;border:1px solid #fca5a5}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px}
th,td{text-align:left;padding:10px 12px;border-bottom:1px solid #eee;font-size:15px;vertical-align:top}
th{color:#555;font-weight:normal;width:40%}td{word-break:break-all}
p{color:#666;font-size:13px}
</style></head>
<body><main><h1>${escapeHtml(w.title)}</h1>
<div class="verdict ${ok ? "ok" : "bad"}">${ok ? "✔" : "✖"} ${escapeHtml(verdict)}</div>
${check ? `<table>${table}</table><p>${escapeHtml(w.note)}</p>` : ""}
</main></body></html>`;
}
