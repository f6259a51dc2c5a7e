import type { FeatureRoutes } from '../app.ts';

// Not written yet (issue 4 is in progress): this feature declares no routes.
export const publishedRoutes: FeatureRoutes = () => {};
