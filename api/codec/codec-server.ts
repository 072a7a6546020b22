// Starts the codec endpoint on its own listen address and returns a close() that drains it.
import type { Server } from 'node:http';
import { PortInUseError } from '../../common/port-in-use-error';
import type { CodecServerConfig } from '../../config';
import { payloadCodecFrom } from '../../config/temporal-data-converter';
import type { Logger } from '../../observability/logger';
import { createCodecApp } from './codec-app';

export interface RunningCodecServer {
  url: string;
  close(): Promise<void>;
}

export async function startCodecServer(config: CodecServerConfig, log: Logger): Promise<RunningCodecServer> {
  const app = createCodecApp({
    codec: payloadCodecFrom(config),
    namespace: config.TEMPORAL_NAMESPACE,
    token: config.CODEC_SERVER_TOKEN,
    corsOrigins: config.CODEC_SERVER_CORS_ORIGINS,
    log,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.CODEC_SERVER_PORT, config.CODEC_SERVER_HOST);
    s.once('listening', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(config.CODEC_SERVER_PORT, 'codec endpoint', 'CODEC_SERVER_PORT') : err),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.CODEC_SERVER_PORT;
  const host = config.CODEC_SERVER_HOST.includes(':') ? `[${config.CODEC_SERVER_HOST}]` : config.CODEC_SERVER_HOST;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
