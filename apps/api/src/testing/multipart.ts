/** A multipart/form-data body with one file part, as a browser sends it (for `TestApp.request`). */
export function multipart(
  content: Buffer,
  filename: string,
  field = 'file',
  contentType = 'application/octet-stream',
): { headers: Record<string, string>; payload: Buffer } {
  const boundary = `----aula${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
  };
}
