/*
 * An imported row cannot keep its id: ids are primary keys across all learners, and the file may
 * come from a learner whose rows are still there. Nor may it get a random one: importing the same
 * file twice must leave the same rows. So the new id is a hash of the target learner and the old
 * id. One function for every table, so a reference (an attempt's mock session, an event's
 * subject) maps exactly as the row it names does, whichever table that row is in.
 */

/** SHA-256 of a string's UTF-8 bytes, as 64 lower-case hex digits. Supplied by the caller (node:crypto on the server). */
export type Sha256Hex = (text: string) => string;

/** Maps an id from an export file to the id its row gets when imported for one learner. */
export type IdRemap = (oldId: string) => string;

/**
 * The id a row with `oldId` gets when imported into `learnerId`'s data: a name-based UUIDv8 from
 * SHA-256, as RFC 9562 §5.8 and its Appendix B.2 example build one. Old ids are [A-Za-z0-9_-]
 * (export-schema.ts), so the ':' separators make the hashed name unambiguous.
 */
export function importedId(learnerId: string, oldId: string, sha256: Sha256Hex): string {
  const hex = sha256(`traffic-cop-import:v1:${learnerId}:${oldId}`).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const digits = hex.join('');
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20, 32)}`;
}

/** importedId for one target learner, as the remap that rowsFromExport applies to every id and reference. */
export function importedIds(learnerId: string, sha256: Sha256Hex): IdRemap {
  return (oldId) => importedId(learnerId, oldId, sha256);
}
