// The platform emulator's 報告書 files, through renkei's own platform client: a PDF or image kept
// for the order (one file per idempotency key), anything else refused by its bytes whatever its
// name (nothing kept), another partner refused, and the console's download an attachment that a
// browser neither runs nor sniffs.

import { strict as assert } from 'node:assert';
import { LansmartControl, createLansmartEmulator } from '../../emulators/lansmart';
import { silentLogger } from '../../emulators/harness/logger';
import { startEmulatorServer, type RunningEmulator } from '../../emulators/harness/server';
import { ProviderRejectedError } from '../../providers/http-errors';
import { LansmartPlatformClient } from '../../providers/lansmart/platform-client';

const API_KEY = 'lansmart-test-key';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('Lansmart platform emulator: 報告書 files', () => {
  let emulator: RunningEmulator;
  let client: LansmartPlatformClient;

  before(async () => {
    emulator = await startEmulatorServer(createLansmartEmulator(), { host: '127.0.0.1', port: 0, logger: silentLogger() });
    client = new LansmartPlatformClient({ apiBaseUrl: emulator.url, apiKey: API_KEY, timeoutMs: 5000 });
    const control = new LansmartControl(emulator.url);
    await control.seed({
      apiKey: API_KEY,
      companies: [{ companyId: 'c-1', name: '株式会社サンプル', lineOption: true }],
      partners: [
        { partnerId: 'p-1', companyId: 'c-1', email: 'hanako@partner.example' },
        { partnerId: 'p-2', companyId: 'c-1', email: 'jiro@partner.example' },
      ],
    });
    await control.createOrder({ orderId: 'ord-1', partnerId: 'p-1', title: 'LP制作', amountYen: 1000, workPeriod: { from: '2026-01-01', to: '2026-01-31' }, closingDate: '2026-01-31' });
  });

  after(async () => {
    await emulator.stop();
  });

  it('keeps a PDF once per key, refuses HTML named .pdf and another partner, and downloads as an attachment', async () => {
    const first = await client.uploadReportFile('ord-1', 'p-1', 'k-1', { fileName: '報告書.pdf', contentType: 'application/pdf', data: PDF });
    const again = await client.uploadReportFile('ord-1', 'p-1', 'k-1', { fileName: '報告書.pdf', contentType: 'application/pdf', data: PDF });
    assert.equal(again.fileId, first.fileId);
    assert.equal(first.contentType, 'application/pdf');
    assert.equal(first.size, PDF.length);

    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    await assert.rejects(
      client.uploadReportFile('ord-1', 'p-1', 'k-2', { fileName: 'evil.pdf', contentType: 'application/pdf', data: html }),
      (err: unknown) => err instanceof ProviderRejectedError && err.status === 415,
    );
    await assert.rejects(
      client.uploadReportFile('ord-1', 'p-2', 'k-3', { fileName: 'x.pdf', contentType: 'application/pdf', data: PDF }),
      (err: unknown) => err instanceof ProviderRejectedError && err.status === 403,
    );
    const files = await client.listReportFiles('ord-1', 'p-1');
    assert.deepEqual(files.map((f) => f.fileName), ['報告書.pdf']);

    const page = await (await fetch(`${emulator.url}/company/orders`)).text();
    assert.match(page, new RegExp(`href="/company/orders/ord-1/report-files/${first.fileId}"`));
    const download = await fetch(`${emulator.url}/company/orders/ord-1/report-files/${first.fileId}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename=.*filename\*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8\.pdf$/);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PDF);
  });
});
