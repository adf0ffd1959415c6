import type { SelectOption } from './options.js';

/**
 * Type-ahead as native selects do it: letters typed in quick succession form one search; the
 * same letter repeated cycles through the options starting with it. Disabled options are skipped.
 */
export class TypeAhead {
  #buffer = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Opening or closing the list starts a new search. */
  reset() {
    clearTimeout(this.#timer);
    this.#buffer = '';
  }

  /** Returns the index of the option to move to, or -1 when nothing matches. */
  find(options: readonly SelectOption[], current: number, key: string): number {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#buffer = ''), 500);
    this.#buffer += key.toLowerCase();
    const repeated = [...this.#buffer].every((c) => c === this.#buffer[0]);
    const search = repeated ? this.#buffer[0]! : this.#buffer;
    // A new search starts after the current option, so repeating a letter moves on.
    const start = repeated || this.#buffer.length === 1 ? current + 1 : current;
    for (let n = 0; n < options.length; n++) {
      const i = (start + n + options.length) % options.length;
      const option = options[i]!;
      if (!option.disabledReason && option.keys.some((k) => k.startsWith(search))) return i;
    }
    return -1;
  }
}
