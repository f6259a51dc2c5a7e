import { serveGracefully } from '@eq/http-server';
import { createApp } from './app.ts';
import { ConfigError, readEnvironment } from './config.ts';
import { createLogger } from './logger.ts';
import { createServices } from './services.ts';

/** Starts the runner: configuration, services, the HTTP server, and a graceful shutdown on SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof readEnvironment>;
  try {
    config = readEnvironment(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, { gatherMs: config.LOG_GATHER_MS });
  const services = await createServices(config, logger);
  await serveGracefully({
    handler: createApp(services),
    port: config.PORT,
    host: config.HOST,
    logger,
    listening: 'runner listening',
    fields: { env: config.NODE_ENV },
    close: () => services.close(),
  });
}

await main();
