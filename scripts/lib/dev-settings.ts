// Where the embedded stack keeps its data and which ports it uses: documented defaults, each
// overridable by an environment variable (validated, so a typo is named at start).
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../config';

const port = z.coerce.number().int().min(1).max(65535);

const devSchema = z.object({
  RENKEI_DATA_DIR: z.string().min(1).default('.renkei-data'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  MONGO_PORT: port.default(27018),
  API_PORT: port.default(3000),
  WORKER_METRICS_PORT: port.default(9464),
  /** The codec endpoint the Web UI decodes payloads with (loopback, no token). */
  CODEC_SERVER_PORT: port.default(8234),
  EMULATOR_LINEWORKS_PORT: port.default(4011),
  EMULATOR_FREEE_PORT: port.default(4012),
  EMULATOR_LINE_PORT: port.default(4013),
  EMULATOR_LANSMART_PORT: port.default(4014),
  /** The mail sink: its web inbox and its SMTP port. */
  MAIL_INBOX_PORT: port.default(4015),
  SMTP_PORT: port.default(2525),
  /** 'fast' = SQLite WAL + synchronous=OFF (survives process crashes, not power loss); 'durable' = SQLite defaults. */
  TEMPORAL_SQLITE_MODE: z.enum(['fast', 'durable']).default('fast'),
  LOG_LEVEL: z.string().default('info'),
});

export type DevSettings = z.infer<typeof devSchema> & { dataDir: string };

export function devSettings(env: NodeJS.ProcessEnv = process.env): DevSettings {
  const s = loadConfig(devSchema, env);
  return { ...s, dataDir: path.resolve(s.RENKEI_DATA_DIR) };
}
