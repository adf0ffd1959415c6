import type { SelectOption } from './options.js';

/** How long after the last key a search continues (ms), as in Chromium's native select. */
const TIMEOUT = 1000;

/**
 * Type-ahead as native selects and the WAI-ARIA listbox pattern do it: keys typed in quick
 * succession form one search, and a space while a search is in progress is part of it ("spring s"
 * finds "Spring Sale"); the same letter repeated cycles through the options starting with it.
 * Times are the key events' `timeStamp` (ms), so nothing runs on a timer.
 */
export class TypeAhead {
  #buffer = '';
  #last = Number.NEGATIVE_INFINITY;

  /** Opening or closing the list starts a new search. */
  reset() {
    this.#buffer = '';
  }

  /** Whether a search is in progress at `time`: then a space belongs to it. */
  searching(time: number): boolean {
    return this.#buffer !== '' && time - this.#last < TIMEOUT;
  }

  /**
   * The index of the option to move to, or -1 when nothing matches. `enabledOnly` skips disabled
   * options (for choosing directly while the list is closed; in the open list they are reachable).
   */
  find(options: readonly SelectOption[], current: number, key: string, time: number, enabledOnly: boolean): number {
    if (!this.searching(time)) this.#buffer = '';
    this.#last = time;
    this.#buffer += key.toLowerCase();
    const repeated = [...this.#buffer].every((c) => c === this.#buffer[0]);
    const search = repeated ? this.#buffer[0]! : this.#buffer;
    // A new search starts after the current option, so repeating a letter moves on.
    const start = repeated || this.#buffer.length === 1 ? current + 1 : current;
    for (let n = 0; n < options.length; n++) {
      const i = (start + n + options.length) % options.length;
      const option = options[i]!;
      if (!(enabledOnly && option.disabledReason) && option.keys.some((k) => k.startsWith(search))) return i;
    }
    return -1;
  }
}
