import { PlusOutlined } from "@ant-design/icons";
import { App, Upload, type UploadFile } from "antd";
import { useTranslation } from "react-i18next";
import { MAX_PHOTO_BYTES, MAX_PROBLEM_PHOTOS } from "../../contracts/problems.ts";
import { uploadPhoto } from "../api/upload-file.ts";
import { errorMessage } from "../app/api-client.ts";

const ACCEPT = "image/jpeg,image/png,image/webp";

/** The ids of the photos that finished uploading, in the order shown. */
export function uploadedIds(files: UploadFile[]): string[] {
  return files.filter((f) => f.status === "done" && typeof f.response?.id === "string").map((f) => f.response.id as string);
}

export function uploadsPending(files: UploadFile[]): boolean {
  return files.some((f) => f.status === "uploading");
}

/** Photos uploaded one by one as soon as they are picked (with progress); the form sends their ids. */
export function PhotoUpload({
  value,
  onChange,
  max = MAX_PROBLEM_PHOTOS,
}: {
  value: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  max?: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      listType="picture-card"
      accept={ACCEPT}
      multiple
      fileList={value}
      maxCount={max}
      beforeUpload={(file) => {
        if (!ACCEPT.split(",").includes(file.type)) {
          message.error(t("photos.onlyImages"));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_PHOTO_BYTES) {
          message.error(t("photos.tooLarge"));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        uploadPhoto(file as File, (percent) => onProgress?.({ percent }))
          .then((stored) => onSuccess?.(stored))
          .catch((error: unknown) => {
            message.error(errorMessage(error));
            onError?.(error as Error);
          });
      }}
      onChange={({ fileList }) =>
        onChange(
          fileList.map((f) => (f.status === "done" && f.response?.url ? { ...f, url: f.response.url, thumbUrl: f.response.url } : f)),
        )
      }
      data-testid="photo-upload"
    >
      {value.length >= max ? null : (
        <button type="button" style={{ border: 0, background: "none", cursor: "pointer" }}>
          <PlusOutlined />
          <div style={{ marginTop: 6 }}>{t("photos.add")}</div>
        </button>
      )}
    </Upload>
  );
}
