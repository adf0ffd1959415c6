import { useEffect, useState } from 'react';
import { registerTranslation } from '@lead-orders/elements';

export type Language = 'en' | 'de' | 'ar';
export type Theme = 'light' | 'dark';
export type Direction = 'auto' | 'ltr' | 'rtl';

export interface Settings {
  language: Language;
  theme: Theme;
  /** `auto` follows the language (Arabic reads right to left). */
  direction: Direction;
}

export const languages: { value: Language; label: string; dir: 'ltr' | 'rtl' }[] = [
  { value: 'en', label: 'English', dir: 'ltr' },
  { value: 'de', label: 'Deutsch', dir: 'ltr' },
  { value: 'ar', label: 'العربية', dir: 'rtl' },
];

const storageKey = 'lead-orders-demo-settings';
const defaults: Settings = { language: 'en', theme: 'light', direction: 'auto' };

function load(): Settings {
  try {
    return { ...defaults, ...(JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<Settings>) };
  } catch {
    return defaults;
  }
}

export function directionOf(settings: Settings): 'ltr' | 'rtl' {
  if (settings.direction !== 'auto') return settings.direction;
  return languages.find((l) => l.value === settings.language)?.dir ?? 'ltr';
}

/**
 * Language, theme and direction, kept in localStorage and applied the way a host portal does:
 * `lang` and `dir` on `<html>`, and the theme as `--lo-color-scheme` plus the page's own colours.
 */
export function useSettings(): [Settings, (change: Partial<Settings>) => void] {
  const [settings, setSettings] = useState(load);
  useEffect(() => {
    const html = document.documentElement;
    html.lang = settings.language;
    html.dir = directionOf(settings);
    html.dataset.theme = settings.theme;
    html.style.setProperty('--lo-color-scheme', settings.theme);
    // The elements do not watch <html lang>; this tells connected ones to render in the new language.
    registerTranslation();
    localStorage.setItem(storageKey, JSON.stringify(settings));
  }, [settings]);
  return [settings, (change) => setSettings((s) => ({ ...s, ...change }))];
}
