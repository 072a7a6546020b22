// The words of 報告書のアップロード (docs/flows/lansmart-line.md, work report and invoice ⑤: 「立替経費の入力、
// 報告書のアップロードもスマホから行えます」): the form, the files the platform keeps for the order, and
// why an upload was refused — in each language.
import type { Catalogue, MessagesLike } from '../../pages/locale';

const ja = {
  title: '報告書のアップロード',
  lead: (mb: string) => `報告書のファイル（PDF・JPEG・PNG、${mb}MBまで）を選択し、「アップロード」をタップしてください。`,
  fileLabel: '報告書ファイル',
  upload: 'アップロード',
  uploaded: '報告書をアップロードしました。',
  listTitle: 'アップロードした報告書',
  none: 'まだありません。',
  noFile: 'ファイルを選択してください。',
  tooLarge: (mb: string) => `ファイルが大きすぎます。${mb}MB以下のファイルを選択してください。`,
  wrongType: 'このファイルはアップロードできません。PDF・JPEG・PNGのファイルを選択してください。',
  unreadable: 'ファイルを受け取れませんでした。もう一度選択してアップロードしてください。',
  platformRefused: 'このファイルは受け付けられませんでした。別のファイルを選択してください。',
  closed: 'この発注書には、現在報告書をアップロードできません。',
  back: '戻る',
};

const en: MessagesLike<typeof ja> = {
  title: 'Upload a report',
  lead: (mb) => `Choose the report file (PDF, JPEG or PNG, up to ${mb} MB) and tap “Upload”.`,
  fileLabel: 'Report file',
  upload: 'Upload',
  uploaded: 'The report was uploaded.',
  listTitle: 'Reports uploaded',
  none: 'None yet.',
  noFile: 'Choose a file.',
  tooLarge: (mb) => `The file is too large. Choose a file of ${mb} MB or less.`,
  wrongType: 'This file cannot be uploaded. Choose a PDF, JPEG or PNG file.',
  unreadable: 'The file did not arrive. Choose it again and upload it.',
  platformRefused: 'This file was not accepted. Choose another file.',
  closed: 'Reports cannot be uploaded to this order now.',
  back: 'Back',
};

export const REPORT_FILE_TEXT: Catalogue<typeof ja> = { ja, en };
