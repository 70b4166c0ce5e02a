/** The "QA regression" issue panel: the focused regression of this bug in its release candidate. */
import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { loadIssueKey } from './api';
import { RegressionPanelView } from './RegressionPanelView';

function App() {
  const [key, setKey] = useState<string | { error: string } | null>(null);
  useEffect(() => {
    loadIssueKey().then(setKey, (e: unknown) => setKey({ error: `Could not read this issue from Jira (${e instanceof Error ? e.message : String(e)}). Reload the page.` }));
  }, []);
  if (key === null) return <Loading />;
  if (typeof key !== 'string') return <ErrorBanner error={key.error} />;
  if (!key) return <ErrorBanner error="Open this panel on an issue: Jira gave it no issue key." />;
  return <RegressionPanelView issueKey={key} />;
}

mount(<App />);
