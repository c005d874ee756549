// The unit and HTTP run's one-time setup: the demo market loaded once, copied by each suite (demo-template.ts).
import type { TestProject } from "vitest/node";
import { createDemoTemplate, type DemoTemplate } from "./demo-template.ts";

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplate: DemoTemplate | null;
  }
}

export default async function setup(project: TestProject) {
  const { template, remove } = await createDemoTemplate();
  project.provide("demoTemplate", template);
  return remove;
}
