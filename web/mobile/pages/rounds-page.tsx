import { Button, Dialog, DotLoading, ErrorBlock, List, Tag, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../app/api-client.ts";
import { formatDate } from "../../app/format.ts";
import { useCreateObjection } from "../../features/caring/api/create-objection.ts";
import { useMyRounds } from "../../features/caring/api/my-rounds.ts";
import type { Nomination } from "../../features/caring/api/types.ts";
import { PageShell } from "../page-shell.tsx";

function ObjectionForm({ nomination, onDone }: { nomination: Nomination; onDone: () => void }) {
  const { t } = useTranslation("caring");
  const [text, setText] = useState("");
  const object = useCreateObjection();
  const submit = async () => {
    if (text.trim().length < 5) {
      Toast.show({ content: t("mobile.objectionShort") });
      return;
    }
    const ok = await Dialog.confirm({
      content: t("mobile.objectionConfirm", { name: nomination.residentName }),
      confirmText: t("common:action.confirm"),
      cancelText: t("common:action.cancel"),
    });
    if (!ok) return;
    try {
      await object.mutateAsync({ nominationId: nomination.id, text: text.trim() });
      Toast.show({ icon: "success", content: t("objection.created") });
      onDone();
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  return (
    <div style={{ padding: "4px 0 8px" }}>
      <TextArea rows={3} maxLength={1000} showCount value={text} onChange={setText} placeholder={t("objection.text")} />
      <Button block color="primary" onClick={submit} loading={object.isPending} style={{ marginTop: 8 }}>
        {t("objection.create")}
      </Button>
    </div>
  );
}

/** 评选公示: the rounds in publicity with their nominees (names masked), where anyone may raise an objection. */
export default function RoundsPage() {
  const { t } = useTranslation("caring");
  const rounds = useMyRounds();
  const [open, setOpen] = useState<number | null>(null);
  const items = rounds.data ?? [];

  return (
    <PageShell title={t("mobile.roundsTitle")}>
      <div className="dd-hero" style={{ padding: "14px 20px 18px" }}>
        <p>{t("mobile.roundsIntro")}</p>
      </div>
      {rounds.isError && <ErrorBlock status="default" title={errorMessage(rounds.error)} description="" />}
      {rounds.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 && !rounds.isError ? (
        <ErrorBlock status="empty" title={t("mobile.roundsEmpty")} description="" />
      ) : (
        items.map((r) => (
          <List
            key={r.id}
            mode="card"
            header={
              <span>
                {r.month} · {t(`category.${r.category}`)} <Tag color="primary">{t(`roundStatus.${r.status}`)}</Tag>
                {r.publicityUntil && (
                  <span className="dd-muted"> · {t("mobile.publicityUntil", { date: formatDate(r.publicityUntil) })}</span>
                )}
              </span>
            }
          >
            {r.nominations.length === 0 && <List.Item>{t("nomination.empty")}</List.Item>}
            {r.nominations
              .filter((n) => r.status !== "publicity" || n.status === "accepted")
              .map((n) => (
                <List.Item
                  key={n.id}
                  description={n.reason}
                  extra={
                    r.status === "publicity" && (
                      <Button size="mini" fill="outline" onClick={() => setOpen(open === n.id ? null : n.id)}>
                        {t("objection.create")}
                      </Button>
                    )
                  }
                >
                  <span style={{ fontWeight: 600 }}>{n.residentName}</span>
                  {open === n.id && <ObjectionForm nomination={n} onDone={() => setOpen(null)} />}
                </List.Item>
              ))}
          </List>
        ))
      )}
    </PageShell>
  );
}
