// Reads the first file part of a multipart/form-data body (an attachment upload). Only what an
// upload needs: the boundary from Content-Type, the part's filename and its raw bytes.

export interface UploadedPart {
  fieldName?: string;
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function headerValue(headers: string, name: string): string | undefined {
  const line = headers.split('\r\n').find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** The first part carrying a filename (else the first part), or undefined when the body is not multipart. */
export function firstMultipartFile(contentType: string, body: Buffer): UploadedPart | undefined {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: UploadedPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const part = body.subarray(afterDelimiter + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const disposition = headerValue(headers, 'content-disposition') ?? '';
      parts.push({
        fieldName: /\bname="([^"]*)"/i.exec(disposition)?.[1],
        fileName: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
        contentType: headerValue(headers, 'content-type'),
        data: part.subarray(headerEnd + 4),
      });
    }
    start = next;
  }
  return parts.find((part) => part.fileName !== undefined) ?? parts[0];
}
