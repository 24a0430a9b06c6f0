/** Longest answer the scorer reads, in UTF-16 code units (`string.length`); the API rejects longer ones. */
export const MAX_ANSWER_CHARS = 5_000;
