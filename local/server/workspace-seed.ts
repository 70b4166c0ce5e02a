import { opsDeliverySeed, opsHandoffConfigSeed, rcPromotionConfigSeed, type SeedExtension } from '../seed';

/**
 * App settings a new workspace (and `npm run reset`) starts with (the seed's Jira data leaves app storage empty), and
 * the shipped 4.1.0 train with its deployment and rollback (an extension, so tests of the base seed keep their shape).
 */
export const WORKSPACE_SEED_EXTENSIONS: SeedExtension[] = [rcPromotionConfigSeed, opsDeliverySeed, opsHandoffConfigSeed];
