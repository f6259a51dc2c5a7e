import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';

/** Test support: everything a production author process requires, with keys made for one test run. */
export interface ProductionSetup {
  /** NODE_ENV=production with DATABASE_URL, the keys, the runners' token and an admin account. */
  env: Record<string, string>;
  runnerToken: string;
  admin: { email: string; password: string };
}

export async function productionSetup(options: { databaseUrl: string; dataDir: string }): Promise<ProductionSetup> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const secret = () => randomBytes(32).toString('base64url');
  const runnerToken = secret();
  const admin = { email: `admin.${randomBytes(4).toString('hex')}@example.test`, password: secret() };
  return {
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_MAX: '4',
      // Production never writes here: the test checks that it stays empty.
      DATA_DIR: options.dataDir,
      RUNNER_API_TOKEN: runnerToken,
      ACCESS_CODE_KEY: secret(),
      LAUNCH_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'process-test', alg: 'ES256' }),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    },
    runnerToken,
    admin,
  };
}
