/**
 * A project's stage mapping with the loop as a picture: loading, error (with retry), then the picture and the
 * mapping form. `load` and `save` are the app's own resolver calls (validators/* in the validators' configuration
 * UI, stage-mapping/* on the project page: the same handlers behind both).
 */
import type { ReactNode } from 'react';
import type { Result, ValidatorSetupDto } from '@rt/contracts';
import type { Stage } from '../../../src/domain/bug-flow';
import { ErrorBanner, Loading } from '../components';
import { useResult } from '../use-result';
import { LoopPicture } from './LoopPicture';
import { StageMapping, type SaveMapping } from './StageMapping';

export function statusesByStage(setup: ValidatorSetupDto): Partial<Record<Stage, string[]>> {
  const out: Partial<Record<Stage, string[]>> = {};
  for (const s of setup.statuses) {
    const stage = setup.byStatusId[s.id];
    if (stage) (out[stage] ??= []).push(s.name);
  }
  return out;
}

type Props = {
  load(): Promise<Result<ValidatorSetupDto>>;
  save: SaveMapping;
  allowDoneToDev?: boolean;
  /** Shown below the mapping once it is loaded (the validators' recorded failures). */
  children?: ReactNode;
};

export function ProjectStageMapping({ load, save, allowDoneToDev = false, children }: Props) {
  const [setup, reload, replace] = useResult(load, []);
  if (setup.state === 'loading') return <Loading label="Loading the project's statuses…" />;
  if (setup.state === 'error') return <ErrorBanner error={setup.error} onRetry={reload} />;
  return (
    <>
      <section aria-labelledby="rt-loop-heading">
        <h2 id="rt-loop-heading">The loop this project enforces</h2>
        <LoopPicture statusesByStage={statusesByStage(setup.data)} allowDoneToDev={allowDoneToDev} />
      </section>
      <StageMapping setup={setup.data} save={save} onSaved={replace} />
      {children}
    </>
  );
}
