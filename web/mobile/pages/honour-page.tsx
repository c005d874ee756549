import { DotLoading, ErrorBlock, List, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../app/api-client.ts";
import { useMeQuery } from "../../app/session.tsx";
import { useHonourRoll } from "../../features/caring/api/honour-roll.ts";
import { usePublicShops } from "../../features/caring/api/public-shops.ts";
import { formatRate } from "../../features/caring/components/labels.ts";
import { PageShell } from "../page-shell.tsx";

/** 荣誉榜: each month's civilised residents, liaison heads and red-cell members, and the caring shops. Public. */
export default function HonourPage() {
  const { t } = useTranslation("caring");
  const [params] = useSearchParams();
  const me = useMeQuery().data;
  const stationId = Number(params.get("stationId")) || (me?.stations.length ? me.stations[0].id : undefined);
  const roll = useHonourRoll(stationId);
  const shops = usePublicShops(stationId);
  const months = [...(roll.data ?? [])].sort((a, b) => b.month.localeCompare(a.month));
  const monthsList = [...new Set(months.map((m) => m.month))];

  return (
    <PageShell title={t("mobile.honourTitle")} back={me ? "/" : null}>
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <p>{t("mobile.honourIntro")}</p>
      </div>
      {roll.isError && <ErrorBlock status="default" title={errorMessage(roll.error)} description="" />}
      {roll.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : months.length === 0 && !roll.isError ? (
        <ErrorBlock status="empty" title={t("mobile.honourEmpty")} description="" />
      ) : (
        <div data-testid="honour-roll">
          {monthsList.map((month) => (
            <List key={month} mode="card" header={month}>
              {months
                .filter((m) => m.month === month)
                .map((m) => (
                  <List.Item key={m.category} title={t(`category.${m.category}`)}>
                    <div className="dd-honour-names">
                      {m.names.map((name, index) => (
                        // masked names repeat (张**), so the place in the list is the key
                        // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for the page's life
                        <Tag key={`${name}-${index}`} color="danger" fill="outline" style={{ fontSize: 15, padding: "4px 10px" }}>
                          {name}
                        </Tag>
                      ))}
                    </div>
                  </List.Item>
                ))}
            </List>
          ))}
        </div>
      )}
      {(shops.data ?? []).length > 0 && (
        <List header={t("mobile.caringShops")} mode="card" data-testid="caring-shops">
          {(shops.data ?? []).map((s) => (
            <List.Item
              key={s.id}
              extra={<span className="dd-gold">{formatRate(s.discountRatePermille)}</span>}
              description={t(`shopCategory.${s.category}`)}
            >
              {s.merchantName}
            </List.Item>
          ))}
        </List>
      )}
    </PageShell>
  );
}
