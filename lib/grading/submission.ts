/** The largest submission the judge accepts: 64 KiB of UTF-8, far beyond any exercise's solution. */
export const SUBMISSION_LIMIT_BYTES = 64 * 1024;

/** UTF-8 length without encoding the text (a body far over the limit should cost nothing to measure). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether the code fits under `limit` bytes; the size is reported either way for the message. */
export function submissionSize(code: string, limit = SUBMISSION_LIMIT_BYTES): { bytes: number; fits: boolean } {
  const bytes = utf8ByteLength(code);
  return { bytes, fits: bytes <= limit };
}
