/**
 * Keyset paging as a stack of cursors: the cursor of every page from the first (`null`) to the
 * one on screen. "Next" pushes the page's `next_cursor`, "previous" pops one. The database hands
 * out cursors only forward, so the stack is what makes "previous" possible. Immutable: every
 * move returns a new stack, so an element holding it in a reactive property refetches.
 */
export type CursorStack = readonly (string | null)[];

export const firstPage: CursorStack = [null];

/** The cursor to send for the page on screen. */
export const currentCursor = (stack: CursorStack): string | null => stack.at(-1) ?? null;

/** The page on screen, from 1. */
export const pageNumber = (stack: CursorStack): number => stack.length;

export const nextPage = (stack: CursorStack, nextCursor: string | null): CursorStack =>
  nextCursor ? [...stack, nextCursor] : stack;

export const previousPage = (stack: CursorStack): CursorStack => (stack.length > 1 ? stack.slice(0, -1) : stack);
