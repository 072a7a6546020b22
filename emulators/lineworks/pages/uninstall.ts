// Removing an app: 「{app}アプリを削除しますか?」 with [削除] / [キャンセル], then the result.

import type { Response } from 'express';
import { html } from '../../../api/pages/html';
import type { RegisteredApp } from '../state';
import { sendWorksPage } from './layout';

export function sendUninstallConfirmPage(res: Response, app: RegisteredApp): void {
  const base = `/admin/apps/${encodeURIComponent(app.clientId)}`;
  const title = `${app.name}アプリを削除しますか?`;
  sendWorksPage(
    res,
    200,
    title,
    html`<section class="card">
<h1>${title}</h1>
<p>削除すると、${app.name}はこのドメインで利用できなくなります。</p>
<form method="post" action="${base}/uninstall">
<button type="submit" class="danger">削除</button>
<a class="button" href="${base}">キャンセル</a>
</form>
</section>`,
  );
}

export function sendUninstalledPage(res: Response, app: RegisteredApp): void {
  sendWorksPage(
    res,
    200,
    `${app.name}アプリを削除しました`,
    html`<section class="card">
<h1>${app.name}アプリを削除しました</h1>
<a class="button" href="/admin/apps/${encodeURIComponent(app.clientId)}">アプリ詳細に戻る</a>
</section>`,
  );
}
