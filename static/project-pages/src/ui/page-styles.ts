import { token } from '@atlaskit/tokens/token';

/**
 * Layout rules shared by the project pages, every value an Atlassian design token (so light and dark themes follow
 * Jira). Only what Atlaskit components and primitives do not already give: dense lists, cards, disclosures.
 */
export const pageCss = `
.pp-page { padding: ${token('space.200')} ${token('space.300')}; color: ${token('color.text')}; font: ${token('font.body')}; }
.pp-page h1 { font: ${token('font.heading.large')}; margin: 0 0 ${token('space.150')}; }
.pp-page h2 { font: ${token('font.heading.small')}; margin: ${token('space.100')} 0; }
.pp-page h3 { font: ${token('font.heading.xsmall')}; margin: ${token('space.100')} 0 ${token('space.050')}; }
.pp-card { border: 1px solid ${token('color.border')}; border-radius: ${token('radius.medium', '6px')}; padding: ${token('space.150')}; margin: 0 0 ${token('space.150')}; background: ${token('elevation.surface')}; }
.pp-muted { color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; }
.pp-disclosure > summary { cursor: pointer; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; padding: ${token('space.050')} 0; list-style: none; }
.pp-disclosure > summary::-webkit-details-marker { display: none; }
.pp-disclosure > summary::before { content: '▸'; display: inline-block; width: 1em; }
.pp-disclosure[open] > summary::before { content: '▾'; }
.pp-skip { position: absolute; left: -9999px; }
.pp-skip:focus { position: static; display: inline-block; margin: ${token('space.050')} 0; }
.pp-table { border-collapse: collapse; width: 100%; font: ${token('font.body')}; }
.pp-table th, .pp-table td { text-align: left; padding: ${token('space.050')} ${token('space.100')}; border-bottom: 1px solid ${token('color.border')}; vertical-align: middle; }
.pp-table thead th { font: ${token('font.heading.xxsmall')}; color: ${token('color.text.subtle')}; }
.pp-table tbody th { font: ${token('font.body')}; font-weight: ${token('font.weight.medium')}; color: ${token('color.text')}; }
.pp-table tbody tr:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
.pp-table tr[aria-selected="true"], .pp-table tr.pp-current { background: ${token('color.background.selected')}; }
.pp-toolbar { display: flex; flex-wrap: wrap; gap: ${token('space.100')}; align-items: center; }
.pp-select { font: inherit; color: ${token('color.text')}; background: ${token('color.background.input')}; border: 1px solid ${token('color.border.input')}; border-radius: ${token('radius.small', '3px')}; padding: ${token('space.050')} ${token('space.100')}; min-height: 32px; }
.pp-select:focus { outline: 2px solid ${token('color.border.focused')}; outline-offset: -1px; }
.pp-page .pp-label { display: block; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; margin: ${token('space.100')} 0 ${token('space.025')}; }
.pp-page a { color: ${token('color.link')}; }
.pp-page .pp-inline-label { display: inline; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; margin-right: ${token('space.050')}; }
.pp-chart { margin: 0; min-width: 0; }
.pp-chart figcaption { color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; }
.pp-link { color: ${token('color.link')}; text-decoration: none; } .pp-link:hover { text-decoration: underline; }
`;
