// The mail sink: a real nodemailer send of a Japanese message round-trips (subject, bodies, names,
// Message-ID), messages are queried by recipient and subject, the inbox pages show them with the
// HTML sandboxed, and an SMTP fault fails the next delivery before the retry succeeds.

import { strict as assert } from 'node:assert';
import nodemailer, { type Transporter } from 'nodemailer';
import { EmulatorControlError } from '../../emulators/control-client';
import { MailControl, startMailSink, type RunningMailSink } from '../../emulators/mail';

interface SmtpFailure {
  responseCode?: number;
  response?: string;
}

describe('mail sink', () => {
  let sink: RunningMailSink;
  let control: MailControl;
  let transport: Transporter;

  const page = async (path: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(`${sink.url}${path}`);
    return { status: response.status, text: await response.text() };
  };

  before(async () => {
    sink = await startMailSink();
    control = new MailControl(sink.url);
    transport = nodemailer.createTransport({ host: sink.smtpUrl.host, port: sink.smtpUrl.port, secure: false });
  });

  after(async () => {
    transport.close();
    await sink.stop();
  });

  beforeEach(async () => {
    await control.reset();
  });

  it('round-trips a Japanese message sent with nodemailer', async () => {
    const info = (await transport.sendMail({
      from: '"Lansmart by SmartHR" <no-reply@lansmart.example>',
      to: '"山田 花子" <Hanako@Partner.example>',
      cc: 'boss@sample.example',
      subject: '【Lansmart】請求書を作成してください（締め日: 2026年3月31日）',
      text: '山田 花子 様\n\n締め日を過ぎましたが、請求書が未提出です。\nhttps://renkei.example/orders/ord-1 から作成してください。',
      html: '<p>山田 花子 様</p><p>請求書が<strong>未提出</strong>です。</p>',
    })) as { messageId: string };

    const [message] = await control.messages();
    assert.ok(message !== undefined);
    assert.equal(message.subject, '【Lansmart】請求書を作成してください（締め日: 2026年3月31日）');
    assert.equal(message.text?.trim(), '山田 花子 様\n\n締め日を過ぎましたが、請求書が未提出です。\nhttps://renkei.example/orders/ord-1 から作成してください。');
    assert.equal(message.html, '<p>山田 花子 様</p><p>請求書が<strong>未提出</strong>です。</p>');
    assert.deepEqual(message.from, { address: 'no-reply@lansmart.example', name: 'Lansmart by SmartHR' });
    assert.deepEqual(message.to.sort(), ['boss@sample.example', 'hanako@partner.example']);
    assert.equal(message.headerTo[0]?.name, '山田 花子');
    assert.equal(message.messageId, info.messageId);
    assert.equal(message.headers['message-id'], info.messageId);
    assert.equal(message.headers.subject, message.subject);
    assert.ok(!Number.isNaN(Date.parse(message.receivedAt)));
  });

  it('accepts senders that authenticate, with any credentials', async () => {
    const authenticated = nodemailer.createTransport({ host: sink.smtpUrl.host, port: sink.smtpUrl.port, secure: false, auth: { user: 'renkei', pass: 'anything' } });
    try {
      await authenticated.sendMail({ from: 'renkei@renkei.example', to: 'partner@example.com', subject: '認証あり', text: '本文' });
    } finally {
      authenticated.close();
    }
    assert.equal((await control.messages({ subject: '認証あり' })).length, 1);
  });

  it('finds messages by recipient (case-insensitive) and part of the subject, and empties the mailbox', async () => {
    await transport.sendMail({ from: 'no-reply@lansmart.example', to: 'hanako@partner.example', subject: '発注書を確認してください', text: 'a' });
    await transport.sendMail({ from: 'no-reply@lansmart.example', to: 'jiro@partner.example', subject: '発注書を確認してください', text: 'b' });
    await transport.sendMail({ from: 'no-reply@lansmart.example', to: 'hanako@partner.example', subject: '支払通知書を確認してください', text: 'c' });

    assert.deepEqual((await control.messages({ to: 'HANAKO@partner.example' })).map((message) => message.text?.trim()), ['a', 'c']);
    assert.deepEqual((await control.messages({ subject: '発注書' })).map((message) => message.text?.trim()), ['a', 'b']);
    assert.deepEqual((await control.messages({ to: 'hanako@partner.example', subject: '支払通知書' })).map((message) => message.text?.trim()), ['c']);
    assert.deepEqual(await control.messages({ to: 'nobody@example.com' }), []);

    await control.clearMessages();
    assert.deepEqual(await control.messages(), []);
  });

  it('shows the inbox newest first and a message with its HTML sandboxed', async () => {
    await transport.sendMail({ from: 'no-reply@lansmart.example', to: 'hanako@partner.example', subject: '業務報告が作成されました', text: '最初' });
    await transport.sendMail({
      from: 'no-reply@lansmart.example',
      to: 'jiro@partner.example',
      subject: '請求書が差し戻されました <注意>',
      text: '理由: 金額が違います\nhttps://renkei.example/orders/ord-2',
      html: '<p>差し戻されました</p><script>alert("x")</script>',
    });

    const inbox = await page('/inbox');
    assert.equal(inbox.status, 200);
    assert.match(inbox.text, /<html lang="ja">/);
    const newer = inbox.text.indexOf('請求書が差し戻されました &lt;注意&gt;');
    const older = inbox.text.indexOf('業務報告が作成されました');
    assert.ok(newer !== -1 && older !== -1 && newer < older, 'newest first, subjects escaped');

    const filtered = await page('/inbox?to=hanako%40partner.example');
    assert.match(filtered.text, /業務報告が作成されました/);
    assert.doesNotMatch(filtered.text, /差し戻されました/);

    const [, remand] = await control.messages();
    const shown = await page(`/inbox/${remand?.id ?? ''}`);
    assert.equal(shown.status, 200);
    assert.match(shown.text, /jiro@partner\.example/);
    assert.match(shown.text, /<a href="https:\/\/renkei\.example\/orders\/ord-2" target="_blank" rel="noopener noreferrer">/);
    assert.match(shown.text, /<iframe [^>]*sandbox="allow-popups allow-popups-to-escape-sandbox"[^>]*srcdoc="[^"]*&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.doesNotMatch(shown.text, /<script>/);

    assert.equal((await page('/inbox/unknown-id')).status, 404);
  });

  it('fails the next delivery with an armed SMTP fault, then accepts the retry', async () => {
    const mail = { from: 'no-reply@lansmart.example', to: 'hanako@partner.example', subject: '支払通知書を確認してください', text: '期日までに承認してください。' };

    await control.smtpFault({ code: 451, message: 'Temporary local problem' });
    const temporary = await transport.sendMail(mail).then(
      () => undefined,
      (error: unknown) => error as SmtpFailure,
    );
    assert.equal(temporary?.responseCode, 451);
    assert.match(temporary?.response ?? '', /Temporary local problem/);
    assert.deepEqual(await control.messages(), []);

    await transport.sendMail(mail);
    assert.equal((await control.messages()).length, 1);

    await control.smtpFault({ code: 550, stage: 'data', times: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const permanent = await transport.sendMail(mail).then(
        () => undefined,
        (error: unknown) => error as SmtpFailure,
      );
      assert.equal(permanent?.responseCode, 550);
    }
    assert.deepEqual(await control.smtpFaults(), []);
    await transport.sendMail(mail);
    assert.equal((await control.messages()).length, 2);

    await assert.rejects(control.smtpFault({ code: 250 }), (error: unknown) => error instanceof EmulatorControlError && error.status === 400);
  });
});
