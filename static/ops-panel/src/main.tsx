/** The "Release hand-off" issue panel: ops records how the deployment of a promoted release went. */
import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { loadIssueKey } from './api';
import { OpsPanel } from './OpsPanel';

function App() {
  const [key, setKey] = useState<string | { error: string } | null>(null);
  useEffect(() => {
    loadIssueKey().then(setKey, (e: unknown) => setKey({ error: `Could not read this issue from Jira (${e instanceof Error ? e.message : String(e)}). Reload the page.` }));
  }, []);
  if (key === null) return <Loading />;
  if (typeof key !== 'string') return <ErrorBanner error={key.error} />;
  if (!key) return <ErrorBanner error="Open this panel on an issue: Jira gave it no issue key." />;
  return <OpsPanel issueKey={key} />;
}

mount(<App />);
