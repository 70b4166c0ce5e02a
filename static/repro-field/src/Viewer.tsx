/**
 * The view entry point: the stored steps, read-only, with the analyser's check. On an existing issue the check is
 * read fresh from Jira as the user — the field when set, the description otherwise (projects that keep steps there).
 */
import type { Result } from '@rt/contracts';
import { EmptyState, ErrorBanner, Loading } from '../../shared/components';
import { useResult } from '../../shared/use-result';
import { call, type FieldContext } from './api';
import { CheckPanel } from './CheckPanel';
import { ValueView } from './ValueView';

type Checked = { analysis: Parameters<typeof CheckPanel>[0]['analysis']; value: FieldContext['value'] };

export function Viewer({ field }: { field: FieldContext }) {
  const [state, reload] = useResult<Checked>(async (): Promise<Result<Checked>> => {
    if (field.issueKey) {
      const r = await call('repro/check-issue', { issueKey: field.issueKey, ...(field.fieldId ? { fieldId: field.fieldId } : {}) });
      return r.ok ? { ok: true, data: { analysis: r.data.analysis, value: r.data.value } } : r;
    }
    if (!field.value) return { ok: true, data: { analysis: null, value: null } };
    const r = await call('repro/analyse', { value: field.value });
    return r.ok ? { ok: true, data: { analysis: r.data.analysis, value: field.value } } : r;
  }, [field.issueKey, field.fieldId, JSON.stringify(field.value)]);

  if (state.state === 'loading') return <Loading label="Checking the reproduction steps…" />;
  if (state.state === 'error')
    return (
      <>
        {field.value ? <ValueView value={field.value} /> : null}
        <ErrorBanner error={state.error} onRetry={reload} />
      </>
    );
  const { analysis, value } = state.data;
  return (
    <div className="rt-split">
      <div>
        {value ? (
          <ValueView value={value} />
        ) : (
          <EmptyState title="No structured steps yet">
            {analysis ? 'This check reads the description instead. Edit the field to write structured steps.' : 'Edit the field to write them.'}
          </EmptyState>
        )}
      </div>
      {analysis ? (
        <aside aria-label="Check">
          <CheckPanel analysis={analysis} />
        </aside>
      ) : null}
    </div>
  );
}
