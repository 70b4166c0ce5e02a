/** Jira's issue view: summary, status, transitions (with the validator error banner), fields, description, app frames. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AdfView } from '../components/AdfView';
import { ErrorBanner } from '../components/ErrorBanner';
import { StatusLozenge } from '../components/StatusLozenge';
import type { Field, Issue, JiraClient, Transition } from '../jira-client';
import { EditableDetails } from '../issue-view/EditableDetails';
import { IssuePanels } from '../issue-view/IssuePanels';
import { LinkedIssues } from '../issue-view/LinkedIssues';
import { ReproStepsField } from '../issue-view/ReproStepsField';
import { TransitionBar } from '../issue-view/TransitionBar';
import { TransitionScreen } from '../issue-view/TransitionScreen';
import { useShell } from '../shell-context';
import { refusalBanner, refusalSegments } from '../transition-refusal';

/** The Jira Software sprint field's id differs per site; find it once from GET /field. */
export function findSprintFieldId(fields: Field[]): string | null {
  return fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint')?.id ?? fields.find((f) => f.custom && f.name === 'Sprint')?.id ?? null;
}

let fieldsPromise: Promise<Field[]> | null = null;
/** GET /field once per page load: the sprint field's id, and the field names a refusal may link. */
function siteFields(jira: JiraClient): Promise<Field[]> {
  fieldsPromise ??= jira.getFields().then((r) => (r.ok && Array.isArray(r.data) ? r.data : []));
  return fieldsPromise;
}

type Load = { issue: Issue | null; transitions: Transition[] | null; error: { status: number; messages: string[] } | null; loading: boolean };

export function IssueView({ issueKey }: { issueKey: string }) {
  const shell = useShell();
  const { jira, workspace } = shell;
  const [state, setState] = useState<Load>({ issue: null, transitions: null, error: null, loading: true });
  const [transitionError, setTransitionError] = useState<{ name: string; messages: string[] } | null>(null);
  const [sprintField, setSprintField] = useState<string | null>(null);
  const [fieldNames, setFieldNames] = useState<string[]>([]);
  /** Bumped when a refusal's field link asks the Reproduction steps field to open its editor. */
  const [openRepro, setOpenRepro] = useState<{ fieldKey: string; n: number } | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const run = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    const [issue, transitions] = await Promise.all([jira.getIssue(issueKey), jira.getTransitions(issueKey)]);
    if (run !== generation.current) return;
    if (!issue.ok) return setState({ issue: null, transitions: null, loading: false, error: { status: issue.status, messages: issue.messages } });
    setState({ issue: issue.data, transitions: transitions.ok ? transitions.data.transitions ?? [] : [], loading: false, error: null });
  }, [jira, issueKey]);

  useEffect(() => {
    setTransitionError(null);
    void reload();
    void siteFields(jira).then((fields) => {
      setSprintField(findSprintFieldId(fields));
      setFieldNames(fields.map((f) => f.name));
    });
  }, [reload, jira]);

  /** A transition whose screen is open (Jira shows the screen's fields before the move). */
  const [screenFor, setScreenFor] = useState<Transition | null>(null);
  const moved = async (t: Transition) => {
    shell.flag({ title: `${issueKey} moved`, description: t.to ? `Now in ${t.to.name}.` : `${t.name} done.`, appearance: 'success' });
    await reload();
  };

  const onTransition = async (t: Transition) => {
    setTransitionError(null);
    if (t.hasScreen) return setScreenFor(t);
    const result = await jira.doTransition(issueKey, t.id);
    if (!result.ok) {
      // Jira keeps the issue as it was and shows the validator's message in a red banner.
      setTransitionError({ name: t.name, messages: [...result.messages, ...Object.values(result.fieldErrors)] });
      return;
    }
    await moved(t);
  };

  /** A refusal's field link: the app's field opens its editor; a Jira field opens its inline editor in Fields. */
  const goToField = (name: string) => {
    const custom = workspace.customFields.find((f) => f.name === name);
    if (custom) return setOpenRepro((o) => ({ fieldKey: custom.key, n: (o?.n ?? 0) + 1 }));
    const edit = Array.from(document.querySelectorAll<HTMLButtonElement>('section.details button[aria-label]')).find((b) => b.getAttribute('aria-label') === `Edit ${name}`);
    edit?.scrollIntoView({ block: 'center' });
    edit?.click();
  };
  const linkedNames = [...workspace.customFields.map((f) => f.name), ...fieldNames];
  const refusalLine = (line: string) =>
    refusalSegments(line, linkedNames).map((s, i) =>
      'field' in s ? (
        <button key={i} type="button" className="link" onClick={() => goToField(s.field)} aria-label={`Go to the field ${s.field}`}>
          {s.text}
        </button>
      ) : (
        <span key={i}>{s.text}</span>
      ),
    );

  const { issue, transitions, error, loading } = state;
  if (!issue) {
    return (
      <section aria-busy={loading}>
        <div className="breadcrumbs">
          <a href="#/issues">{workspace.projectName}</a> / {issueKey}
        </div>
        {loading ? (
          <p className="muted">
            <span className="spinner" aria-hidden="true" />
            Loading {issueKey}…
          </p>
        ) : (
          <ErrorBanner title={error?.status === 404 ? 'This issue does not exist or you cannot see it' : `Could not load ${issueKey}`} messages={error?.messages ?? []} />
        )}
      </section>
    );
  }

  const f = issue.fields;
  return (
    <article aria-busy={loading} aria-labelledby="issue-summary" data-issue-key={issue.key}>
      <div className="breadcrumbs">
        <a href="#/issues">{workspace.projectName}</a> / <span>{f.issuetype?.name ?? 'Issue'}</span> / <a href={`#/browse/${issue.key}`}>{issue.key}</a>
      </div>
      <div className="issue-layout">
        <div>
          <h1 id="issue-summary" className="issue-summary">
            {f.summary ?? issue.key}
          </h1>
          <div className="transitions">
            <span>Status:</span> <span data-testid="issue-status"><StatusLozenge status={f.status} /></span>
          </div>
          <TransitionBar transitions={transitions} onTransition={onTransition} />
          {screenFor ? (
            <TransitionScreen
              jira={jira}
              issue={issue}
              transition={screenFor}
              onCancel={() => setScreenFor(null)}
              onDone={() => {
                const t = screenFor;
                setScreenFor(null);
                void moved(t);
              }}
            />
          ) : null}
          {transitionError ? <ErrorBanner {...refusalBanner(transitionError.name, transitionError.messages)} renderLine={refusalLine} onDismiss={() => setTransitionError(null)} /> : null}
          <section className="section" aria-labelledby="description-heading">
            <h2 id="description-heading">Description</h2>
            <AdfView value={f.description} />
          </section>
          {workspace.customFields.map((field) => (
            <ReproStepsField key={field.key} field={field} issue={issue} openRequest={openRepro?.fieldKey === field.key ? openRepro.n : 0} onChanged={() => void reload()} />
          ))}
          <LinkedIssues links={f.issuelinks} />
          <IssuePanels issue={issue} onRefresh={() => void reload()} />
        </div>
        <aside>
          <EditableDetails jira={jira} issue={issue} sprintFieldId={sprintField} onChanged={() => void reload()} />
        </aside>
      </div>
    </article>
  );
}
