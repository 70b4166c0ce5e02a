/** The issue navigator: a JQL box and a table of issues, paginated with Jira's `nextPageToken`. */
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Issue } from '../jira-client';
import { ErrorBanner } from '../components/ErrorBanner';
import { StatusLozenge } from '../components/StatusLozenge';
import { names, userName } from '../issue-format';
import { useShell } from '../shell-context';

const FIELDS = ['summary', 'issuetype', 'status', 'priority', 'assignee', 'fixVersions', 'created'];

type State = { issues: Issue[]; nextPageToken?: string; loading: boolean; error?: string[] };

export function IssueList({ jql: initialJql }: { jql?: string }) {
  const { jira, workspace, navigate } = useShell();
  const defaultJql = `project = ${workspace.projectKey} ORDER BY created DESC`;
  const jql = initialJql ?? defaultJql;
  const [draft, setDraft] = useState(jql);
  const [state, setState] = useState<State>({ issues: [], loading: true });
  const generation = useRef(0);

  const load = useCallback(
    async (token?: string) => {
      const run = ++generation.current;
      setState((s) => ({ ...s, loading: true, error: undefined, ...(token ? {} : { issues: [], nextPageToken: undefined }) }));
      const result = await jira.search(jql, FIELDS, token);
      if (run !== generation.current) return; // a newer search replaced this one
      if (!result.ok) return setState((s) => ({ ...s, loading: false, error: [...result.messages, ...Object.values(result.fieldErrors)] }));
      const page = result.data;
      setState((s) => ({
        issues: token ? [...s.issues, ...(page.issues ?? [])] : page.issues ?? [],
        nextPageToken: page.isLast === false || (page.isLast === undefined && page.nextPageToken) ? page.nextPageToken ?? undefined : undefined,
        loading: false,
      }));
    },
    [jira, jql],
  );

  useEffect(() => {
    setDraft(jql);
    void load();
  }, [load, jql]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = draft.trim() || defaultJql;
    if (next === jql) void load();
    else navigate({ name: 'issues', jql: next === defaultJql ? undefined : next });
  };

  // Arrow keys move between rows (each row's key is a link; Enter opens it).
  const onTableKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = Array.from(e.currentTarget.querySelectorAll<HTMLAnchorElement>('a.row-link'));
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[index === -1 ? 0 : index + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  return (
    <section aria-labelledby="issues-heading">
      <div className="breadcrumbs">Projects / {workspace.projectName}</div>
      <h1 id="issues-heading">Issues</h1>
      <form className="toolbar" onSubmit={onSubmit} role="search">
        <div className="grow">
          <label htmlFor="jql">JQL</label>
          <input id="jql" value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} />
        </div>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {state.error ? <ErrorBanner title="The search failed" messages={state.error} /> : null}
      <div aria-busy={state.loading} aria-live="polite">
        {state.issues.length > 0 ? (
          <table className="issues">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Type</th>
                <th scope="col">Summary</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Assignee</th>
                <th scope="col">Fix versions</th>
              </tr>
            </thead>
            <tbody onKeyDown={onTableKeyDown}>
              {state.issues.map((issue) => (
                <tr key={issue.id} data-issue-key={issue.key}>
                  <td className="key">
                    <a className="row-link" href={`#/browse/${issue.key}`}>
                      {issue.key}
                    </a>
                  </td>
                  <td>{issue.fields.issuetype?.name ?? ''}</td>
                  <td>
                    <a href={`#/browse/${issue.key}`} tabIndex={-1}>
                      {issue.fields.summary ?? ''}
                    </a>
                  </td>
                  <td>
                    <StatusLozenge status={issue.fields.status} />
                  </td>
                  <td>{issue.fields.priority?.name ?? ''}</td>
                  <td>{userName(issue.fields.assignee)}</td>
                  <td>{names(issue.fields.fixVersions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {state.loading ? (
          <p className="muted">
            <span className="spinner" aria-hidden="true" />
            Loading issues…
          </p>
        ) : null}
        {!state.loading && !state.error && state.issues.length === 0 ? <p className="empty">No issues match this search.</p> : null}
        {!state.loading && state.nextPageToken ? (
          <p>
            <button type="button" onClick={() => void load(state.nextPageToken)}>
              Load more
            </button>
          </p>
        ) : null}
        {!state.loading && state.issues.length > 0 ? <p className="muted">{state.issues.length} issues shown{state.nextPageToken ? '' : ' (all)'}</p> : null}
      </div>
    </section>
  );
}
