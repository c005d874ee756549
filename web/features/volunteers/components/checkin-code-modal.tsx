import { Alert, Badge, Empty, List, Modal, Spin, Tag, Typography } from "antd";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationTime } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useCheckInCode, useOccurrence } from "../api/occurrences.ts";
import type { OccurrenceDetail } from "../api/types.ts";

/**
 * The organiser's screen at the activity: the rotating QR code (fetched again every minute; a phone's camera opens
 * its link and checks in or out), the same code to type where there is no camera, and who has checked in (polled).
 */
export function CheckInCodeModal({
  occurrence,
  open,
  inWindow,
  onClose,
}: {
  occurrence: OccurrenceDetail;
  open: boolean;
  /** Whether check-in or check-out is accepted now; outside, the screen says so (codes given now are refused). */
  inWindow: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("volunteers");
  const code = useCheckInCode(occurrence.id, open);
  const live = useOccurrence(occurrence.id, open ? 5_000 : undefined);
  const [qr, setQr] = useState<string | null>(null);
  const url = code.data?.url;
  useEffect(() => {
    if (!url) return;
    let current = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 640 }).then((data) => {
      if (current) setQr(data);
    });
    return () => {
      current = false;
    };
  }, [url]);
  const signups = (live.data ?? occurrence).signups;
  const present = signups
    .filter((s) => s.checkedInAt)
    .sort((a, b) => (b.checkedOutAt ?? b.checkedInAt ?? "").localeCompare(a.checkedOutAt ?? a.checkedInAt ?? ""));
  const expected = signups.filter((s) => s.status === "signed_up" || s.status === "attended").length;
  const teamName = new Map(occurrence.teams.map((team) => [team.teamId, team.teamName]));

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width="100vw"
      style={{ top: 0, maxWidth: "100vw", padding: 0 }}
      styles={{ container: { minHeight: "100vh", borderRadius: 0 }, body: { minHeight: "calc(100vh - 80px)" } }}
      title={`${t("checkin.title")} · ${occurrence.title} · ${occurrence.date}`}
      destroyOnHidden
    >
      <div style={{ display: "flex", flexWrap: "wrap", gap: 32, alignItems: "flex-start", justifyContent: "center", paddingTop: 8 }}>
        <div style={{ textAlign: "center", flex: "1 1 480px", maxWidth: 640 }}>
          {!inWindow && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12, textAlign: "left" }}
              title={t("checkin.outsideWindow", { start: stationTime(occurrence.startsAt), end: stationTime(occurrence.endsAt) })}
              data-testid="checkin-outside"
            />
          )}
          {code.isError ? (
            <Alert type="error" showIcon title={errorMessage(code.error)} />
          ) : !code.data || !qr ? (
            <div style={{ padding: 160 }}>
              <Spin size="large" />
            </div>
          ) : (
            <>
              <div
                data-testid="checkin-qr"
                style={{
                  width: "min(52vh, 460px)",
                  margin: "0 auto",
                  background: "#fff",
                  padding: 12,
                  border: "1px solid #f0f0f0",
                  borderRadius: 8,
                }}
              >
                <img src={qr} alt={t("checkin.qrAlt")} style={{ width: "100%", display: "block" }} />
              </div>
              <Typography.Title level={3} style={{ marginTop: 16, marginBottom: 8 }}>
                {t("checkin.scan")}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t("checkin.typeHint")}
              </Typography.Paragraph>
              <div className="dd-vol-code" data-testid="checkin-code-text">
                {code.data.code}
              </div>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t("checkin.refreshes", { time: stationTime(code.data.expiresAt) })}
              </Typography.Paragraph>
            </>
          )}
        </div>
        <div style={{ flex: "0 1 400px", minWidth: 300 }}>
          <Typography.Title level={4}>
            {t("checkin.present")} <Badge count={`${present.length} / ${expected}`} color="#c8161d" />
          </Typography.Title>
          {present.length === 0 ? (
            <Empty description={t("checkin.nobody")} />
          ) : (
            <List
              data-testid="checkin-list"
              dataSource={present}
              style={{ maxHeight: "70vh", overflow: "auto" }}
              renderItem={(s) => (
                <List.Item
                  extra={
                    <div style={{ textAlign: "right", fontSize: 13 }}>
                      <div>{t("checkin.inAt", { time: s.checkedInAt ? stationTime(s.checkedInAt) : "—" })}</div>
                      {s.checkedOutAt ? (
                        <Tag color="green" style={{ marginInlineEnd: 0 }}>
                          {t("checkin.outAt", { time: stationTime(s.checkedOutAt) })}
                        </Tag>
                      ) : (
                        <Typography.Text type="secondary">{t("checkin.notOut")}</Typography.Text>
                      )}
                    </div>
                  }
                >
                  <List.Item.Meta title={s.volunteerName} description={`${s.volunteerNumber} · ${teamName.get(s.teamId) ?? ""}`} />
                </List.Item>
              )}
            />
          )}
        </div>
      </div>
    </Modal>
  );
}
