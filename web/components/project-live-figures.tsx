// A project's figures read from the records they count (the merchant economy's links: a policy's merchants reached
// and money paid out, directed consumption, the funding ledger; the promotions' uplift, the night market's nights and
// jobs, the stage's teams, the counter's services), shown on the project's page in place of typed
// numbers. Renders nothing for a project without links or ledger funding.
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Statistic, Tag, Typography } from "antd";
import type { z } from "zod";
import type { projectFiguresSchema } from "../../contracts/economy.ts";
import { api } from "../app/api-client.ts";
import i18n from "../app/i18n.ts";
import { formatYuan } from "../app/money.ts";
import { useCan } from "../app/session.tsx";

type ProjectFigures = z.infer<typeof projectFiguresSchema>;

const unitWords = {
  "zh-CN": {
    merchants: "户",
    enterprises: "家",
    visits: "人次",
    people: "人",
    teams: "支",
    items: "项",
    live: "实时统计",
    funding: "资金（来自资金台账）",
    allocated: "到位",
    spent: "已支出",
  },
  en: {
    merchants: "merchants",
    enterprises: "enterprises",
    visits: "visits",
    people: "people",
    teams: "teams",
    items: "items",
    live: "live",
    funding: "Funding (from the ledger)",
    allocated: "allocated",
    spent: "spent",
  },
};

export function ProjectLiveFigures({ projectId }: { projectId: number }) {
  const can = useCan();
  const figures = useQuery({
    queryKey: ["economy", "project-figures", projectId],
    queryFn: () => api.get<ProjectFigures>(`/api/projects/${projectId}/figures`),
    enabled: can("project.read"),
  });
  const w = unitWords[i18n.language === "en" ? "en" : "zh-CN"];
  const f = figures.data;
  if (!f || (f.figures.length === 0 && f.funding.allocatedFen === 0)) return null;
  return (
    <Row gutter={[16, 16]} data-testid="project-live-figures">
      {f.figures.map((x) => (
        <Col key={`${x.figure}-${x.label}`} xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic
              title={
                <span>
                  {x.label} <Tag color="red">{w.live}</Tag>
                </span>
              }
              value={x.unit === "fen" ? formatYuan(x.value) : x.value}
              suffix={x.unit === "fen" ? undefined : w[x.unit]}
            />
          </Card>
        </Col>
      ))}
      {f.funding.allocatedFen > 0 && (
        <Col xs={24}>
          <Card size="small">
            <Typography.Text strong>{w.funding}</Typography.Text>
            {f.funding.bySource.map((s) => (
              <div key={s.sourceId}>{`${s.name}：${w.allocated} ${formatYuan(s.allocatedFen)} · ${w.spent} ${formatYuan(s.spentFen)}`}</div>
            ))}
          </Card>
        </Col>
      )}
    </Row>
  );
}
