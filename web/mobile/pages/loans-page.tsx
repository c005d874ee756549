import { DotLoading, ErrorBlock, List, NoticeBar, Tag } from "antd-mobile";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../app/api-client.ts";
import { useMyLoans } from "../../features/lending/api/my-loans.ts";
import type { Loan } from "../../features/lending/api/types.ts";
import { PageShell } from "../page-shell.tsx";

const when = (iso: string) => dayjs(iso).format("MM-DD HH:mm");
const day = (iso: string) => dayjs(iso).format("YYYY-MM-DD");

function LoanItem({ loan }: { loan: Loan }) {
  const { t } = useTranslation("lending");
  const open = loan.status === "out";
  const status = loan.overdue ? "overdue" : loan.status;
  const colour = loan.overdue ? "danger" : open ? "#0958d9" : loan.status === "returned" ? "success" : "warning";
  return (
    <List.Item
      data-testid={open ? "my-open-loan" : "my-loan"}
      style={loan.overdue ? { background: "#fff1f0" } : undefined}
      description={
        open ? (
          <span style={{ color: loan.overdue ? "var(--adm-color-danger)" : undefined, fontWeight: loan.overdue ? 600 : undefined }}>
            {loan.overdue ? `${t("mobile.overdue")} · ` : ""}
            {t("mobile.due", { due: when(loan.dueAt) })}
          </span>
        ) : loan.returnedAt ? (
          t(`mobile.closedAt.${loan.status}`, { at: day(loan.returnedAt) })
        ) : null
      }
      extra={<Tag color={colour}>{t(`loanStatus.${status}`)}</Tag>}
    >
      <span style={{ fontWeight: 600 }}>{loan.itemName}</span>
      <span className="dd-muted" style={{ fontSize: 13 }}>
        {" "}
        {loan.itemCode}
      </span>
    </List.Item>
  );
}

/** 便民借用: my loans (open first, overdue highlighted) and how many umbrellas and bikes the station has now. */
export default function LoansPage() {
  const { t } = useTranslation("lending");
  const mine = useMyLoans();
  const loans = mine.data?.loans ?? [];
  const open = loans.filter((l) => l.status === "out");
  const past = loans.filter((l) => l.status !== "out");
  return (
    <PageShell title={t("mobile.loansTitle")}>
      <div className="dd-hero" style={{ padding: "14px 20px 18px" }}>
        <p>{t("mobile.onShelf")}</p>
        {mine.data && (
          <div style={{ display: "flex", gap: 28, marginTop: 6 }} data-testid="shelf-now">
            <div>
              <span style={{ fontSize: 30, fontWeight: 700 }} data-testid="shelf-umbrella">
                {mine.data.available.umbrella}
              </span>
              <span style={{ marginLeft: 4 }}>
                {t("mobile.unit")} {t("mobile.umbrellas")}
              </span>
            </div>
            <div>
              <span style={{ fontSize: 30, fontWeight: 700 }} data-testid="shelf-bike">
                {mine.data.available.bike}
              </span>
              <span style={{ marginLeft: 4 }}>
                {t("mobile.unit")} {t("mobile.bikes")}
              </span>
            </div>
          </div>
        )}
      </div>
      {mine.isError && <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />}
      {mine.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : (
        mine.data && (
          <>
            {open.some((l) => l.overdue) && <NoticeBar content={t("mobile.overdue")} color="error" wrap />}
            <List header={t("mobile.open")} mode="card">
              {open.length === 0 ? (
                <List.Item>
                  <span className="dd-muted">{t("mobile.noneOpen")}</span>
                </List.Item>
              ) : (
                open.map((l) => <LoanItem key={l.id} loan={l} />)
              )}
            </List>
            <div className="dd-muted" style={{ padding: "0 20px", fontSize: 14, lineHeight: 1.6 }}>
              {t("mobile.howTo")}
            </div>
            <List header={t("mobile.history")} mode="card">
              {past.length === 0 ? (
                <List.Item>
                  <span className="dd-muted">{t("mobile.none")}</span>
                </List.Item>
              ) : (
                past.slice(0, 20).map((l) => <LoanItem key={l.id} loan={l} />)
              )}
            </List>
          </>
        )
      )}
    </PageShell>
  );
}
