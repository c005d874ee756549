import { DotLoading, ErrorBlock, List, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../app/api-client.ts";
import { useMeQuery } from "../../app/session.tsx";
import { usePublicPioneerPosts } from "../../features/party/api/list-public-pioneer-posts.ts";
import { PageShell } from "../page-shell.tsx";

/** 党员先锋岗: the members on duty at the station and what they do. Open to anyone, signed in or not. */
export default function PioneersPage() {
  const { t } = useTranslation("mobile");
  const [params] = useSearchParams();
  const me = useMeQuery().data;
  const stationId = Number(params.get("stationId")) || (me?.stations.length ? me.stations[0].id : undefined);
  const posts = usePublicPioneerPosts(stationId);
  const items = posts.data ?? [];

  return (
    <PageShell title={t("pioneers.title")} back={me ? "/" : null}>
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <p>{t("pioneers.intro")}</p>
        {posts.data && <h1 style={{ fontSize: 20 }}>{t("pioneers.count", { count: items.length })}</h1>}
      </div>
      {posts.isError && <ErrorBlock status="default" title={errorMessage(posts.error)} />}
      {posts.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 && !posts.isError ? (
        <ErrorBlock status="empty" title={t("pioneers.empty")} description="" />
      ) : (
        <div data-testid="pioneers">
          {items.map((p) => (
            <List key={p.id} mode="card">
              <List.Item
                prefix={
                  <span className="dd-pioneer-badge" aria-hidden>
                    ☭
                  </span>
                }
                extra={<Tag color="danger">{p.post}</Tag>}
                description={p.duty ? `${t("pioneers.duty")}${p.duty}` : undefined}
              >
                <span style={{ fontWeight: 600 }}>{p.memberName}</span>
              </List.Item>
              {p.service && (
                <List.Item>
                  <div style={{ fontSize: 14, color: "#333" }}>
                    <span style={{ color: "#666" }}>{t("pioneers.service")}</span>
                    {p.service}
                  </div>
                </List.Item>
              )}
            </List>
          ))}
        </div>
      )}
    </PageShell>
  );
}
