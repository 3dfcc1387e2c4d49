/**
 * Horizontal bar charts as inline SVG. Each chart is one image for assistive technology
 * (`role="img"`, a `<title>`, and an `aria-label` that says every number); the same numbers
 * are in the data tables, for anyone who prefers them.
 */
import { html, svg } from 'lit';

export interface Bar {
  label: string;
  /** Length of the bar, against `max`; null draws no bar. */
  value: number | null;
  /** What is written after the bar (already formatted). */
  text: string;
  /** Whose figure it is: community bars and advisor bars have their own colour. */
  tone?: 'community' | 'advisor';
}

const ROW = 28;
const LABEL_WIDTH = 120;
const BAR_WIDTH = 130;
const WIDTH = 320;

/** Labels longer than the label column would run into the bars. */
function clip(label: string): string {
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}

export function barChart(id: string, title: string, summary: string, bars: Bar[], max = 1) {
  const height = bars.length * ROW + 4;
  const scale = max > 0 ? BAR_WIDTH / max : 0;
  return html`
    <figure class="chart" part="chart">
      <figcaption id="${id}-caption">${title}</figcaption>
      <svg role="img" aria-label=${summary} viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
        <title>${title}</title>
        ${bars.map((bar, index) => {
          const y = index * ROW + 4;
          const length = bar.value === null ? 0 : Math.max(bar.value * scale, bar.value > 0 ? 2 : 0);
          return svg`
            <text class="label" x="0" y=${y + 15}>${clip(bar.label)}</text>
             <rect class="bar ${bar.tone ?? 'community'}" x=${LABEL_WIDTH} y=${y + 3} width=${length} height="16" rx="3"></rect>
            <text class="value" x=${LABEL_WIDTH + length + 6} y=${y + 15}>${bar.text}</text>
          `;
        })}
      </svg>
    </figure>
  `;
}
