import { accessCodeRoutes } from './access-codes/routes.ts';
import type { FeatureRoutes } from './app.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { publishedRoutes } from './published/routes.ts';
import { publishingRoutes } from './publishing/routes.ts';
import { questionnaireRoutes } from './questionnaires/routes.ts';
import { responseRoutes } from './responses/routes.ts';
import { submissionRoutes } from './submissions/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Every feature of the API, in the order their routes are declared. */
export const features: readonly FeatureRoutes[] = [
  authRoutes,
  userRoutes,
  auditRoutes,
  surveyRoutes,
  questionnaireRoutes,
  publishingRoutes,
  publishedRoutes,
  accessCodeRoutes,
  submissionRoutes,
  responseRoutes,
];
