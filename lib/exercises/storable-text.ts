/**
 * Why a string cannot be stored as text, or undefined. PostgreSQL refuses NUL in a text column and
 * Prisma refuses ill-formed UTF-16 (a surrogate without its pair) on either database, so such code
 * is refused with a 400 before it is judged rather than failing after.
 */
export function unstorableText(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return `contains a NUL character (U+0000) at position ${i}; remove it`;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return `contains a lone surrogate (U+${unit.toString(16).toUpperCase()}, half of a character) at position ${i}; it is not valid Unicode`;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return `contains a lone surrogate (U+${unit.toString(16).toUpperCase()}, half of a character) at position ${i}; it is not valid Unicode`;
    }
  }
  return undefined;
}
