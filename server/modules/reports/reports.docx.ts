// The Word document of a report version: the title, the introduction, the sections with every figure formatted and
// followed by a footnote citing it (figure, scope, period, computed at, record count, hash prefix), the charts as
// images, the stations side by side (district), and an appendix of every figure with its citation. Built once per
// version and stored, so the version downloads byte for byte the same later.
import type { FigureComparison } from "../../../contracts/figures.ts";
import { formatFigure, type ReportFigure, type ReportParagraph, splitTemplate } from "../../../contracts/reports.ts";

export interface DocxChart {
  section: number;
  title: string;
  png: Buffer;
  width: number;
  height: number;
  caption: string;
}

export interface DocxInput {
  title: string;
  subtitle: string | null;
  meta: string;
  sections: { section: number; heading: string }[];
  paragraphs: ReportParagraph[];
  figures: Map<string, ReportFigure>;
  charts: DocxChart[];
  comparison: FigureComparison | null;
  scopeName: string;
}

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };

/** The footnote under a figure: where the number comes from. */
export function citationText(f: ReportFigure, scopeName: string): string {
  if (!f.citation) return `指标 ${f.id}（${f.name}）：指标字典中尚无此指标，${"待统计"}。`;
  const c = f.citation;
  return `指标 ${c.figure}（${f.name}）；范围 ${c.scope}（${scopeName}）；期间 ${c.from} 至 ${c.to}；计算于 ${c.computedAt}；记录 ${c.recordCount} 条；记录集哈希 ${c.recordSetHash.slice(0, 12)}`;
}

