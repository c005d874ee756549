// A sentence with its figures as tags (their values, not editable), and the figure's citation on hover.
import { Tag, Tooltip } from "antd";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { type ReportFigure, splitTemplate } from "../../../../contracts/reports.ts";

export function FigureText({ text, figures }: { text: string; figures: Map<string, ReportFigure> }) {
  const { t } = useTranslation("reports");
  // Keyed by where each piece starts in the sentence.
  let at = 0;
  const parts = splitTemplate(text).map((part) => {
    const key = at;
    at += "text" in part ? part.text.length : part.figure.length + 2;
    return { part, key };
  });
  return (
    <>
      {parts.map(({ part, key: i }) => {
        if ("text" in part) return <Fragment key={i}>{part.text}</Fragment>;
        const f = figures.get(part.figure);
        const c = f?.citation;
        const tip = c
          ? t("citation", {
              id: c.figure,
              scope: c.scope,
              from: c.from,
              to: c.to,
              count: c.recordCount,
              hash: c.recordSetHash.slice(0, 12),
            })
          : t("missingTip", { id: part.figure });
        return (
          <Tooltip key={i} title={tip}>
            <Tag
              color={!f || f.missing ? "default" : "red"}
              style={{
                marginInline: 2,
                // The paragraph's first-line indent would otherwise indent the text inside every tag.
                textIndent: 0,
                fontSize: 14,
                lineHeight: "22px",
                ...(!f || f.missing ? { borderStyle: "dashed", color: "#595959", background: "#f5f5f5" } : {}),
              }}
              data-figure={part.figure}
              data-missing={!f || f.missing ? "true" : "false"}
            >
              {f ? f.text : t("missing")}
            </Tag>
          </Tooltip>
        );
      })}
    </>
  );
}
