/**
 * The configuration page of the two "transition rules" validators (issue 17): which rules run on this transition,
 * each with the same options form as its single-rule validator. The function validator runs its rules in one
 * invocation; the expression validator takes only rules Jira can decide from fields, and saves the Jira expression
 * built from them (`expression` in the configuration replaces the manifest's). Checked on every change, 32 KB included.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { defaultValidatorConfig, parseTransitionRulesConfig, ruleOrder, serializeTransitionRulesConfig, serializedSize } from '@rt/contracts';
import { validatorTitles, type ValidatorKind } from '../../../src/domain/validators/kinds';
import { Banner, ErrorBanner } from '../../shared/components';
import { registerOnConfigure, type ConfigContext } from './api';
import { check, ConfigForm, sizeNote, type Draft } from './ConfigForm';
import { summarise } from './summary';

export type RulesModule = 'function' | 'expression';
export const rulesModuleOf = (moduleKey: string): RulesModule | undefined =>
  moduleKey === 'transition-rules-validator' ? 'function' : moduleKey === 'transition-field-rules-validator' ? 'expression' : undefined;

type Drafts = Partial<Record<ValidatorKind, Draft>>;

function startingDrafts(stored: unknown): { drafts: Drafts; problem?: string } {
  if (stored === undefined || stored === null || stored === '') return { drafts: {} };
  const parsed = parseTransitionRulesConfig(stored);
  if (parsed.ok) return { drafts: parsed.rules as unknown as Drafts };
  return { drafts: {}, problem: `${parsed.message} The form starts with no rules chosen.` };
}

export function RulesView({ stored }: { stored: unknown }) {
  const parsed = parseTransitionRulesConfig(stored);
  if (!parsed.ok) return <ErrorBanner error={parsed.message} />;
  return (
    <ul className="rt-muted">
      {parsed.kinds.map((k) => (
        <li key={k}>
          {validatorTitles[k]}: {summarise(k, parsed.rules[k]!)}
        </li>
      ))}
    </ul>
  );
}

export function RulesEditor({ ctx, module, loop }: { ctx: ConfigContext; module: RulesModule; /** the stage mapping and loop picture (main.tsx) */ loop: (allowDoneToDev: boolean) => ReactNode }) {
  const initial = useMemo(() => startingDrafts(ctx.entryPoint === 'create' ? undefined : ctx.stored), [ctx]);
  const [drafts, setDrafts] = useState<Drafts>(initial.drafts);
  const checked = useMemo(() => {
    const r = serializeTransitionRulesConfig(module, { version: 1, rules: drafts });
    return r.ok ? { ok: true as const, json: r.json, bytes: serializedSize(r.json) } : r;
  }, [module, drafts]);
  const latest = useRef(checked);
  latest.current = checked;
  useEffect(() => {
    void registerOnConfigure(() => {
      const c = latest.current;
      if (!c.ok) throw new Error(c.message);
      return c.json;
    });
  }, []);

  const toggle = (kind: ValidatorKind, on: boolean) =>
    setDrafts((d) => {
      const next = { ...d };
      if (on) next[kind] = defaultValidatorConfig(kind) as unknown as Draft;
      else delete next[kind];
      return next;
    });

  return (
    <main>
      <h1>{module === 'function' ? 'Release Train transition rules' : 'Release Train field rules'}</h1>
      <p className="rt-muted">
        {module === 'function'
          ? 'The chosen rules are checked together, with one read of the bug, in one call of the app.'
          : "Jira checks these rules from the bug's fields without calling the app. Only rules that need no history fit here (Regression bug is linked, with 'only on create and first transition' off)."}
      </p>
      {initial.problem ? <Banner kind="warning">{initial.problem}</Banner> : null}
      <fieldset className="rt-fieldset">
        <legend>Rules on this transition</legend>
        {ruleOrder.map((k) => (
          <label key={k} className="rt-check">
            <input type="checkbox" checked={drafts[k] !== undefined} onChange={(e) => toggle(k, e.target.checked)} />
            {validatorTitles[k]}
          </label>
        ))}
      </fieldset>
      {ruleOrder
        .filter((k) => drafts[k] !== undefined)
        .map((k) => {
          const one = check(k, drafts[k]!);
          return (
            <section key={k} aria-label={validatorTitles[k]}>
              <h2>{validatorTitles[k]}</h2>
              <ConfigForm kind={k} draft={drafts[k]!} onChange={(d) => setDrafts((all) => ({ ...all, [k]: d }))} issues={one.ok ? [] : one.issues} disabled={false} />
            </section>
          );
        })}
      {checked.ok ? (
        <p className="rt-muted" role="status">
          Ready to save ({sizeNote(checked.bytes)}).
        </p>
      ) : (
        <ErrorBanner error={{ ok: false, code: 'BAD_REQUEST', message: checked.message }} />
      )}
      {module === 'function' ? loop(drafts['follows-loop']?.['allowDoneToDev'] === true) : null}
    </main>
  );
}
