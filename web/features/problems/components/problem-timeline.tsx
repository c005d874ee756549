import { Image, Space, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ProblemDetail } from "../../../../contracts/problems.ts";
import { formatDateTime } from "../../../app/format.ts";
import { problemStatusColours } from "./problem-status-tag.tsx";

const dotColours: Record<string, string> = { gold: "#d4a017", success: "green", volcano: "red", default: "gray" };

/** What happened to the problem, oldest first; photos as thumbnails that open large. */
export function ProblemTimeline({ events }: { events: ProblemDetail["events"] }) {
  const { t } = useTranslation("problems");
  return (
    <Timeline
      data-testid="problem-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: dotColours[problemStatusColours[e.toStatus]] ?? "blue",
        content: (
          <div>
            <Space size={8} wrap>
              <Typography.Text strong>{t(`event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            </Space>
            <div style={{ color: "rgba(0,0,0,0.55)", fontSize: 13 }}>
              {[e.actorName, e.unitName].filter(Boolean).join(" · ")}
              {e.fromStatus && ` · ${t(`status.${e.fromStatus}`)} → ${t(`status.${e.toStatus}`)}`}
            </div>
            {e.note && <div style={{ marginTop: 4, whiteSpace: "pre-wrap" }}>{e.note}</div>}
            {e.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space size={6} wrap style={{ marginTop: 6 }}>
                  {e.photos.map((p) => (
                    <Image key={p.id} src={p.url} width={72} height={72} style={{ objectFit: "cover", borderRadius: 4 }} alt="" />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </div>
        ),
      }))}
    />
  );
}
