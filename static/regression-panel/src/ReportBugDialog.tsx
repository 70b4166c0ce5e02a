import { useEffect, useRef, useState } from 'react';
import type { Fail, RegressionPanel } from '@rt/contracts';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { Banner, ErrorBanner, Loading } from '../../shared/components';
import { useResult } from '../../shared/use-result';
import { call } from './api';
import type { PanelCheck } from './labels';
import { initialForm, missingBoxes, reproOf, suggestedSteps, type ReportBox, type ReportForm } from './report-form';

type Props = {
  issueKey: string;
  rc: string;
  check: PanelCheck;
  baseRevision: number;
  onClose(): void;
  onFiled(key: string, warnings: string[], panel: RegressionPanel): void;
};

/**
 * "File regression bug": the tester writes the new bug's reproduction (steps, expected, actual, environment) over the
 * skeleton's prompts, shown as placeholders only; then create + link + note on the check. Nothing typed is lost when
 * Jira or the app refuses: the form stays as it was, with the reason above the buttons.
 */
export function ReportBugDialog({ issueKey, rc, check, baseRevision, onClose, onFiled }: Props) {
  const [draft] = useResult(() => call('regression/draft-bug', { issueKey, rc, checkId: check.id }), [issueKey, rc, check.id]);
  const [form, setForm] = useState<ReportForm | null>(null);
  const [missing, setMissing] = useState<ReturnType<typeof missingBoxes>>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const boxes = useRef<Partial<Record<ReportBox, HTMLTextAreaElement | null>>>({});
  useEffect(() => {
    if (draft.state === 'ready' && form === null) setForm(initialForm(draft.data));
    first.current?.focus();
  }, [draft.state]);

  const set = (k: keyof ReportForm) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => (f ? { ...f, [k]: value } : f));
    if (missing.some((m) => m.box === k)) setMissing((ms) => ms.filter((m) => m.box !== k));
  };
  const errorOf = (box: ReportBox) => missing.find((m) => m.box === box)?.message;

  const create = async () => {
    if (draft.state !== 'ready' || !form) return;
    const gaps = missingBoxes(form);
    setMissing(gaps);
    if (gaps.length > 0) {
      boxes.current[gaps[0]!.box]?.focus();
      return;
    }
    setSending(true);
    setError(null);
    const text = form.summary.trim();
    const r = await call('regression/report-bug', {
      issueKey,
      rc,
      baseRevision,
      checkId: check.id,
      repro: reproOf(form),
      ...(text && text !== draft.data.summary ? { summary: text } : {}),
    });
    setSending(false);
    if (r.ok) onFiled(r.data.bugKey, r.data.warnings ?? [], r.data.panel);
    else setError(r);
  };

  const box = (k: ReportBox, label: string, placeholder: string, rows: number) => (
    <div>
      <label htmlFor={`rt-report-${k}`}>{label}</label>
      <TextArea
        id={`rt-report-${k}`}
        ref={(el) => {
          boxes.current[k] = el;
        }}
        minimumRows={rows}
        resize="vertical"
        isInvalid={!!errorOf(k)}
        maxLength={k === 'steps' ? undefined : 2000}
        value={form?.[k] ?? ''}
        placeholder={placeholder}
        aria-invalid={errorOf(k) ? true : undefined}
        aria-describedby={errorOf(k) ? `rt-report-${k}-error` : undefined}
        onChange={set(k)}
      />
      {errorOf(k) ? (
        <div id={`rt-report-${k}-error`} style={{ color: token('color.text.danger'), font: token('font.body.small') }}>
          {errorOf(k)}
        </div>
      ) : null}
    </div>
  );

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="rt-report-title"
      style={{
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.large'),
        boxShadow: token('elevation.shadow.overlay'),
        background: token('elevation.surface.overlay'),
        padding: token('space.200'),
        margin: `${token('space.150')} 0`,
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !sending) onClose();
      }}
    >
      <h3 id="rt-report-title">File regression bug from “{check.title}”</h3>
      {draft.state === 'loading' ? <Loading label="Preparing the draft…" /> : null}
      {draft.state === 'error' ? <ErrorBanner error={draft.error} /> : null}
      {draft.state === 'ready' && form ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label htmlFor="rt-report-summary">Summary</label>
          <Textfield id="rt-report-summary" ref={first} maxLength={255} value={form.summary} onChange={(e) => set('summary')({ target: e.currentTarget })} />
          <p className="rt-muted" id="rt-report-help">
            These go into the new bug’s Reproduction steps field. The grey text is a prompt, not a value: write what you did and saw.
          </p>
          {box('steps', 'Steps to reproduce (one per line)', draft.data.prompts.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'), 5)}
          {form.steps.trim() === '' ? (
            <Inline>
              <Button spacing="compact" appearance="subtle" onClick={() => setForm((f) => (f ? { ...f, steps: suggestedSteps(draft.data.prompts.steps) } : f))}>
                Start from the suggested steps
              </Button>
            </Inline>
          ) : null}
          {box('expected', 'Expected result', draft.data.prompts.expected, 2)}
          {box('actual', 'Actual result', draft.data.prompts.actual, 2)}
          <label htmlFor="rt-report-environment">Environment</label>
          <Textfield id="rt-report-environment" maxLength={2000} value={form.environment} placeholder={draft.data.prompts.environment} onChange={(e) => set('environment')({ target: e.currentTarget })} />
          <p className="rt-muted">
            Build <strong>{draft.data.prefill.build}</strong> · Affects version <strong>{draft.data.affectsVersion}</strong> · label <strong>{draft.data.labels.join(', ')}</strong>
            {draft.data.components.length ? <> · components {draft.data.components.join(', ')}</> : null} · {draft.data.linkType.toLowerCase()} {draft.data.linkTo}
          </p>
          {missing.length > 0 ? (
            <Banner kind="error">Not filed yet: {missing.map((m) => m.message).join(' ')}</Banner>
          ) : null}
          {error ? <ErrorBanner error={error} /> : null}
          {sending ? <Loading label="Creating the bug and linking it…" /> : null}
          <Inline space="space.100" alignInline="end">
            <Button appearance="subtle" isDisabled={sending} onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" appearance="danger" isDisabled={sending}>
              Create regression bug
            </Button>
          </Inline>
        </form>
      ) : null}
    </div>
  );
}
