import type { OutputOf, rcPromotionProcedures } from '@rt/contracts';

type P = typeof rcPromotionProcedures;
export type Trains = OutputOf<P, 'rc/trains'>;
export type Readiness = OutputOf<P, 'rc/readiness'>;
export type Preview = OutputOf<P, 'rc/promote-preview'>;
export type PromotionView = OutputOf<P, 'rc/promotion'>;
export type Gate = Readiness['gates'][number];
