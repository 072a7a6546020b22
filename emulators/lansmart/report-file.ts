// A 報告書 file a partner attached to an order (docs/flows/lansmart-line.md, work report and
// invoice ⑤): the platform keeps the bytes; renkei only sends them. The console lists them per order
// and downloads them as attachments.

export const REPORT_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ReportFileType = (typeof REPORT_FILE_TYPES)[number];

/** The platform's own limit on one file (renkei's is configurable and at most this). */
export const PLATFORM_MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

export interface ReportFile {
  fileId: string;
  orderId: string;
  partnerId: string;
  fileName: string;
  contentType: ReportFileType;
  size: number;
  uploadedAt: string;
  data: Buffer;
}

/** The API's view of a file (no bytes). */
export type ReportFileView = Omit<ReportFile, 'data'>;

export function reportFileView(file: ReportFile): ReportFileView {
  const { data: _data, ...view } = file;
  return view;
}
