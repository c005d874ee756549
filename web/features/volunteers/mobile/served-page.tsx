import { Button, DotLoading, ErrorBlock, List, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { type MyServed, useConfirmServed, useMyServed } from "../api/served.ts";
import { useDayLabel } from "./activity-card.tsx";

function ServedItem({ s }: { s: MyServed }) {
  const { t } = useTranslation("volunteers");
  const dayLabel = useDayLabel();
  const confirm = useConfirmServed();
  const run = async () => {
    try {
      await confirm.mutateAsync(s.id);
      Toast.show({ icon: "success", content: t("m.served.done") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  return (
    <List mode="card" data-testid={`served-${s.id}`}>
      <List.Item
        description={
          <div style={{ display: "grid", gap: 2 }}>
            <span>{`${s.teamName} · ${s.place}`}</span>
            {s.note && <span>{s.note}</span>}
            {s.confirmedAt && <span>{t("m.served.confirmedAt", { time: formatDateTime(s.confirmedAt) })}</span>}
          </div>
        }
        extra={
          s.confirmedAt ? (
            <Tag color="success" data-testid={`served-state-${s.id}`}>
              {t("served.confirmed")}
            </Tag>
          ) : (
            <Button size="small" color="primary" loading={confirm.isPending} onClick={run} data-testid={`served-confirm-${s.id}`}>
              {t("m.served.confirm")}
            </Button>
          )
        }
      >
        <div style={{ fontWeight: 600 }}>{dayLabel(s.date)}</div>
        <div style={{ fontSize: 15, marginTop: 2 }}>{t("m.served.what", { kind: s.kindName, count: s.count, title: s.title })}</div>
      </List.Item>
    </List>
  );
}

/** 志愿服务确认: the volunteer services a merchant or resident received; each confirmed once. */
export default function ServedPage() {
  const { t } = useTranslation("volunteers");
  const mine = useMyServed();
  const rows = mine.data ?? [];
  const open = rows.filter((r) => r.confirmedAt === null);
  const done = rows.filter((r) => r.confirmedAt !== null);
  return (
    <PageShell title={t("m.served.title")}>
      <p className="dd-muted" style={{ margin: "12px 16px 0", fontSize: 14, lineHeight: 1.6 }}>
        {t("m.served.intro")}
      </p>
      {mine.isError && <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />}
      {mine.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : rows.length === 0 ? (
        <ErrorBlock status="empty" title={t("m.served.none")} description="" />
      ) : (
        <div data-testid="served-list">
          {open.length > 0 && (
            <div className="dd-muted" style={{ margin: "16px 16px 0", fontSize: 14 }}>
              {t("m.served.open", { count: open.length })}
            </div>
          )}
          {open.map((s) => (
            <ServedItem key={s.id} s={s} />
          ))}
          {done.length > 0 && (
            <div className="dd-muted" style={{ margin: "16px 16px 0", fontSize: 14 }}>
              {t("m.served.doneList")}
            </div>
          )}
          {done.map((s) => (
            <ServedItem key={s.id} s={s} />
          ))}
        </div>
      )}
    </PageShell>
  );
}