export async function buildDocx(input: DocxInput): Promise<Buffer> {
  const d = await import("docx");
  const footnotes: Record<number, { children: InstanceType<typeof d.Paragraph>[] }> = {};
  let nextFootnote = 1;
  const note = (f: ReportFigure) => {
    const id = nextFootnote++;
    footnotes[id] = { children: [new d.Paragraph({ children: [new d.TextRun({ text: citationText(f, input.scopeName), size: 16 })] })] };
    return new d.FootnoteReferenceRun(id);
  };
  const body = (p: ReportParagraph) => {
    const runs: (InstanceType<typeof d.TextRun> | InstanceType<typeof d.FootnoteReferenceRun>)[] = [];
    for (const part of splitTemplate(p.text)) {
      if ("text" in part) runs.push(new d.TextRun({ text: part.text }));
      else {
        const f = input.figures.get(part.figure);
        if (!f) runs.push(new d.TextRun({ text: "待统计" }));
        else {
          runs.push(new d.TextRun({ text: f.text, bold: !f.missing, color: f.missing ? "999999" : undefined }));
          runs.push(note(f));
        }
      }
    }
    return new d.Paragraph({
      children: runs,
      indent: { firstLine: 480 },
      spacing: { line: 440, after: 120 },
      alignment: d.AlignmentType.JUSTIFIED,
    });
  };
  const chart = (c: DocxChart) => [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new d.ImageRun({
          type: "png",
          data: c.png,
          transformation: { width: c.width, height: c.height },
          altText: { name: c.title, description: c.caption, title: c.title },
        }),
      ],
    }),
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new d.TextRun({ text: `图：${c.title}。${c.caption}`, size: 16, color: "666666" })],
    }),
  ];
  const cell = (text: string, opts: { bold?: boolean; width?: number; shade?: boolean } = {}) =>
    new d.TableCell({
      children: [new d.Paragraph({ children: [new d.TextRun({ text, bold: opts.bold, size: 16 })] })],
      width: opts.width ? { size: opts.width, type: d.WidthType.PERCENTAGE } : undefined,
      shading: opts.shade ? { type: d.ShadingType.CLEAR, fill: "F2F2F2", color: "auto" } : undefined,
    });
  const comparisonTable = (section: number) => {
    const cmp = input.comparison;
    if (!cmp) return [];
    const rows = cmp.figures.filter((f) => input.figures.get(f.id) && (sectionOf.get(f.id) ?? 0) === section);
    if (rows.length === 0) return [];
    return [
      new d.Paragraph({ spacing: { before: 120 }, children: [new d.TextRun({ text: "各站并列", bold: true })] }),
      new d.Table({
        width: { size: 100, type: d.WidthType.PERCENTAGE },
        rows: [
          new d.TableRow({
            tableHeader: true,
            children: [cell("指标", { bold: true, shade: true }), ...cmp.stations.map((s) => cell(s.name, { bold: true, shade: true }))],
          }),
          ...rows.map((f) => {
            const fig = input.figures.get(f.id) as ReportFigure;
            return new d.TableRow({
              children: [
                cell(fig.name),
                ...cmp.stations.map((s) => {
                  const v = f.values.find((x) => x.stationId === s.id);
                  return cell(
                    v && v.value !== null ? `${formatFigure(v.value, fig.unit, fig.unitLabel)}${v.rank ? `（第${v.rank}）` : ""}` : "—",
                  );
                }),
              ],
            });
          }),
        ],
      }),
    ];
  };
  const sectionOf = new Map<string, number>();
  for (const p of input.paragraphs)
    for (const part of splitTemplate(p.text)) if ("figure" in part && !sectionOf.has(part.figure)) sectionOf.set(part.figure, p.section);

  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [
    new d.Paragraph({
      heading: d.HeadingLevel.TITLE,
      alignment: d.AlignmentType.CENTER,
      children: [new d.TextRun({ text: input.title, bold: true, size: 36 })],
    }),
  ];
  if (input.subtitle)
    children.push(
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new d.TextRun({ text: input.subtitle, size: 24 })],
      }),
    );
  children.push(
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new d.TextRun({ text: input.meta, size: 18, color: "666666" })],
    }),
  );
  for (const p of input.paragraphs.filter((x) => x.section === 0)) children.push(body(p));
  for (const s of input.sections) {
    children.push(
      new d.Paragraph({
        heading: d.HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new d.TextRun({ text: s.heading, bold: true, size: 28 })],
      }),
    );
    for (const p of input.paragraphs.filter((x) => x.section === s.section)) children.push(body(p));
    for (const c of input.charts.filter((x) => x.section === s.section)) children.push(...chart(c));
    children.push(...comparisonTable(s.section));
  }
  for (const p of input.paragraphs.filter((x) => x.section === 9)) children.push(body(p));

  // The appendix: every figure cited, with its citation.
  const all = [...input.figures.values()];
  children.push(
    new d.Paragraph({
      heading: d.HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      spacing: { after: 120 },
      children: [new d.TextRun({ text: "附录：指标及出处", bold: true, size: 28 })],
    }),
    new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: [
        new d.TableRow({
          tableHeader: true,
          children: ["指标编号", "名称", "数值", "范围", "期间", "计算时间", "记录数", "哈希"].map((h) =>
            cell(h, { bold: true, shade: true }),
          ),
        }),
        ...all.map(
          (f) =>
            new d.TableRow({
              children: [
                cell(f.id),
                cell(f.name),
                cell(f.text),
                cell(f.citation ? `${f.citation.scope}` : "—"),
                cell(f.citation ? `${f.citation.from}..${f.citation.to}` : "—"),
                cell(f.citation ? f.citation.computedAt : "—"),
                cell(f.citation ? String(f.citation.recordCount) : "—"),
                cell(f.citation ? f.citation.recordSetHash.slice(0, 12) : "—"),
              ],
            }),
        ),
      ],
    }),
  );

  const doc = new d.Document({
    creator: "蒲公英 Dandelion",
    title: input.title,
    description: input.meta,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    footnotes,
    sections: [{ properties: {}, children }],
  });
  const buffer = await d.Packer.toBuffer(doc);
  return Buffer.from(buffer);
}
