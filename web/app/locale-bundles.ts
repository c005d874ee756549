// One language's namespaces, keyed by namespace, from the two kinds of locale file a glob finds:
// web/locales/<language>/<namespace>.json and web/features/<namespace>/locales/<language>.json.
export type Bundle = Record<string, unknown>;

export function bundlesOf(shared: Record<string, Bundle>, featureOwn: Record<string, Bundle>): Record<string, Bundle> {
  const bundles: Record<string, Bundle> = {};
  for (const [path, bundle] of Object.entries(shared)) {
    const namespace = /\/locales\/[^/]+\/([^/]+)\.json$/.exec(path)?.[1];
    if (namespace) bundles[namespace] = bundle;
  }
  for (const [path, bundle] of Object.entries(featureOwn)) {
    const namespace = /\/features\/([^/]+)\/locales\/[^/]+\.json$/.exec(path)?.[1];
    if (namespace) bundles[namespace] = bundle;
  }
  return bundles;
}
