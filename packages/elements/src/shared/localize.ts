import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from './locales/en.js';
import type { Translation } from './locales/terms.js';

export type { Translation };

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | null };

const translations = new Map<string, Translation>([['en', en]]);
const hosts = new Set<Host>();

/** Re-render every connected element: a translation arrived or the document's lang/dir changed. */
function refreshAll() {
  for (const host of hosts) host.requestUpdate();
}

// One observer for the whole document instead of one per element.
let documentObserver: MutationObserver | undefined;

/** Adds (or replaces) translations; connected elements re-render in the new words. */
export function registerTranslation(...list: Translation[]) {
  for (const t of list) translations.set(t.$code.toLowerCase(), t);
  refreshAll();
}

/**
 * Resolves an element's language (its `locale`, else the nearest `lang`, else the document's)
 * and direction, and formats with `Intl`. Missing terms fall back to English.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected() {
    hosts.add(this.host);
    if (!documentObserver) {
      documentObserver = new MutationObserver(refreshAll);
      documentObserver.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang', 'dir'],
      });
    }
  }

  hostDisconnected() {
    hosts.delete(this.host);
  }

  lang(): string {
    const own = this.host.locale;
    const inherited = this.host.closest<HTMLElement>('[lang]')?.lang;
    return own || inherited || document.documentElement.lang || 'en';
  }

  /** The nearest `dir`, else the language's own direction. */
  dir(): 'ltr' | 'rtl' {
    const dir = this.host.closest<HTMLElement>('[dir]')?.dir.toLowerCase();
    if (dir === 'rtl' || dir === 'ltr') return dir;
    return this.translation().$dir;
  }

  translation(): Translation {
    const code = this.lang().toLowerCase();
    return translations.get(code) ?? translations.get(code.split('-')[0]!) ?? en;
  }

  term<K extends keyof Translation>(key: K): Translation[K] {
    return this.translation()[key] ?? en[key];
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatter(Intl.NumberFormat, this.lang(), options).format(value);
  }

  /** `value` is 0–100, as the database's `completion_percentage`. */
  percent(value: number): string {
    return this.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  }

  /** A calendar date (`YYYY-MM-DD`): formatted in UTC so no time zone shifts the day. */
  date(value: string): string {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
    return formatter(Intl.DateTimeFormat, this.lang(), options).format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
  }
}

// Building an Intl formatter costs far more than using one; lists render thousands of numbers.
const cache = new Map<string, { format(value: unknown): string }>();
function formatter<T extends { format(value: never): string }>(
  Ctor: new (lang: string, options?: object) => T,
  lang: string,
  options?: object,
): { format(value: unknown): string } {
  const key = `${Ctor.name}|${lang}|${JSON.stringify(options ?? {})}`;
  let found = cache.get(key);
  if (!found) {
    let made: T;
    try {
      made = new Ctor(lang, options);
    } catch {
      made = new Ctor('en', options); // an invalid language tag must not break the page
    }
    found = made as unknown as { format(value: unknown): string };
    cache.set(key, found);
  }
  return found;
}
