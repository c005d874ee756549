import { HomeOutlined } from "@ant-design/icons";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The home feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [{ key: "home", path: "/", action: "home.read", icon: <HomeOutlined />, order: 10 }],
};
