import { useId } from "react";
import { formatInteger } from "#app/i18n/numbers.ts";

export type ChartRow = { label: string; female: number; male: number };

const width = 640;
const labelWidth = 170;
const rowHeight = 46;
const barHeight = 16;

/**
 * The pipeline as horizontal bars, drawn on the server: two bars per stage, women solid and men hatched, each
 * with its number written beside it, so that the chart reads without colour, without JavaScript and, through
 * its title, description and the table it accompanies, without sight.
 */
export function PipelineChart({ rows, title, description, women, men }: { rows: ChartRow[]; title: string; description: string; women: string; men: string }) {
  const id = useId().replace(/:/g, "");
  const max = Math.max(1, ...rows.flatMap((r) => [r.female, r.male]));
  const room = width - labelWidth - 90;
  const bar = (value: number) => Math.max(value > 0 ? 2 : 0, Math.round((value / max) * room));
  const height = rows.length * rowHeight + 36;
  return (
    <svg className="pipeline-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#222" strokeWidth="2" />
        </pattern>
      </defs>
      <g fontSize="13" fontFamily="inherit" fill="#111">
        <rect x={labelWidth} y="4" width="14" height="12" fill="#222" />
        <text x={labelWidth + 20} y="15">{women}</text>
        <rect x={labelWidth + 110} y="4" width="14" height="12" fill={`url(#${id}-hatch)`} stroke="#222" />
        <text x={labelWidth + 130} y="15">{men}</text>
        {rows.map((r, i) => {
          const y = 32 + i * rowHeight;
          return (
            <g key={r.label}>
              <text x={labelWidth - 8} y={y + barHeight + 4} textAnchor="end">
                {r.label}
              </text>
              <rect x={labelWidth} y={y} width={bar(r.female)} height={barHeight} fill="#222" />
              <text x={labelWidth + bar(r.female) + 6} y={y + 13}>{`${women} ${formatInteger(r.female)}`}</text>
              <rect x={labelWidth} y={y + barHeight + 4} width={bar(r.male)} height={barHeight} fill={`url(#${id}-hatch)`} stroke="#222" />
              <text x={labelWidth + bar(r.male) + 6} y={y + barHeight + 17}>{`${men} ${formatInteger(r.male)}`}</text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
