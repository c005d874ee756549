import { Descriptions, Drawer, Empty, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../app/format.ts";
import type { Volunteer } from "../api/types.ts";
import { politicalColour } from "./labels.ts";

const membershipColour = { requested: "gold", approved: "green", rejected: "default", left: "default" } as const;

/** A volunteer's profile: number, name, political status, skills, consent and teams (never an ID number: none is kept). */
export function VolunteerDrawer({ volunteer, onClose }: { volunteer: Volunteer | null; onClose: () => void }) {
  const { t } = useTranslation("volunteers");
  return (
    <Drawer open={volunteer !== null} onClose={onClose} size={520} title={volunteer?.realName ?? ""} destroyOnHidden>
      {volunteer && (
        <div data-testid="volunteer-drawer">
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 140 } }}>
            <Descriptions.Item label={t("field.number")}>
              <Typography.Text code>{volunteer.number}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("field.realName")}>{volunteer.realName}</Descriptions.Item>
            <Descriptions.Item label={t("field.politicalStatus")}>
              <Tag color={politicalColour[volunteer.politicalStatus]}>{t(`politicalStatus.${volunteer.politicalStatus}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("field.skills")}>
              {volunteer.skills.length ? (
                <Space size={[4, 4]} wrap>
                  {volunteer.skills.map((s) => (
                    <Tag key={s}>{s}</Tag>
                  ))}
                </Space>
              ) : (
                "—"
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("field.consentAt")}>{formatDate(volunteer.consentAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("field.teams")}
          </Typography.Title>
          {volunteer.teams.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("volunteers.noTeams")} />
          ) : (
            <Space orientation="vertical" style={{ width: "100%" }}>
              {volunteer.teams.map((m) => (
                <div key={m.membershipId} style={{ display: "flex", justifyContent: "space-between", gap: 12 }}>
                  <span>{m.teamName}</span>
                  <Tag color={membershipColour[m.status]}>{t(`membershipStatus.${m.status}`)}</Tag>
                </div>
              ))}
            </Space>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 13 }}>
            {t("volunteers.privacy")}
          </Typography.Paragraph>
        </div>
      )}
    </Drawer>
  );
}
