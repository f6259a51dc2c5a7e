/**
 * Production entry point: configuration from the environment (DATABASE_URL and keys required),
 * schema migrations run beforehand as a release step (`pnpm --filter @eq/author migrate`).
 */
import { createApp } from './app.ts';
import { readEnvironment } from './config.ts';
import { serve } from './serve.ts';
import { createServices } from './services.ts';
import { ensureAdmin } from './users/ensure-admin.ts';

const env = readEnvironment(process.env);
const services = createServices(env, {
  runnerToken: env.RUNNER_API_TOKEN ?? '',
  accessCodeKey: env.ACCESS_CODE_KEY ?? '',
  launchSigningKey: env.LAUNCH_SIGNING_KEY ?? '',
});
await ensureAdmin(services);
await serve(createApp(services), services);
