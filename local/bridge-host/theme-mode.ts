/** The three theme choices Jira offers (Settings → Theme): light, dark, match the system ('auto'). */
export const COLOR_MODES = ['light', 'dark', 'auto'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
export const isColorMode = (v: unknown): v is ColorMode => typeof v === 'string' && (COLOR_MODES as readonly string[]).includes(v);
