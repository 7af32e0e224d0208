import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

// Reads configuration, migrates, serves. Stops cleanly on SIGINT/SIGTERM.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`sinergi: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Sinergi on http://${config.host}:${config.port} (${config.databaseUrl ? 'PostgreSQL' : 'SQLite'}${config.demo ? ', demo' : ''})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

void main();
