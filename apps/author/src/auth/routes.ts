import type { FeatureRoutes } from '../app.ts';
import { sessionRoutes } from './session-routes.ts';
import { tokenRoutes } from './token-routes.ts';

/** Signing in and out, and personal API tokens. */
export const authRoutes: FeatureRoutes = (api, services) => {
  sessionRoutes(api, services);
  tokenRoutes(api, services);
};
