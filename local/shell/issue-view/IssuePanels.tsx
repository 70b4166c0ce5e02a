/** Every `jira:issuePanel` of the app, mounted below the description as Jira does (title header + iframe). */
import { useEffect, useMemo, useState } from 'react';
import type { FrameToShell } from '../../bridge-host/frame-config';
import { AppFrame } from '../AppFrame';
import { issuePanelContext } from '../frame-context';
import { frameBase, handleCommonFrameMessage } from '../frame-messages';
import type { Issue } from '../jira-client';
import { useShell } from '../shell-context';
import type { ModuleRef } from '../workspace-client';
import { needsPropertyKeys, panelShows } from './panel-conditions';

function IssuePanel({ panel, issue, onRefresh }: { panel: ModuleRef; issue: Issue; onRefresh(): void }) {
  const shell = useShell();
  const { workspace } = shell;
  const context = useMemo(
    () =>
      issuePanelContext(
        frameBase(shell, panel.key, `${panel.key}-${issue.id}`),
        { id: issue.id, key: issue.key, type: issue.fields.issuetype?.name, typeId: issue.fields.issuetype?.id },
        { id: workspace.projectId, key: workspace.projectKey },
      ),
    // Deps on purpose: one context per user and issue
    [shell.user.accountId, issue.id, issue.key],
  );
  const onMessage = (message: FrameToShell) => {
    if (handleCommonFrameMessage(shell, message)) return;
    if (message.rt === 'refresh-issue') onRefresh();
  };
  return (
    <section className="panel" aria-label={panel.title}>
      <header>{panel.title}</header>
      <AppFrame resource={panel.resource} moduleKey={panel.key} functionKey={panel.functionKey} context={context} title={panel.title} minHeight={120} onMessage={onMessage} />
    </section>
  );
}

export function IssuePanels({ issue, onRefresh }: { issue: Issue; onRefresh(): void }) {
  const { workspace, jira } = useShell();
  const needsKeys = needsPropertyKeys(workspace.issuePanels);
  const [keys, setKeys] = useState<string[] | null>(null);
  useEffect(() => {
    if (!needsKeys) return;
    let live = true;
    void jira.getIssuePropertyKeys(issue.key).then((r) => live && setKeys(r.ok ? r.data.keys.map((k) => k.key) : []));
    return () => {
      live = false;
    };
  }, [jira, issue.key, needsKeys]);
  return (
    <>
      {workspace.issuePanels.filter((panel) => panelShows(panel.displayConditions, issue.fields.issuetype?.name, keys)).map((panel) => (
        <IssuePanel key={panel.key} panel={panel} issue={issue} onRefresh={onRefresh} />
      ))}
    </>
  );
}
