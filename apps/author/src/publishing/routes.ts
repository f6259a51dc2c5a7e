import type { FeatureRoutes } from '../app.ts';
import { launchRoutes } from './launch-routes.ts';
import { publishRoutes } from './publish-routes.ts';
import { settingsRoutes } from './settings-routes.ts';

/** Publishing (issue 4 §4): settings, versions, previews and launch tokens. */
export const publishingRoutes: FeatureRoutes = (api, services) => {
  settingsRoutes(api, services);
  publishRoutes(api, services);
  launchRoutes(api, services);
};
