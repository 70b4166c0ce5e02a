import { token } from '@atlaskit/tokens/token';

/**
 * Chart colours and text as design tokens (CSS variables), so recharts' SVG follows Jira's light and dark theme:
 * SVG presentation attributes accept var() in Chromium, Firefox and Safari.
 */
export const chartTheme = {
  brand: token('color.chart.brand'),
  danger: token('color.chart.danger'),
  success: token('color.chart.success'),
  warning: token('color.chart.warning'),
  neutral: token('color.chart.neutral'),
  grid: token('color.border'),
  text: token('color.text.subtle'),
  tooltip: {
    contentStyle: { background: token('elevation.surface.overlay'), border: `1px solid ${token('color.border')}`, color: token('color.text'), borderRadius: 3, fontSize: 12 },
    itemStyle: { color: token('color.text') },
    labelStyle: { color: token('color.text'), fontWeight: 600 },
    cursor: { fill: token('color.background.neutral.subtle.hovered') },
  },
  axis: { fontSize: 11, stroke: token('color.border'), tick: { fill: token('color.text.subtle') } },
  legend: { wrapperStyle: { fontSize: 12, color: token('color.text.subtle') } },
} as const;
