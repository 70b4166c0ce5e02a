import { opsHandoffConfigSeed, rcPromotionConfigSeed, type SeedExtension } from '../seed';

/** App settings a new workspace (and `npm run reset`) starts with; the seed's Jira data leaves app storage empty. */
export const WORKSPACE_SEED_EXTENSIONS: SeedExtension[] = [rcPromotionConfigSeed, opsHandoffConfigSeed];
