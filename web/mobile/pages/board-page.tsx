import { Button, DotLoading, ErrorBlock, List, Rate } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../app/api-client.ts";
import { formatDate } from "../../app/format.ts";
import { useMeQuery } from "../../app/session.tsx";
import { usePublicProblems } from "../../features/problems/api/list-public-problems.ts";
import { PageShell } from "../page-shell.tsx";

/** 办结公示: resolved problems and the answer given, no personal data. Open to anyone, signed in or not. */
export default function BoardPage() {
  const { t } = useTranslation("mobile");
  const [params] = useSearchParams();
  const me = useMeQuery().data;
  const [pageSize, setPageSize] = useState(10);
  const stationId = Number(params.get("stationId")) || (me?.stations.length ? me.stations[0].id : undefined);
  const board = usePublicProblems({ stationId, page: 1, pageSize });
  const items = board.data?.items ?? [];

  return (
    <PageShell title={t("board.title")} back={me ? "/" : null}>
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <p>{t("board.intro")}</p>
        {board.data && (
          <h1 style={{ fontSize: 20 }}>
            {board.data.totalCapped
              ? t("board.countAtLeast", { total: board.data.total.toLocaleString("en-US") })
              : t("board.count", { count: board.data.total })}
          </h1>
        )}
      </div>
      {board.isError && <ErrorBlock status="default" title={errorMessage(board.error)} />}
      {board.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("board.empty")} description="" />
      ) : (
        <div data-testid="board">
          {items.map((p) => (
            <List key={p.id} mode="card" header={`${p.code} · ${p.categoryName}`}>
              <List.Item description={[p.place, p.unitName].filter(Boolean).join(" · ")}>
                <span style={{ fontWeight: 600 }}>{p.title}</span>
              </List.Item>
              {p.resolution && (
                <List.Item>
                  <div style={{ fontSize: 14, color: "#333" }}>
                    <span style={{ color: "#666" }}>{t("board.answer")}</span>
                    {p.resolution}
                  </div>
                </List.Item>
              )}
              <List.Item
                extra={p.rating !== null ? <Rate readOnly value={p.rating} style={{ "--star-size": "16px" }} /> : t("board.unrated")}
                description={t("board.dates", { created: formatDate(p.createdAt), resolved: formatDate(p.resolvedAt) })}
              >
                {t("board.rating")}
              </List.Item>
            </List>
          ))}
        </div>
      )}
      {(board.data?.total ?? 0) > items.length && (
        <div style={{ padding: "0 12px" }}>
          <Button block onClick={() => setPageSize((n) => n + 10)} loading={board.isFetching}>
            {t("loadMore")}
          </Button>
        </div>
      )}
    </PageShell>
  );
}
