/**
 * Custom UI of the four validators' create/edit/view entry points (resource validator-config). The module key
 * says which validator; `extension.validatorConfig` holds what Jira stored. Create/edit: the options form (checked
 * on every change, 32 KB included), registered with workflowRules.onConfigure; plus the project's stage mapping
 * and the loop as a picture (static/shared/stage-mapping, also on the project page's Stage mapping sub-page; when
 * Jira names no project: the loop and where the mapping is edited). View: a one-line summary.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { defaultValidatorConfig, parseValidatorConfig } from '@rt/contracts';
import { validatorTitles, type ValidatorKind } from '../../../src/domain/validators/kinds';
import { Banner, ErrorBanner, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { LoopPicture } from '../../shared/stage-mapping/LoopPicture';
import { ProjectStageMapping } from '../../shared/stage-mapping/ProjectStageMapping';
import { call, loadConfigContext, registerOnConfigure, type ConfigContext } from './api';
import { check, ConfigForm, sizeNote, type Draft } from './ConfigForm';
import { Failures } from './Failures';
import { MoveRulesInfo } from './MoveRulesInfo';
import { ProjectUnknown } from './ProjectUnknown';
import { RulesEditor, RulesView, rulesModuleOf } from './RulesEditor';
import { summarise } from './summary';

const css = `
.rt-form { display: grid; gap: ${token('space.150')}; max-width: 560px; }
.rt-field { display: grid; gap: ${token('space.025')}; } .rt-field select { max-width: 420px; }
.rt-error-text { color: ${token('color.text.danger')}; font: ${token('font.body.small')}; }
.rt-events { padding-left: ${token('space.200')}; }
`;

function startingDraft(kind: ValidatorKind, stored: unknown): { draft: Draft; problem?: string } {
  const parsed = parseValidatorConfig(kind, stored);
  if (parsed.ok) return { draft: parsed.config as unknown as Draft };
  return { draft: defaultValidatorConfig(kind) as unknown as Draft, problem: `${parsed.message} The form starts from the defaults.` };
}

function Editor({ ctx, kind }: { ctx: ConfigContext; kind: ValidatorKind }) {
  const initial = useMemo(() => startingDraft(kind, ctx.entryPoint === 'create' ? undefined : ctx.stored), [kind, ctx]);
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const checked = useMemo(() => check(kind, draft), [kind, draft]);
  const latest = useRef(checked);
  latest.current = checked;
  const allowDoneToDev = kind === 'follows-loop' && draft['allowDoneToDev'] === true;

  useEffect(() => {
    void registerOnConfigure(() => {
      const c = latest.current;
      if (!c.ok) throw new Error(c.message);
      return c.json;
    });
  }, []);

  return (
    <main>
      <h1>{validatorTitles[kind]}</h1>
      {initial.problem ? <Banner kind="warning">{initial.problem}</Banner> : null}
      <ConfigForm kind={kind} draft={draft} onChange={setDraft} issues={checked.ok ? [] : checked.issues} disabled={false} />
      {checked.ok ? (
        <p className="rt-muted" role="status">
          Ready to save ({sizeNote(checked.bytes)}).
        </p>
      ) : (
        <ErrorBanner error={{ ok: false, code: 'BAD_REQUEST', message: checked.message, issues: checked.issues }} />
      )}
      <LoopSection projectKnown={ctx.projectKnown} allowDoneToDev={allowDoneToDev} />
    </main>
  );
}

/** The project's stage mapping and the loop (or, when Jira names no project, the loop and where the mapping is edited). */
function LoopSection({ projectKnown, allowDoneToDev }: { projectKnown: boolean; allowDoneToDev: boolean }) {
  return projectKnown ? (
    <ProjectSetup allowDoneToDev={allowDoneToDev} />
  ) : (
    <>
      <section aria-labelledby="rt-loop-heading">
        <h2 id="rt-loop-heading">The loop the rules enforce</h2>
        <LoopPicture statusesByStage={{}} allowDoneToDev={allowDoneToDev} />
      </section>
      <ProjectUnknown />
    </>
  );
}

/** The project's statuses, stage mapping (editable by project admins) and recorded failures: only when Jira names the project. */
function ProjectSetup({ allowDoneToDev }: { allowDoneToDev: boolean }) {
  return (
    <ProjectStageMapping load={() => call('validators/setup', {})} save={(byStatusId) => call('validators/save-mapping', { byStatusId })} allowDoneToDev={allowDoneToDev}>
      <Failures />
    </ProjectStageMapping>
  );
}

function ValidatorConfigApp() {
  const [ctx, setCtx] = useState<ConfigContext | { error: string } | null>(null);
  useEffect(() => {
    if (!document.getElementById('rt-validator-config-styles')) {
      const style = document.createElement('style');
      style.id = 'rt-validator-config-styles';
      style.textContent = css;
      document.head.appendChild(style);
    }
    loadConfigContext().then(setCtx, (e: unknown) => setCtx({ error: `Could not read this page's context from Jira (${e instanceof Error ? e.message : String(e)}). Reload the page.` }));
  }, []);
  if (!ctx) return <Loading />;
  if ('error' in ctx) return <ErrorBanner error={ctx.error} />;
  if (ctx.moduleKey === 'move-rules-validator') return <MoveRulesInfo entryPoint={ctx.entryPoint} />;
  const rulesModule = rulesModuleOf(ctx.moduleKey);
  if (rulesModule) return ctx.entryPoint === 'view' ? <RulesView stored={ctx.stored} /> : <RulesEditor ctx={ctx} module={rulesModule} loop={(allowDoneToDev) => <LoopSection projectKnown={ctx.projectKnown} allowDoneToDev={allowDoneToDev} />} />;
  if (!ctx.kind) return <ErrorBanner error={`This page belongs to an unknown validator module ('${ctx.moduleKey}').`} />;
  if (ctx.entryPoint === 'view') {
    const parsed = parseValidatorConfig(ctx.kind, ctx.stored);
    return parsed.ok ? <p className="rt-muted">{summarise(ctx.kind, parsed.config)}</p> : <ErrorBanner error={parsed.message} />;
  }
  return <Editor ctx={ctx} kind={ctx.kind} />;
}

mount(<ValidatorConfigApp />);
