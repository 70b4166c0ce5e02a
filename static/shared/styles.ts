import { token } from '@atlaskit/tokens';

/**
 * The page-level stylesheet every Custom UI app shares, injected once. Every colour, space and font comes from
 * Atlassian design tokens (`var(--ds-…)`), so a page follows Jira's light or dark theme once the theme is loaded.
 * Controls themselves are Atlaskit components; what stays here is the page base (body, headings, tables,
 * disclosure) and a few layout/text helpers (`rt-row`, `rt-muted`, `rt-card`…) that pages not yet moved to
 * Atlaskit primitives still use. The native `button`/`input` rules serve those pages too and go with them; they sit
 * in `:where()` (no specificity), so Atlaskit's own class rules always win over them.
 */
const t = {
  text: token('color.text'),
  subtle: token('color.text.subtle'),
  subtlest: token('color.text.subtlest'),
  border: token('color.border'),
  input: token('color.border.input'),
  focused: token('color.border.focused'),
  surface: token('elevation.surface'),
  neutral: token('color.background.neutral'),
  neutralHover: token('color.background.neutral.hovered'),
  brand: token('color.background.brand.bold'),
  brandHover: token('color.background.brand.bold.hovered'),
  danger: token('color.background.danger.bold'),
  dangerHover: token('color.background.danger.bold.hovered'),
  inverse: token('color.text.inverse'),
  link: token('color.link'),
  r: token('radius.small'),
  rCard: token('radius.medium'),
  s025: token('space.025'),
  s050: token('space.050'),
  s075: token('space.075'),
  s100: token('space.100'),
  s150: token('space.150'),
  s200: token('space.200'),
  s300: token('space.300'),
};

/** The old `--rt-*` colour names, now design tokens, for page styles not converted yet (remove with the last user). */
const aliases = {
  '--rt-text': token('color.text'),
  '--rt-subtle': token('color.text.subtle'),
  '--rt-border': token('color.border'),
  '--rt-brand': token('color.border.brand'),
  '--rt-danger': token('color.text.danger'),
  '--rt-danger-bg': token('color.background.danger'),
  '--rt-success': token('color.text.success'),
  '--rt-success-bg': token('color.background.success'),
  '--rt-warning': token('color.text.warning'),
  '--rt-warning-bg': token('color.background.warning'),
  '--rt-neutral-bg': token('color.background.neutral'),
  '--rt-info-bg': token('color.background.information'),
};

const css = `
:root { ${Object.entries(aliases)
  .map(([k, v]) => `${k}: ${v};`)
  .join(' ')} }
* { box-sizing: border-box; }
html, body { background: ${t.surface}; }
html[data-color-mode="dark"] { color-scheme: dark; }
body { margin: 0; font: ${token('font.body')}; color: ${t.text}; }
h1 { font: ${token('font.heading.medium')}; margin: 0 0 ${t.s150}; }
h2 { font: ${token('font.heading.small')}; margin: ${t.s200} 0 ${t.s100}; }
h3 { font: ${token('font.heading.xsmall')}; margin: ${t.s150} 0 ${t.s075}; }
h4 { font: ${token('font.heading.xxsmall')}; margin: ${t.s100} 0 ${t.s050}; }
a { color: ${t.link}; }
code, pre { font: ${token('font.code')}; }
:where(button, .rt-button) { font: inherit; border: 0; border-radius: ${t.r}; padding: ${t.s075} ${t.s150}; cursor: pointer; background: ${t.neutral}; color: ${t.text}; }
:where(button:hover:not(:disabled)) { background: ${t.neutralHover}; }
:where(button:disabled) { opacity: .5; cursor: not-allowed; }
button.rt-primary { background: ${t.brand}; color: ${t.inverse}; }
button.rt-primary:hover:not(:disabled) { background: ${t.brandHover}; }
button.rt-danger { background: ${t.danger}; color: ${t.inverse}; }
button.rt-danger:hover:not(:disabled) { background: ${t.dangerHover}; }
button.rt-subtle { background: transparent; }
:where(:focus-visible) { outline: ${token('border.width.focused')} solid ${t.focused}; outline-offset: 2px; }
:where(input, select, textarea) { font: inherit; color: inherit; border: ${token('border.width')} solid ${t.input}; border-radius: ${t.r}; padding: ${t.s050} ${t.s075}; background: ${token('color.background.input')}; }
:where(input:focus, select:focus, textarea:focus) { border-color: ${t.focused}; outline: none; box-shadow: inset 0 0 0 1px ${t.focused}; }
:where(input[type="checkbox"], input[type="radio"]) { accent-color: ${t.brand}; width: 16px; height: 16px; margin: 0 ${t.s050} 0 0; vertical-align: middle; }
label { display: block; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${t.subtle}; margin: ${t.s100} 0 ${t.s025}; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: ${t.s050} ${t.s100}; border-bottom: ${token('border.width')} solid ${t.border}; vertical-align: top; }
th { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${t.subtle}; }
summary { cursor: pointer; color: ${t.text}; }
.rt-muted { color: ${t.subtle}; font: ${token('font.body.small')}; }
.rt-row { display: flex; gap: ${t.s100}; align-items: center; flex-wrap: wrap; }
.rt-card { border: ${token('border.width')} solid ${t.border}; border-radius: ${t.rCard}; padding: ${t.s150}; margin: ${t.s100} 0; background: ${t.surface}; }
.rt-banner { border-radius: ${t.r}; padding: ${t.s100} ${t.s150}; margin: ${t.s100} 0; border-left: ${token('border.width.selected')} solid; }
.rt-banner.error { background: ${token('color.background.danger')}; border-color: ${token('color.border.danger')}; }
.rt-banner.success { background: ${token('color.background.success')}; border-color: ${token('color.border.success')}; }
.rt-banner.warning { background: ${token('color.background.warning')}; border-color: ${token('color.border.warning')}; }
.rt-banner.info { background: ${token('color.background.information')}; border-color: ${token('color.border.information')}; }
.rt-spinner { display: inline-block; width: 16px; height: 16px; border: 2px solid ${t.border}; border-top-color: ${t.focused}; border-radius: 50%; animation: rt-spin .8s linear infinite; vertical-align: middle; }
@keyframes rt-spin { to { transform: rotate(360deg); } }
.rt-check { display: flex; gap: ${t.s075}; align-items: center; }
.rt-fieldset { border: ${token('border.width')} solid ${t.border}; border-radius: ${t.rCard}; padding: ${t.s100} ${t.s150}; display: grid; gap: ${t.s100}; }
.rt-fieldset legend { font: ${token('font.heading.xxsmall')}; color: ${t.text}; padding: 0 ${t.s050}; }
.rt-table { margin: ${t.s100} 0; }
.rt-loop { margin: ${t.s100} 0; }
.rt-empty { text-align: center; color: ${t.subtle}; padding: ${t.s300}; }
.rt-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function injectStyles(): void {
  if (document.getElementById('rt-styles')) return;
  const style = document.createElement('style');
  style.id = 'rt-styles';
  style.textContent = css;
  document.head.appendChild(style);
}
