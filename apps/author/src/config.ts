import { z } from 'zod';
import { parseSigningKey } from './publishing/launch-signer.ts';

/**
 * The author app's configuration, read once from the environment at start-up (12-factor). In
 * development everything has a safe default (PGlite under DATA_DIR, keys generated there and
 * shared with a development runner); in production the database, the keys and the runners'
 * credential are required, and start-up fails listing every problem.
 */
const key = z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)');

const Environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('.data'),
  /** Postgres; without it, PGlite in `<DATA_DIR>/author-db`. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** The most Postgres connections one instance opens (instances × this must fit the server's max_connections). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Ensures this admin account exists at start-up (with ADMIN_PASSWORD). */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** The credential runners present (`Authorization: Bearer`), their AUTHOR_API_TOKEN. */
  RUNNER_API_TOKEN: z.string().min(16).optional(),
  /** Shared with runners: access codes are issued with it. */
  ACCESS_CODE_KEY: key.optional(),
  /** The private JSON Web Key (ES256 or RS256) that signs launch tokens; runners trust its public half. */
  LAUNCH_SIGNING_KEY: z
    .string()
    .superRefine((text, ctx) => {
      const parsed = parseSigningKey(text);
      if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
    })
    .optional(),
  /** Where respondents reach the runner, for launch and open-access links. */
  RUNNER_URL: z.url().default('http://localhost:3001'),
  TRUST_PROXY: z.string().optional(),
});

export type Environment = z.infer<typeof Environment>;

const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'RUNNER_API_TOKEN', 'ACCESS_CODE_KEY', 'LAUNCH_SIGNING_KEY'] as const;

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
  if (env.NODE_ENV === 'production') {
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (!env[name]) problems.push(`${name}: required in production`);
    }
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}

/** The environment, or (on a ConfigError) every problem on stderr and exit status 1. */
export function readEnvironmentOrExit(env: NodeJS.ProcessEnv): Environment {
  try {
    return readEnvironment(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
