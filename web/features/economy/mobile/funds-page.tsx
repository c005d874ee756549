import { useQuery } from "@tanstack/react-query";
import { DotLoading, ErrorBlock, List, ProgressBar } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { FundingSummary } from "../../../../contracts/economy.ts";
import { api, errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useMeQuery } from "../../../app/session.tsx";
import { PageShell } from "../../../mobile/page-shell.tsx";

/** 资金公开: where the station's money came from and what it was spent on (approved spending only). Public. */
export default function FundsPage() {
  const { t } = useTranslation("economy");
  const [params] = useSearchParams();
  const me = useMeQuery().data;
  const stationId = Number(params.get("stationId")) || (me?.stations.length ? me.stations[0].id : undefined);
  const summary = useQuery({
    queryKey: ["economy", "public-funding", stationId],
    queryFn: () => api.get<FundingSummary>("/api/public/funding", { stationId }, { quiet401: true }),
    enabled: stationId !== undefined,
  });
  const s = summary.data;
  return (
    <PageShell title={t("public.title")} back={me ? "/" : null}>
      {summary.isError && <ErrorBlock status="default" title={errorMessage(summary.error)} description="" />}
      {stationId === undefined && <ErrorBlock status="empty" title={t("public.noStation")} description="" />}
      {summary.isPending && stationId !== undefined ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : s ? (
        <div data-testid="public-funds">
          <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
            <p>{t("public.intro", { station: s.stationName, received: formatYuan(s.receivedFen), spent: formatYuan(s.spentFen) })}</p>
          </div>
          <List mode="card" header={t("public.sources")}>
            {s.sources.map((x) => (
              <List.Item
                key={x.name}
                description={`${t(`sourceKind.${x.kind}`)} · ${t("public.spent")} ${formatYuan(x.spentFen)}`}
                extra={formatYuan(x.receivedFen)}
              >
                {x.name}
              </List.Item>
            ))}
          </List>
          <List mode="card" header={t("public.uses")}>
            {s.uses.map((u) => (
              <List.Item
                key={u.target}
                description={<ProgressBar percent={u.allocatedFen ? Math.round((u.spentFen / u.allocatedFen) * 100) : 0} />}
                extra={`${formatYuan(u.spentFen)} / ${formatYuan(u.allocatedFen)}`}
              >
                {u.target}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </PageShell>
  );
}
