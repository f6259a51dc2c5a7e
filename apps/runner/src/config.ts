import { z } from 'zod';

/**
 * The runner's configuration, read once from the environment at start-up (12-factor). In
 * development everything has a safe default (keys are generated into DATA_DIR); in production
 * the store, the keys and the author API are required, and start-up fails with every problem.
 */
const key = z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)');

const Environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Info lines are gathered for at most this long and written together (logger.ts); 0: each at once. */
  LOG_GATHER_MS: z.coerce.number().int().min(0).max(1000).default(50),
  DATA_DIR: z.string().default('.data'),
  REDIS_URL: z.url().optional(),
  REDIS_KEY_PREFIX: z.string().default('eq:'),
  SESSION_KEY: key.optional(),
  ANSWER_KEY: key.optional(),
  ACCESS_CODE_KEY: key.optional(),
  LAUNCH_JWKS: z.string().optional(),
  AUTHOR_API_URL: z.url().optional(),
  AUTHOR_API_TOKEN: z.string().min(16).optional(),
  OUTBOX_KEY: key.optional(),
  QUESTIONNAIRES_DIR: z.string().optional(),
  RESPONSE_TTL_DAYS: z.coerce.number().int().min(1).max(366).default(28),
  SESSION_TIMEOUT_MINUTES: z.coerce.number().int().min(5).max(480).default(45),
  VIEW_ANSWERS_MINUTES: z.coerce.number().int().min(0).max(1440).default(45),
  TRUST_PROXY: z.string().optional(),
  /** `off` sends pages uncompressed, for a balancer that compresses them (middleware/compress.ts). */
  COMPRESS: z.enum(['on', 'off']).default('on'),
  /**
   * The form response records are written in (responses/crypto.ts; both are read). `text` only for a
   * rolling deploy from a runner that reads nothing else, until no such runner is left.
   */
  RESPONSE_SEALED_FORM: z.enum(['bytes', 'text']).default('bytes'),
});

export type Environment = z.infer<typeof Environment>;

const REQUIRED_IN_PRODUCTION = [
  'REDIS_URL',
  'SESSION_KEY',
  'ANSWER_KEY',
  'ACCESS_CODE_KEY',
  'LAUNCH_JWKS',
  'AUTHOR_API_URL',
  'AUTHOR_API_TOKEN',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws a ConfigError listing every problem. */
export function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  const parsed = Environment.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Judged on the raw values, so that a missing value is listed even when another one is invalid.
  if (env.NODE_ENV === 'production') {
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (!env[name]) problems.push(`${name}: required in production`);
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}
