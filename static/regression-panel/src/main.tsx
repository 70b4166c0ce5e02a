/** The "QA regression" issue panel (the focused regression of a bug) and the "QA sign-off" panel (features). */
import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { loadPanel } from './api';
import { SignoffPanel } from './SignoffPanel';
import { RegressionPanelView } from './RegressionPanelView';

/** manifest.yml's jira:issuePanel key of the sign-off panel. */
const SIGNOFF_MODULE_KEY = 'qa-signoff-panel';

function App() {
  const [key, setKey] = useState<string | { error: string } | null>(null);
  const [moduleKey, setModuleKey] = useState('');
  useEffect(() => {
    loadPanel().then((p) => (setModuleKey(p.moduleKey), setKey(p.issueKey)), (e: unknown) => setKey({ error: `Could not read this issue from Jira (${e instanceof Error ? e.message : String(e)}). Reload the page.` }));
  }, []);
  if (key === null) return <Loading />;
  if (typeof key !== 'string') return <ErrorBanner error={key.error} />;
  if (!key) return <ErrorBanner error="Open this panel on an issue: Jira gave it no issue key." />;
  if (moduleKey === SIGNOFF_MODULE_KEY) return <SignoffPanel issueKey={key} />;
  return <RegressionPanelView issueKey={key} />;
}

mount(<App />);
