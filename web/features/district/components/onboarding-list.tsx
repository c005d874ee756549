// A station's onboarding checklist: each item counted from the records, with the page where it is done.
import { CheckCircleFilled, ClockCircleOutlined } from "@ant-design/icons";
import { List, Progress, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Onboarding } from "../../../../contracts/org.ts";

export function OnboardingTag({ onboarding }: { onboarding: Onboarding | undefined }) {
  const { t } = useTranslation("district");
  if (!onboarding) return <Typography.Text type="secondary">—</Typography.Text>;
  const complete = onboarding.done === onboarding.of;
  return (
    <Tag
      color={complete ? "success" : "warning"}
      icon={complete ? <CheckCircleFilled /> : <ClockCircleOutlined />}
      data-testid={`onboarding-${onboarding.stationId}`}
      title={`${t("onboarding.title")}: ${t("onboarding.progress", { done: onboarding.done, of: onboarding.of })}`}
    >
      {onboarding.done}/{onboarding.of}
    </Tag>
  );
}

export function OnboardingList({ onboarding }: { onboarding: Onboarding }) {
  const { t } = useTranslation("district");
  return (
    <div data-testid="onboarding-list">
      <Space style={{ marginBottom: 8 }}>
        <Progress
          type="circle"
          size={40}
          percent={Math.round((100 * onboarding.done) / onboarding.of)}
          format={() => `${onboarding.done}/${onboarding.of}`}
          aria-label={t("onboarding.progress", { done: onboarding.done, of: onboarding.of })}
        />
        <Typography.Text strong>{t("onboarding.progress", { done: onboarding.done, of: onboarding.of })}</Typography.Text>
      </Space>
      <List
        size="small"
        dataSource={onboarding.items}
        renderItem={(item) => (
          <List.Item
            key={item.key}
            data-testid={`onboarding-item-${item.key}`}
            data-done={item.done}
            actions={[
              <Link key="go" to={item.link}>
                {t("onboarding.go")}
              </Link>,
            ]}
          >
            <Space>
              {item.done ? (
                <CheckCircleFilled style={{ color: "#389e0d" }} aria-label={t("onboarding.done")} role="img" />
              ) : (
                <ClockCircleOutlined style={{ color: "#d48806" }} aria-label={t("onboarding.todo")} role="img" />
              )}
              <span>{t(`onboarding.items.${item.key}`)}</span>
              <Typography.Text type={item.done ? "secondary" : "warning"}>
                {item.done ? t("onboarding.count", { count: item.count }) : t("onboarding.todo")}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
