import { ProgressCircle, Toast } from "antd-mobile";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { MAX_PHOTO_BYTES, MAX_PROBLEM_PHOTOS } from "../../contracts/problems.ts";
import { uploadPhoto } from "../api/upload-file.ts";
import { errorMessage } from "../app/api-client.ts";

export interface PickedPhoto {
  key: string;
  preview: string;
  percent: number;
  id: string | null;
  failed: boolean;
}

const TYPES = ["image/jpeg", "image/png", "image/webp"];

/** Take or choose photos; each uploads at once with a progress ring, the form later sends their ids. */
export function PhotoPicker({
  value,
  onChange,
}: {
  value: PickedPhoto[];
  onChange: (update: (prev: PickedPhoto[]) => PickedPhoto[]) => void;
}) {
  const { t } = useTranslation("mobile");
  const input = useRef<HTMLInputElement>(null);

  const pick = (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PROBLEM_PHOTOS - value.length;
    for (const file of Array.from(files).slice(0, room)) {
      if (!TYPES.includes(file.type)) {
        Toast.show({ icon: "fail", content: t("common:photos.onlyImages") });
        continue;
      }
      if (file.size > MAX_PHOTO_BYTES) {
        Toast.show({ icon: "fail", content: t("common:photos.tooLarge") });
        continue;
      }
      const key = crypto.randomUUID();
      const preview = URL.createObjectURL(file);
      onChange((prev) => [...prev, { key, preview, percent: 0, id: null, failed: false }]);
      uploadPhoto(file, (percent) => onChange((prev) => prev.map((p) => (p.key === key ? { ...p, percent } : p))))
        .then((stored) => onChange((prev) => prev.map((p) => (p.key === key ? { ...p, id: stored.id, percent: 100 } : p))))
        .catch((error: unknown) => {
          Toast.show({ icon: "fail", content: errorMessage(error) });
          onChange((prev) => prev.map((p) => (p.key === key ? { ...p, failed: true } : p)));
        });
    }
    if (input.current) input.current.value = "";
  };

  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: 8 }}>
      {value.map((p) => (
        <div key={p.key} style={{ position: "relative", aspectRatio: "1", borderRadius: 6, overflow: "hidden", background: "#f5f5f5" }}>
          <img src={p.preview} alt="" style={{ width: "100%", height: "100%", objectFit: "cover", opacity: p.id ? 1 : 0.5 }} />
          {!p.id && !p.failed && (
            <div style={{ position: "absolute", inset: 0, display: "flex", alignItems: "center", justifyContent: "center" }}>
              <ProgressCircle percent={p.percent} style={{ "--size": "44px" }}>
                <span style={{ fontSize: 11 }}>{p.percent}%</span>
              </ProgressCircle>
            </div>
          )}
          {p.failed && (
            <div
              style={{
                position: "absolute",
                inset: 0,
                display: "flex",
                alignItems: "center",
                justifyContent: "center",
                color: "#c8161d",
                fontSize: 13,
              }}
            >
              {t("report.uploadFailed")}
            </div>
          )}
          <button
            type="button"
            aria-label={t("common:action.delete")}
            onClick={() => onChange((prev) => prev.filter((x) => x.key !== p.key))}
            style={{
              position: "absolute",
              top: 2,
              right: 2,
              background: "none",
              border: 0,
              padding: 2,
              fontSize: 20,
              color: "rgba(0,0,0,0.6)",
            }}
          >
            <span
              aria-hidden
              style={{
                display: "inline-flex",
                width: 20,
                height: 20,
                borderRadius: 10,
                background: "rgba(0,0,0,0.55)",
                color: "#fff",
                alignItems: "center",
                justifyContent: "center",
                fontSize: 14,
                lineHeight: 1,
              }}
            >
              ×
            </span>
          </button>
        </div>
      ))}
      {value.length < MAX_PROBLEM_PHOTOS && (
        <label
          style={{
            aspectRatio: "1",
            border: "1px dashed #ccc",
            borderRadius: 6,
            display: "flex",
            flexDirection: "column",
            alignItems: "center",
            justifyContent: "center",
            color: "#666",
            cursor: "pointer",
            background: "#fafafa",
          }}
        >
          <span aria-hidden style={{ fontSize: 32, lineHeight: 1 }}>
            +
          </span>
          <span style={{ fontSize: 13, marginTop: 4 }}>{t("report.addPhoto", { count: value.length, max: MAX_PROBLEM_PHOTOS })}</span>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            data-testid="photo-input"
            style={{ display: "none" }}
            onChange={(e) => pick(e.target.files)}
          />
        </label>
      )}
    </div>
  );
}
