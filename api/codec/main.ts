// The codec endpoint process (`npm run codec-server`): validates its configuration, serves
// /encode and /decode for the Temporal Web UI, and on SIGTERM/SIGINT drains and exits 0.
import { PortInUseError } from '../../common/port-in-use-error';
import { ConfigError, loadCodecServerConfig } from '../../config';
import { createLogger } from '../../observability/logger';
import { startCodecServer } from './codec-server';

async function main(): Promise<void> {
  const config = loadCodecServerConfig();
  const log = createLogger('renkei-codec', config.LOG_LEVEL);
  const server = await startCodecServer(config, log);
  log.info({ url: server.url, token: config.CODEC_SERVER_TOKEN ? 'required' : 'none (loopback)' }, 'codec endpoint listening');
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof PortInUseError) {
    process.stderr.write(`renkei codec: ${err.message}\n`);
  } else {
    createLogger('renkei-codec').fatal({ err }, 'codec endpoint failed to start');
  }
  process.exit(1);
});
