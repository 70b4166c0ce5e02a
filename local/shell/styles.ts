/** The shell's stylesheet (Jira Cloud look): every colour is a design token (`--ds-*`, set by the theme), with the light value as fallback. */
const css = `
:root { --text: var(--ds-text, #172B4D); --subtle: var(--ds-text-subtle, #44546F); --subtlest: var(--ds-text-subtlest, #626F86); --border: var(--ds-border, #091E4224);
  --brand: var(--ds-link, #0C66E4); --brand-bold: var(--ds-background-brand-bold, #0C66E4); --brand-hover: var(--ds-background-brand-bold-hovered, #0055CC); --on-bold: var(--ds-text-inverse, #FFFFFF);
  --danger: var(--ds-text-danger, #AE2E24); --danger-border: var(--ds-border-danger, #E2483D); --danger-bg: var(--ds-background-danger, #FFECEB); --success: var(--ds-text-success, #216E4E); --success-bg: var(--ds-background-success, #DCFFF1);
  --warning-bg: var(--ds-background-warning, #FFF7D6); --info-bg: var(--ds-background-information, #E9F2FF); --info-border: var(--ds-border-information, #1D7AFC);
  --neutral: var(--ds-background-neutral, #091E420F); --neutral-hover: var(--ds-background-neutral-hovered, #091E4224); --surface: var(--ds-surface, #FFFFFF);
  --surface-sunken: var(--ds-surface-sunken, #F7F8F9); --surface-overlay: var(--ds-surface-overlay, #FFFFFF); --shadow-overlay: var(--ds-shadow-overlay, 0 8px 12px #091E4226, 0 0 1px #091E424F);
  --input: var(--ds-background-input, #FFFFFF); --input-hover: var(--ds-background-input-hovered, #F7F8F9); --input-border: var(--ds-border-input, #8590A2); --focus: var(--ds-border-focused, #388BFF);
  --selected-bg: var(--ds-background-selected, #E9F2FF); --selected-text: var(--ds-text-selected, #0C66E4); --blanket: var(--ds-blanket, #091E427A);
  --lozenge-bg: var(--ds-background-neutral, #DCDFE4); --lozenge-text: var(--ds-text-subtle, #44546F); --lozenge-progress-bg: var(--ds-background-information, #CCE0FF); --lozenge-progress-text: var(--ds-text-information, #0055CC);
  --lozenge-success-bg: var(--ds-background-success, #BAF3DB); --lozenge-success-text: var(--ds-text-success, #216E4E); --bold-success: var(--ds-border-success, #22A06B); --bold-warning: var(--ds-border-warning, #E2B203); }
* { box-sizing: border-box; }
html, body, #root { height: 100%; }
body { margin: 0; font: 14px/20px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: var(--text); background: var(--surface); color-scheme: light dark; }
a { color: var(--brand); text-decoration: none; } a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 24px; line-height: 28px; font-weight: 500; margin: 0 0 16px; }
h2 { font-size: 16px; line-height: 20px; font-weight: 600; margin: 24px 0 8px; }
h3 { font-size: 14px; font-weight: 600; margin: 16px 0 6px; }
button { font: inherit; font-weight: 500; border: 0; border-radius: 3px; padding: 0 10px; height: 32px; cursor: pointer; background: var(--neutral); color: var(--subtle); }
button:hover:not(:disabled) { background: var(--neutral-hover); }
button:disabled { opacity: .5; cursor: not-allowed; }
button.primary { background: var(--brand-bold); color: var(--on-bold); } button.primary:hover:not(:disabled) { background: var(--brand-hover); }
button.subtle { background: transparent; } button.subtle:hover:not(:disabled) { background: var(--neutral); }
button.danger { color: var(--danger); }
button.link { background: none; border: none; padding: 0; font: inherit; color: var(--brand); text-decoration: underline; cursor: pointer; }
input, select, textarea { font: inherit; color: inherit; border: 1px solid var(--input-border); border-radius: 3px; padding: 4px 6px; background: var(--input); min-height: 36px; }
input:hover, select:hover, textarea:hover { background: var(--input-hover); }
input:focus, select:focus, textarea:focus { border-color: var(--focus); box-shadow: inset 0 0 0 1px var(--focus); background: var(--input); outline: none; }
textarea { width: 100%; resize: vertical; min-height: 120px; }
label { display: block; font-size: 12px; font-weight: 600; color: var(--subtle); margin: 12px 0 4px; }
.required { color: var(--danger); margin-left: 2px; }
.app { display: grid; grid-template-rows: 56px 1fr; grid-template-columns: 240px 1fr; height: 100%; }
.topbar { grid-column: 1 / 3; display: flex; align-items: center; gap: 16px; padding: 0 16px; border-bottom: 1px solid var(--border); background: var(--surface); }
.topbar .product { display: flex; align-items: center; gap: 8px; font-weight: 600; color: var(--subtle); text-decoration: none; }
.topbar .product svg { width: 24px; height: 24px; }
.topbar .spacer { flex: 1; }
.topbar label { margin: 0; display: inline; }
.topbar select { min-height: 32px; margin-left: 6px; max-width: 340px; }
.sidebar { border-right: 1px solid var(--border); background: var(--surface-sunken); padding: 16px 8px; overflow-y: auto; }
.sidebar .project { display: flex; align-items: center; gap: 8px; padding: 0 8px 16px; }
.sidebar .avatar { width: 24px; height: 24px; border-radius: 3px; background: var(--brand-bold); color: var(--on-bold); font-size: 11px; font-weight: 700; display: grid; place-items: center; }
.sidebar .project-name { font-weight: 600; } .sidebar .project-type { font-size: 12px; color: var(--subtlest); }
.sidebar ul { list-style: none; margin: 0; padding: 0; }
.sidebar .group { font-size: 11px; font-weight: 700; color: var(--subtlest); text-transform: uppercase; padding: 16px 8px 4px; }
.sidebar a { display: block; padding: 8px; border-radius: 3px; color: var(--subtle); }
.sidebar a:hover { background: var(--neutral); text-decoration: none; }
.sidebar a[aria-current="page"] { background: var(--selected-bg); color: var(--selected-text); font-weight: 600; }
.main { overflow-y: auto; padding: 24px 32px; }
.main.full { padding: 16px; }
.breadcrumbs { font-size: 14px; color: var(--subtlest); margin-bottom: 8px; }
.lozenge { display: inline-block; border-radius: 3px; padding: 0 4px; font-size: 11px; line-height: 16px; font-weight: 700; text-transform: uppercase; white-space: nowrap; background: var(--lozenge-bg); color: var(--lozenge-text); }
.lozenge.inprogress { background: var(--lozenge-progress-bg); color: var(--lozenge-progress-text); }
.lozenge.success { background: var(--lozenge-success-bg); color: var(--lozenge-success-text); }
.banner { display: flex; gap: 8px; border-radius: 3px; padding: 12px 16px; margin: 8px 0 16px; }
.banner.error { background: var(--danger-bg); color: var(--text); border-left: 4px solid var(--danger-border); }
.banner.info { background: var(--info-bg); border-left: 4px solid var(--info-border); }
.banner .title { font-weight: 600; }
.banner ul { margin: 4px 0 0; padding-left: 18px; }
.banner p { margin: 4px 0 0; }
.toolbar { display: flex; gap: 8px; align-items: flex-end; margin-bottom: 16px; }
.toolbar .grow { flex: 1; }
.toolbar label { margin-top: 0; }
.toolbar input { width: 100%; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
table.issues { border-collapse: collapse; width: 100%; }
table.issues th, table.issues td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--border); vertical-align: middle; }
table.issues th { font-size: 12px; color: var(--subtle); font-weight: 600; border-bottom-width: 2px; }
table.issues tbody tr:hover { background: var(--surface-sunken); }
table.issues td.key { white-space: nowrap; }
.muted { color: var(--subtlest); font-size: 12px; }
.empty { text-align: center; color: var(--subtlest); padding: 32px; }
.spinner { display: inline-block; width: 16px; height: 16px; border: 2px solid var(--border); border-top-color: var(--brand-bold); border-radius: 50%; animation: spin .8s linear infinite; vertical-align: middle; margin-right: 6px; }
@keyframes spin { to { transform: rotate(360deg); } }
.issue-layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 32px; }
.issue-summary { font-size: 24px; line-height: 28px; font-weight: 500; margin: 0 0 12px; }
.transitions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 16px; }
.details { border: 1px solid var(--border); border-radius: 3px; }
.details h2 { margin: 0; padding: 12px 16px; border-bottom: 1px solid var(--border); font-size: 14px; }
.details dl { display: grid; grid-template-columns: 120px 1fr; gap: 10px 12px; margin: 0; padding: 12px 16px; }
.details dt { color: var(--subtle); font-size: 12px; font-weight: 600; } .details dd { margin: 0; overflow-wrap: anywhere; }
.adf p { margin: 0 0 8px; }
.adf pre { background: var(--surface-sunken); border-radius: 3px; padding: 8px 12px; overflow-x: auto; font-size: 12px; }
.adf code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--neutral); border-radius: 3px; padding: 0 2px; }
.adf pre code { background: none; padding: 0; }
.adf blockquote { border-left: 2px solid var(--border); margin: 0 0 8px; padding-left: 12px; color: var(--subtle); }
.section { margin-top: 24px; }
.section-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.section-head h2 { margin: 0 0 8px; }
.panel { border: 1px solid var(--border); border-radius: 3px; margin-top: 16px; }
.panel > header { padding: 8px 12px; font-weight: 600; border-bottom: 1px solid var(--border); background: var(--surface-sunken); }
.app-frame { display: block; width: 100%; border: 0; }
.links li { display: flex; gap: 8px; align-items: center; padding: 4px 0; }
.links ul { list-style: none; margin: 0; padding: 0; }
.create { max-width: 720px; border: 1px solid var(--border); border-radius: 3px; box-shadow: var(--shadow-overlay); padding: 24px; }
.create .row { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.create input, .create select { width: 100%; }
.create .field-error { color: var(--danger); font-size: 12px; margin-top: 4px; }
.create footer { display: flex; justify-content: flex-end; gap: 8px; margin-top: 24px; }
.transition-card { border: 1px solid var(--border); border-radius: 3px; padding: 12px 16px; margin-bottom: 16px; }
.transition-card h2 { margin: 0 0 8px; }
.validator { border-top: 1px solid var(--border); padding: 8px 0; }
.validator .head { display: flex; align-items: center; gap: 8px; } .validator .head .name { font-weight: 600; flex: 1; }
.flags { position: fixed; left: 24px; bottom: 24px; display: flex; flex-direction: column; gap: 8px; z-index: 10; width: 360px; }
.flag { background: var(--surface-overlay); border-radius: 3px; padding: 12px 16px; box-shadow: var(--shadow-overlay); display: flex; gap: 8px; align-items: flex-start; }
.flag .body { flex: 1; } .flag .title { font-weight: 600; }
.flag.error { border-left: 4px solid var(--danger); } .flag.success { border-left: 4px solid var(--bold-success); } .flag.warning { border-left: 4px solid var(--bold-warning); } .flag.info, .flag.normal { border-left: 4px solid var(--info-border); }
.modal-backdrop { position: fixed; inset: 0; background: var(--blanket); display: flex; align-items: flex-start; justify-content: center; padding-top: 10vh; z-index: 20; }
.modal { background: var(--surface-overlay); border-radius: 3px; padding: 24px; width: min(560px, 92vw); box-shadow: var(--shadow-overlay); }
.modal .form-row { margin-bottom: 12px; } .modal .form-row label { display: block; font-weight: 600; margin-bottom: 4px; }
.modal .row, .details .row { display: flex; gap: 8px; align-items: center; margin-top: 8px; } .details dd .row { margin-top: 0; }
.field-error { color: var(--danger); font-size: 12px; margin-top: 4px; }
.field-choices { border: 0; padding: 0; margin: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function injectShellStyles(): void {
  if (document.getElementById('rt-shell-styles')) return;
  const style = document.createElement('style');
  style.id = 'rt-shell-styles';
  style.textContent = css;
  document.head.appendChild(style);
}
