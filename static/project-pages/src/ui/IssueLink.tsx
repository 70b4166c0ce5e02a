import type { MouseEvent } from 'react';
import { router } from '../api';

export const browse = (issueKey: string) => `/browse/${encodeURIComponent(issueKey)}`;

/** Opens the issue in Jira through the bridge's router (as Custom UI must), not inside the iframe. */
export const openIssue = (issueKey: string) => (e: MouseEvent) => {
  e.preventDefault();
  void router.navigate(browse(issueKey));
};

/** An issue key that opens the issue in Jira. */
export function IssueLink({ issueKey, className }: { issueKey: string; className?: string }) {
  return (
    <a href={browse(issueKey)} onClick={openIssue(issueKey)} className={className}>
      {issueKey}
    </a>
  );
}
