// Root hooks of the production smoke suite: compiles renkei and starts the production-shaped stack
// (scripts/lib/prod-stack.ts: the Temporal server on PostgreSQL, FerretDB on PostgreSQL, two
// workers and two APIs from dist/) once, with its data directory kept between runs; the tests
// drive it over HTTP and read it through a Temporal client and Mongo like an operator would.
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { temporalDataConverterFromEnv } from '../../config/temporal-data-converter';
import { LansmartControl, LineControl, MailControl } from '../../emulators';
import { EmulatorControl } from '../../emulators/control-client';
import { connectMongo } from '../../models';
import { buildRenkei, prodSettings, startProdStack, type ProdStack } from '../../scripts/lib/prod-stack';

export interface ProdSuite {
  stack: ProdStack;
  client: Client;
  lineWorks: EmulatorControl;
  freee: EmulatorControl;
  lansmart: LansmartControl;
  line: LineControl;
  mail: MailControl;
}

let current: ProdSuite | undefined;
let connection: Connection | undefined;

export function prod(): ProdSuite {
  if (!current) throw new Error('the production-shaped stack is not started (test/prod/hooks.ts did not run)');
  return current;
}

/** The stack's progress (a first run builds the Temporal server: minutes). */
const log = (line: string): void => {
  process.stdout.write(`  [stack] ${line}\n`);
};

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(15 * 60_000);
    await buildRenkei(log);
    const stack = await startProdStack(prodSettings(), log);
    connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection, namespace: 'default', dataConverter: temporalDataConverterFromEnv(stack.env) });
    await connectMongo(stack.mongoUri);
    current = { stack, client, lineWorks: new EmulatorControl(stack.emulatorUrls.lineworks), freee: new EmulatorControl(stack.emulatorUrls.freee),
      lansmart: new LansmartControl(stack.emulatorUrls.lansmart),
      line: new LineControl(stack.emulatorUrls.line),
      mail: new MailControl(stack.emulatorUrls.mail),
    };
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    await mongoose.disconnect();
    await connection?.close();
    await current?.stack.stop();
    current = undefined;
  },
};
