import type { ThemeConfig } from "antd";
import { reducedMotion } from "./motion.ts";

export const brand = { red: "#c8161d", deepRed: "#9e1016", gold: "#d4a017", paleGold: "#fdf6e3" };

/** Restrained red and gold: red for primary actions and selection, gold only as an accent. */
export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: brand.red,
    colorLink: brand.red,
    colorWarning: brand.gold,
    borderRadius: 6,
    // Secondary and placeholder text dark enough to read (WCAG AA, 4.5:1 on white); antd's defaults are 3.4:1 and 1.8:1.
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    // Danger buttons and error text: antd's #ff4d4f is 3.3:1 on white.
    colorError: "#cf1322",
    colorSuccessText: "#237804",
    colorWarningText: "#874d00",
    // Drawers, menus, messages and modals appear at once for a person who asked their system for less motion.
    motion: !reducedMotion,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
  components: {
    Layout: { headerBg: brand.deepRed, headerHeight: 56, headerPadding: "0 20px", siderBg: "#ffffff" },
    Menu: { itemSelectedBg: "#fff1f0", itemSelectedColor: brand.red },
  },
};
