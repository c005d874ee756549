import { DotLoading, ErrorBlock, List, Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { stationTime } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { useTonight } from "../api/mine.ts";
import { kindColour } from "../components/labels.ts";

/** 今晚夜市: whether the night market opens tonight, its hours, and what each pitch sells. */
export default function TonightPage() {
  const { t } = useTranslation("night-market");
  const tonight = useTonight();
  const d = tonight.data;
  return (
    <PageShell title={t("mobile.residentTitle")}>
      {tonight.isPending && (
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      )}
      {tonight.isError && <ErrorBlock status="default" title={errorMessage(tonight.error)} description="" />}
      {d && !d.open && <ErrorBlock status="empty" title={t("mobile.closedTonightResident")} description={d.night} />}
      {d?.open && d.window && (
        <>
          <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
            <h1 style={{ fontSize: 22 }} data-testid="nm-tonight-open">
              {t("mobile.openTonight")} {stationTime(d.window.start)}–{stationTime(d.window.end)}
            </h1>
            <p>{d.seasonName}</p>
          </div>
          <List header={t("mobile.pitchList")}>
            {d.pitches.map((p) => (
              <List.Item key={p.number} extra={<Tag color={kindColour[p.kind]}>{t(`kind.${p.kind}`)}</Tag>}>
                {p.number} {p.goods ?? ""}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </PageShell>
  );
}
