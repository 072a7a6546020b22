// 報告書のアップロード (docs/flows/lansmart-line.md, work report and invoice ⑤): the files the platform
// keeps for the order (names and sizes only: renkei never serves a file back), the upload form
// (multipart, with the form token before the file) while the order takes reports, and why the last
// upload was refused, if it was.
import type { OrderView } from '../../../common/orders/order-view';
import type { PlatformReportFile } from '../../../providers/lansmart/platform-client';
import { html } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import { orderPaths } from '../partner-order';
import { REPORT_FILE_TEXT } from './report-file-catalogue';
import { hiddenToken, partnerPage } from './partner-layout';
import { type FormToken } from '../../web/csrf';

export interface ReportFileView {
  files: PlatformReportFile[];
  /** The form's token while the order takes reports; none once it does not. */
  token?: FormToken;
  maxBytes: number;
  back: string;
  notice?: string;
  alert?: string;
}

const megabytes = (bytes: number): string => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
const kilobytes = (bytes: number): string => `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('ja-JP')} KB`;

export function reportFilePage(ctx: PageContext, state: OrderView, v: ReportFileView): string {
  const t = REPORT_FILE_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.title,
    html`<h1 data-step="report-files">${t.title}</h1>
<p class="muted">${state.details.orderNumber} ${state.details.title}</p>
${v.notice ? html`<p class="info" role="status" data-upload-notice>${v.notice}</p>` : ''}
${v.alert ? html`<p class="alert" role="alert" data-upload-error>${v.alert}</p>` : ''}
${
  v.token
    ? html`<form method="post" action="${orderPaths(state.orderId).reportFiles}" enctype="multipart/form-data" class="card">${hiddenToken(v.token)}
<p>${t.lead(megabytes(v.maxBytes))}</p>
<label for="f-file">${t.fileLabel}</label><input type="file" id="f-file" name="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" required>
<button class="btn primary" type="submit">${t.upload}</button>
</form>`
    : html`<p class="info">${t.closed}</p>`
}
<section class="card"><h2>${t.listTitle}</h2>
${v.files.length ? html`<ul>${v.files.map((f) => html`<li data-report-file="${f.fileId}"><span data-file-name>${f.fileName}</span> <small class="muted">${kilobytes(f.size)}</small></li>`)}</ul>` : html`<p class="muted" data-no-files>${t.none}</p>`}
</section>
<a class="btn secondary" href="${v.back}">${t.back}</a>`,
  );
}
