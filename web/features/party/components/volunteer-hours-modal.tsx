// A member's volunteer service on their Party record: the final (certified, past their public notice) hours the
// volunteer service holds for the member's account this year, activity by activity.
import { Alert, Empty, Modal, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Member } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useMemberVolunteerHours } from "../api/get-member-volunteer-hours.ts";

export function VolunteerHoursModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t } = useTranslation("party");
  const hours = useMemberVolunteerHours(member?.id ?? null);
  const data = hours.data;
  return (
    <Modal
      open={member !== null}
      onCancel={onClose}
      footer={null}
      width={760}
      title={t("members.volunteerHoursTitle", { name: member?.name ?? "" })}
      destroyOnHidden
    >
      {hours.isError && <Alert type="error" showIcon title={errorMessage(hours.error)} />}
      {data && !data.volunteer && <Empty description={t("members.notVolunteer")} />}
      {data?.volunteer && (
        <div data-testid="member-volunteer-hours">
          <div style={{ display: "flex", gap: 48, marginBottom: 16 }}>
            <Statistic title={t("members.volunteerHours", { from: data.from, to: data.to })} value={data.hours} precision={2} />
            <Statistic title={t("members.volunteerNumber")} value={data.volunteer.number} />
            <Statistic title={t("members.volunteerTimes")} value={data.entries.length} />
          </div>
          <Typography.Paragraph type="secondary">{t("members.volunteerHoursHint")}</Typography.Paragraph>
          <Table
            rowKey="ref"
            size="small"
            dataSource={data.entries}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: t("members.volunteerDate"), dataIndex: "date", width: 110 },
              { title: t("members.volunteerTime"), key: "time", width: 120, render: (_: unknown, e) => `${e.startTime}–${e.endTime}` },
              { title: t("members.volunteerActivity"), dataIndex: "title", ellipsis: true },
              { title: t("members.volunteerPlace"), dataIndex: "place", width: 160, ellipsis: true },
              {
                title: t("members.volunteerHoursColumn"),
                dataIndex: "minutes",
                width: 90,
                align: "right",
                render: (m: number) => (m / 60).toFixed(2),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
