/**
 * One small stylesheet for every Custom UI app (Atlassian design tokens' fallback values), injected once.
 * Apps use these class names instead of inventing their own.
 */
const css = `
:root { --rt-text: #172B4D; --rt-subtle: #626F86; --rt-border: #DCDFE4; --rt-brand: #0C66E4; --rt-danger: #C9372C;
  --rt-danger-bg: #FFECEB; --rt-success: #1F845A; --rt-success-bg: #DCFFF1; --rt-warning: #A54800; --rt-warning-bg: #FFF7D6;
  --rt-neutral-bg: #F1F2F4; --rt-info-bg: #E9F2FF; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.43 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--rt-text); background: #fff; }
h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 16px; margin: 16px 0 8px; } h3 { font-size: 14px; margin: 12px 0 6px; }
button, .rt-button { font: inherit; border: 0; border-radius: 3px; padding: 6px 12px; cursor: pointer; background: var(--rt-neutral-bg); color: var(--rt-text); }
button:hover:not(:disabled) { filter: brightness(0.95); }
button:disabled { opacity: .5; cursor: not-allowed; }
button.rt-primary { background: var(--rt-brand); color: #fff; }
button.rt-danger { background: var(--rt-danger); color: #fff; }
button.rt-subtle { background: transparent; }
:focus-visible { outline: 2px solid var(--rt-brand); outline-offset: 2px; }
input, select, textarea { font: inherit; color: inherit; border: 2px solid var(--rt-border); border-radius: 3px; padding: 4px 6px; background: #fff; }
input:focus, select:focus, textarea:focus { border-color: var(--rt-brand); outline: none; }
label { display: block; font-size: 12px; font-weight: 600; color: var(--rt-subtle); margin: 8px 0 2px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rt-border); vertical-align: top; }
th { font-size: 12px; color: var(--rt-subtle); }
.rt-banner { border-radius: 3px; padding: 8px 12px; margin: 8px 0; }
.rt-banner.error { background: var(--rt-danger-bg); border-left: 4px solid var(--rt-danger); }
.rt-banner.success { background: var(--rt-success-bg); border-left: 4px solid var(--rt-success); }
.rt-banner.warning { background: var(--rt-warning-bg); border-left: 4px solid var(--rt-warning); }
.rt-banner.info { background: var(--rt-info-bg); border-left: 4px solid var(--rt-brand); }
.rt-lozenge { display: inline-block; border-radius: 3px; padding: 0 4px; font-size: 11px; font-weight: 700; text-transform: uppercase; background: var(--rt-neutral-bg); }
.rt-lozenge.success { background: var(--rt-success-bg); color: var(--rt-success); }
.rt-lozenge.danger { background: var(--rt-danger-bg); color: var(--rt-danger); }
.rt-lozenge.warning { background: var(--rt-warning-bg); color: var(--rt-warning); }
.rt-lozenge.info { background: var(--rt-info-bg); color: var(--rt-brand); }
.rt-muted { color: var(--rt-subtle); font-size: 12px; }
.rt-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.rt-card { border: 1px solid var(--rt-border); border-radius: 6px; padding: 12px; margin: 8px 0; }
.rt-spinner { display: inline-block; width: 16px; height: 16px; border: 2px solid var(--rt-border); border-top-color: var(--rt-brand); border-radius: 50%; animation: rt-spin .8s linear infinite; vertical-align: middle; }
@keyframes rt-spin { to { transform: rotate(360deg); } }
.rt-empty { text-align: center; color: var(--rt-subtle); padding: 24px; }
.rt-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

export function injectStyles(): void {
  if (document.getElementById('rt-styles')) return;
  const style = document.createElement('style');
  style.id = 'rt-styles';
  style.textContent = css;
  document.head.appendChild(style);
}
