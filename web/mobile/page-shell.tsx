import { NavBar } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

/** One task per screen: a title bar with a way back, then the content. */
export function PageShell({
  title,
  children,
  back = "/",
  right,
}: {
  title: string;
  children: ReactNode;
  back?: string | null;
  right?: ReactNode;
}) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: "100vh", paddingBottom: 32 }}>
      <NavBar
        back={back === null ? null : ""}
        // The bar's left side is a button: give it a name that screen readers say.
        left={back === null ? undefined : <span className="dd-visually-hidden">{t("action.back")}</span>}
        onBack={() => (window.history.length > 1 ? navigate(-1) : navigate(back ?? "/"))}
        right={right}
        style={{ background: "#fff", borderBottom: "1px solid #eee", position: "sticky", top: 0, zIndex: 10 }}
      >
        {title}
      </NavBar>
      {children}
    </div>
  );
}
