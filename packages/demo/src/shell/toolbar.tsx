import type { Account } from '../backend/backend.js';
import { languages, type Direction, type Language, type Settings, type Theme } from './settings.js';
import { useWords } from './words.js';

interface ToolbarProps {
  accounts: Account[];
  account: Account | undefined;
  onAccount(key: string): void;
  settings: Settings;
  onSettings(change: Partial<Settings>): void;
  onReset?: (() => void) | undefined;
  onSignOut?: (() => void) | undefined;
}

/** The portal's switches: who to act as, language, theme, direction, and the demo's reset. */
export function Toolbar({ accounts, account, onAccount, settings, onSettings, onReset, onSignOut }: ToolbarProps) {
  const w = useWords().settings;
  return (
    <div className="toolbar" role="group" aria-label={w.group}>
      <label>
        {w.user}{' '}
        <select name="user" value={account?.key ?? ''} onChange={(e) => onAccount(e.target.value)} disabled={accounts.length < 2}>
          {accounts.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {w.language}{' '}
        <select name="language" value={settings.language} onChange={(e) => onSettings({ language: e.target.value as Language })}>
          {languages.map((l) => (
            <option key={l.value} value={l.value} lang={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {w.theme}{' '}
        <select name="theme" value={settings.theme} onChange={(e) => onSettings({ theme: e.target.value as Theme })}>
          <option value="light">{w.light}</option>
          <option value="dark">{w.dark}</option>
        </select>
      </label>
      <label>
        {w.direction}{' '}
        <select name="direction" value={settings.direction} onChange={(e) => onSettings({ direction: e.target.value as Direction })}>
          <option value="auto">{w.fromLanguage}</option>
          <option value="ltr">{w.ltr}</option>
          <option value="rtl">{w.rtl}</option>
        </select>
      </label>
      {onReset && (
        <button type="button" onClick={onReset}>
          {w.reset}
        </button>
      )}
      {onSignOut && (
        <button type="button" onClick={onSignOut}>
          {w.signOut}
        </button>
      )}
    </div>
  );
}
