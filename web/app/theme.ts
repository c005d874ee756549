import type { ThemeConfig } from "antd";

export const brand = { red: "#c8161d", deepRed: "#9e1016", gold: "#d4a017", paleGold: "#fdf6e3" };

/** Restrained red and gold: red for primary actions and selection, gold only as an accent. */
export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: brand.red,
    colorLink: brand.red,
    colorWarning: brand.gold,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
  components: {
    Layout: { headerBg: brand.deepRed, headerHeight: 56, headerPadding: "0 20px", siderBg: "#ffffff" },
    Menu: { itemSelectedBg: "#fff1f0", itemSelectedColor: brand.red },
  },
};
