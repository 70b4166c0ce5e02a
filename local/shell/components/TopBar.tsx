import type { ColorMode } from '../../bridge-host/theme-mode';
import { ThemeSwitch } from '../theme';
import type { WorkspaceUser } from '../workspace-client';

type Props = { users: WorkspaceUser[]; accountId: string; onSwitchUser(accountId: string): void; onCreate(): void; colorMode: ColorMode; onColorMode(mode: ColorMode): void };

export function userLabel(u: WorkspaceUser): string {
  return u.roles.length ? `${u.displayName} (${u.roles.join(', ')})` : u.displayName;
}

export function TopBar({ users, accountId, onSwitchUser, onCreate, colorMode, onColorMode }: Props) {
  return (
    <header className="topbar">
      <a className="product" href="#/issues">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2" y="9" width="20" height="8" rx="2" fill="#0C66E4" />
          <circle cx="7" cy="19" r="2" fill="#172B4D" />
          <circle cx="17" cy="19" r="2" fill="#172B4D" />
          <rect x="5" y="5" width="6" height="4" fill="#0C66E4" />
        </svg>
        <span>Release Train — local workspace</span>
      </a>
      <button type="button" className="primary" onClick={onCreate}>
        Create bug
      </button>
      <span className="spacer" />
      <ThemeSwitch mode={colorMode} onChange={onColorMode} />
      <label htmlFor="rt-user-switcher">Acting as</label>
      <select id="rt-user-switcher" value={accountId} onChange={(e) => onSwitchUser(e.target.value)}>
        {users.map((u) => (
          <option key={u.accountId} value={u.accountId}>
            {userLabel(u)}
          </option>
        ))}
      </select>
    </header>
  );
}
