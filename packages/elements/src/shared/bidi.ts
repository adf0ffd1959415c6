/**
 * Wraps text placed inside a longer string (an attribute, a label, a sentence) in Unicode
 * first-strong isolates, the `<bdi>` of plain strings.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
