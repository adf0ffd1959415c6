import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { common } from './locales/en/common.js';
import type { Translation } from './locales/terms.js';

export type { Translation };

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | null };

const translations = new Map<string, Partial<Translation>>([['en', common]]);
const hosts = new Set<Host>();

/**
 * Adds (or replaces) translations; connected elements re-render in the new words. Also call it
 * with no arguments after changing `<html lang>` at run time: the elements do not watch the
 * document (an observer per page would cost every widget's bundle for a rare event).
 */
export function registerTranslation(...list: Translation[]) {
  for (const t of list) translations.set(t.$code.toLowerCase(), t);
  for (const host of hosts) host.requestUpdate();
}

/**
 * Resolves an element's language (its `locale`, else the nearest `lang`, else the document's)
 * and formats with `Intl`. Direction needs no code: `dir` on any ancestor sets the inherited CSS
 * `direction`, and every layout uses logical properties. Missing terms fall back to English: the shared terms
 * plus `english`, the element's own (so each bundle carries only the English it shows).
 */
export class LocalizeController implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly english: Partial<Translation> = {},
  ) {
    host.addController(this);
  }

  hostConnected() {
    hosts.add(this.host);
  }

  hostDisconnected() {
    hosts.delete(this.host);
  }

  lang(): string {
    const own = this.host.locale;
    const inherited = this.host.closest<HTMLElement>('[lang]')?.lang;
    return own || inherited || document.documentElement.lang || 'en';
  }

  translation(): Partial<Translation> {
    const code = this.lang().toLowerCase();
    return translations.get(code) ?? translations.get(code.split('-')[0]!) ?? common;
  }

  term<K extends keyof Translation>(key: K): Translation[K] {
    return (this.translation()[key] ?? this.english[key] ?? (common as Partial<Translation>)[key])!;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatter(this.lang(), options).format(value);
  }

  /** `value` is 0–100 (see `percentDone`); shown with at most one decimal. */
  percent(value: number): string {
    return this.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  }
}

// Building an Intl formatter costs far more than using one; lists render thousands of numbers.
const cache = new Map<string, Intl.NumberFormat>();
function formatter(lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let found = cache.get(key);
  if (!found) {
    try {
      found = new Intl.NumberFormat(lang, options);
    } catch {
      found = new Intl.NumberFormat('en', options); // an invalid language tag must not break the page
    }
    cache.set(key, found);
  }
  return found;
}
