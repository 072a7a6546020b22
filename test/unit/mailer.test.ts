// The partners' mailer against the mail sink, through a TCP relay that counts and can cut the
// connections: many e-mails share the pool's few open connections, a refused message leaves the
// connection usable for the next, and a cut connection is opened again for the next message.
import { strict as assert } from 'node:assert';
import net, { type AddressInfo, type Socket } from 'node:net';
import { MailControl, startMailSink, type RunningMailSink } from '../../emulators/mail';
import { Mailer } from '../../providers/mail/mailer';
import { ProviderUnavailableError } from '../../providers/http-errors';

interface Relay {
  port: number;
  /** Connections opened through the relay so far. */
  opened(): number;
  /** Cuts every open connection. */
  cut(): void;
  close(): Promise<void>;
}

async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  let opened = 0;
  const open = new Set<Socket>();
  const server = net.createServer((client) => {
    opened += 1;
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => s.destroy());
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    opened: () => opened,
    cut: () => {
      for (const s of open) s.destroy();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('partner mailer (pooled SMTP connections)', () => {
  let sink: RunningMailSink;
  let control: MailControl;
  let relay: Relay;
  let mailer: Mailer;
  const message = (i: number) => ({
    to: `partner${i}@partner.example`,
    subject: '請求書を作成してください',
    text: `発注書 RM-${i} の請求書を作成してください。`,
    html: `<p>発注書 RM-${i} の請求書を作成してください。</p>`,
    deliveryKey: `order:o${i}:invoice_reminder:0:email`,
  });

  before(async () => {
    sink = await startMailSink();
    control = new MailControl(sink.url);
    relay = await startRelay(sink.smtpUrl);
    mailer = new Mailer({ smtpUrl: `smtp://127.0.0.1:${relay.port}`, from: 'Lansmart by SmartHR <noreply@lansmart.example>', timeoutMs: 5000, maxConnections: 2 });
  });

  after(async () => {
    mailer.close();
    await relay.close();
    await sink.stop();
  });

  it('sends thirty e-mails at once over at most two connections', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => mailer.send(message(i))));
    const received = await control.messages({ subject: '請求書を作成してください' });
    assert.equal(received.length, 30);
    assert.equal(new Set(received.map((m) => m.messageId)).size, 30, 'one Message-ID per delivery key');
    assert.ok(relay.opened() <= 2, `${relay.opened()} connections opened`);
  });

  it('sends the next e-mail after a refused one, and after its connection was cut', async () => {
    await control.reset();
    await control.smtpFault({ code: 451, message: 'Temporary local problem' });
    await assert.rejects(mailer.send(message(100)), (err: unknown) => err instanceof ProviderUnavailableError);
    await mailer.send(message(101));
    const before = relay.opened();
    relay.cut();
    await mailer.send(message(102));
    assert.ok(relay.opened() > before, 'a new connection for the message after the cut');
    assert.deepEqual(
      (await control.messages()).map((m) => m.to),
      [['partner101@partner.example'], ['partner102@partner.example']],
    );
  });
});
