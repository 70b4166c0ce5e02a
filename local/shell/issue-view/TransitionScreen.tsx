/**
 * A transition's screen, shown as Jira shows it before the move: the screen's fields (from GET transitions with
 * expand=transitions.fields) prefilled with the issue's values; the move sends them with the transition. Required
 * fields left empty, Jira's field errors and a validator's refusal are shown in the dialog; nothing typed is lost.
 */
import { useEffect, useRef, useState } from 'react';
import type { FieldMeta, Issue, JiraClient, Transition, UserRef } from '../jira-client';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldControl } from './FieldControl';
import { draftOf, payloadOf, requiredProblem, type Draft } from './field-values';

type Props = { jira: JiraClient; issue: Issue; transition: Transition; onDone(): void; onCancel(): void };

export function TransitionScreen({ jira, issue, transition, onDone, onCancel }: Props) {
  const [meta, setMeta] = useState<Record<string, FieldMeta> | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [users, setUsers] = useState<UserRef[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const target = transition.to?.name ?? transition.name;

  useEffect(() => {
    void Promise.all([jira.getTransitionScreen(issue.key, transition.id), jira.getUsers()]).then(([r, u]) => {
      if (u.ok && Array.isArray(u.data)) setUsers(u.data);
      if (!r.ok) return setMessages(r.messages);
      const fields = r.data.transitions.find((t) => t.id === transition.id)?.fields ?? {};
      setMeta(fields);
      setDrafts(Object.fromEntries(Object.entries(fields).map(([id, m]) => [id, draftOf(m, id, issue.fields)])));
      setTimeout(() => (dialog.current?.querySelector<HTMLElement>('input, select, textarea') ?? dialog.current)?.focus(), 0);
    });
  }, [jira, issue, transition.id]);

  const submit = async () => {
    if (!meta) return;
    const missing = Object.fromEntries(
      Object.entries(meta)
        .map(([id, m]) => [id, requiredProblem(m, drafts[id]!)] as const)
        .filter((e): e is readonly [string, string] => e[1] !== null),
    );
    setErrors(missing);
    setMessages([]);
    if (Object.keys(missing).length > 0) return;
    setSending(true);
    const fields = Object.fromEntries(Object.entries(meta).map(([id, m]) => [id, payloadOf(m, drafts[id]!)]));
    const r = await jira.doTransition(issue.key, transition.id, fields);
    setSending(false);
    if (r.ok) return onDone();
    setErrors(Object.fromEntries(Object.entries(r.fieldErrors).filter(([id]) => id in meta)));
    setMessages([...r.messages, ...Object.entries(r.fieldErrors).filter(([id]) => !(id in meta)).map(([, m]) => m)]);
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="transition-screen-title"
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !sending) onCancel();
        }}
      >
        <h2 id="transition-screen-title">
          {transition.name}: {issue.key}
        </h2>
        {meta === null && messages.length === 0 ? <p className="muted">Loading the screen…</p> : null}
        {meta ? (
          <form
            aria-busy={sending}
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            {Object.entries(meta).map(([id, m]) => (
              <div key={id} className="form-row">
                <label htmlFor={`screen-${id}`}>
                  {m.name}
                  {m.required ? ' (required)' : ''}
                </label>
                <FieldControl id={`screen-${id}`} meta={m} draft={drafts[id]!} users={users} error={errors[id]} onChange={(d) => setDrafts((all) => ({ ...all, [id]: d }))} />
              </div>
            ))}
            {messages.length > 0 ? (
              <ErrorBanner title={`Move to ${target} refused`} messages={messages} />
            ) : null}
            <div className="row">
              <button type="submit" className="primary" disabled={sending}>
                {sending ? 'Moving…' : transition.name}
              </button>
              <button type="button" onClick={onCancel} disabled={sending}>
                Cancel
              </button>
            </div>
          </form>
        ) : messages.length > 0 ? (
          <>
            <ErrorBanner title="The transition's screen could not be read" messages={messages} />
            <div className="row">
              <button type="button" onClick={onCancel}>
                Close
              </button>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
