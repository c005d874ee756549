import { HeartFilled } from "@ant-design/icons";
import { Rate, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Rating } from "../../../../contracts/counter.ts";
import { formatDateTime } from "../../../app/format.ts";
import { hearts } from "./labels.tsx";

/** A rating as the console shows it: the five hearts, each 1–5, and the comment. */
export function HeartsView({ rating }: { rating: Rating }) {
  const { t } = useTranslation("counter");
  return (
    <div data-testid="request-rating">
      <div style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 16px", alignItems: "center" }}>
        {hearts.map((h) => (
          <div key={h} style={{ display: "contents" }}>
            <Typography.Text>
              {t(`hearts.${h}`)}
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {t(`hearts.hint.${h}`)}
              </Typography.Text>
            </Typography.Text>
            <Rate disabled value={rating[h]} character={<HeartFilled />} style={{ color: "#cf1322", fontSize: 16 }} />
          </div>
        ))}
      </div>
      {rating.comment && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>“{rating.comment}”</Typography.Paragraph>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(rating.createdAt)}
      </Typography.Text>
    </div>
  );
}
