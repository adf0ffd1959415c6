import type { Account } from '../backend/backend.js';
import { languages, type Direction, type Language, type Settings, type Theme } from './settings.js';

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
  return (
    <div className="toolbar" role="group" aria-label="Portal settings">
      <label>
        User{' '}
        <select value={account?.key ?? ''} onChange={(e) => onAccount(e.target.value)} disabled={accounts.length < 2}>
          {accounts.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Language{' '}
        <select value={settings.language} onChange={(e) => onSettings({ language: e.target.value as Language })}>
          {languages.map((l) => (
            <option key={l.value} value={l.value} lang={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Theme{' '}
        <select value={settings.theme} onChange={(e) => onSettings({ theme: e.target.value as Theme })}>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label>
        Direction{' '}
        <select value={settings.direction} onChange={(e) => onSettings({ direction: e.target.value as Direction })}>
          <option value="auto">From language</option>
          <option value="ltr">Left to right</option>
          <option value="rtl">Right to left</option>
        </select>
      </label>
      {onReset && (
        <button type="button" onClick={onReset}>
          Reset demo data
        </button>
      )}
      {onSignOut && (
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      )}
    </div>
  );
}
