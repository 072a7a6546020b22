// The API process: validates its configuration, serves the Express app, and on SIGTERM/SIGINT
// stops accepting, drains in-flight requests and exits 0.
import { ConfigError, loadApiConfig } from '../config';
import { createLogger } from '../observability/logger';
import { PortInUseError } from '../common/port-in-use-error';
import { startApiServer } from './server';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const log = createLogger('renkei-api', config.LOG_LEVEL);
  const api = await startApiServer(config, log);
  log.info({ url: api.url }, 'api listening');
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'api draining');
    api.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'api close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof PortInUseError) {
    process.stderr.write(`renkei api: ${err.message}\n`);
  } else {
    createLogger('renkei-api').fatal({ err }, 'api failed to start');
  }
  process.exit(1);
});
