import type { Status } from '../jira-client';
import { statusAppearance } from '../issue-format';

export function StatusLozenge({ status }: { status: Status | undefined | null }) {
  if (!status) return null;
  return <span className={`lozenge ${statusAppearance(status)}`}>{status.name}</span>;
}
