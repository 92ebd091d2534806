/**
 * Inline SVG charts for the progress page. Each is an <svg role="img"> with a text alternative, followed by the same
 * numbers as a (visually hidden) table, so the chart is never the only way to read the data. Colours come from the
 * design tokens; values are also written as text labels.
 */
import { fill } from '@/lib/i18n/fill';

export function AccuracyChart({ series, title, desc, labelledBy }: { series: { day: string; n: number; total: number }[]; title: string; desc: string; labelledBy: string }) {
  const w = 600;
  const h = 160;
  const pad = 44;
  const bw = (w - pad) / series.length;
  return (
    <>
      <svg viewBox={`0 0 ${w} ${h + 20}`} role="img" aria-labelledby={labelledBy} className="mt-3 w-full max-w-2xl" data-testid="accuracy-chart">
        <title>{title}</title>
        <desc>{desc}</desc>
        {[0, 50, 100].map((pct) => {
          const y = h - (pct / 100) * (h - 10);
          return (
            <g key={pct}>
              <line x1={pad} x2={w} y1={y} y2={y} className="stroke-line" strokeDasharray={pct === 0 ? undefined : '3 3'} />
              <text x={pad - 4} y={y + 4} textAnchor="end" className="fill-ink-muted text-[10px]">
                {pct}%
              </text>
            </g>
          );
        })}
        {series.map((d, i) => {
          if (d.total === 0) return null;
          const pct = d.n / d.total;
          const bh = Math.max(2, pct * (h - 10));
          return (
            <rect key={d.day} x={pad + i * bw + 2} y={h - bh} width={Math.max(2, bw - 4)} height={bh} className="fill-acked" data-day={d.day}>
              <title>{`${d.day}: ${d.n}/${d.total}`}</title>
            </rect>
          );
        })}
        <text x={pad} y={h + 16} className="fill-ink-muted text-[10px]">
          {series[0]?.day}
        </text>
        <text x={w} y={h + 16} textAnchor="end" className="fill-ink-muted text-[10px]">
          {series.at(-1)?.day}
        </text>
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {series
            .filter((d) => d.total > 0)
            .map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{`${d.n}/${d.total}`}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

export function CoverageChart({ rows, title, desc, template, labelledBy }: { rows: { label: string; n: number; total: number }[]; title: string; desc: string; template: string; labelledBy: string }) {
  const w = 600;
  const row = 34;
  const labelW = 150;
  return (
    <svg viewBox={`0 0 ${w} ${rows.length * row}`} role="img" aria-labelledby={labelledBy} className="mt-3 w-full max-w-2xl" data-testid="coverage-chart">
      <title>{title}</title>
      <desc>{`${desc} ${rows.map((r) => fill(template, { track: r.label, n: r.n, total: r.total })).join('; ')}`}</desc>
      {rows.map((r, i) => {
        const full = w - labelW - 70;
        const y = i * row + 6;
        return (
          <g key={r.label}>
            <text x={0} y={y + 15} className="fill-ink text-[13px]">
              {r.label}
            </text>
            <rect x={labelW} y={y} width={full} height={20} rx={4} className="fill-surface-muted stroke-line" />
            <rect x={labelW} y={y} width={r.total ? (full * r.n) / r.total : 0} height={20} rx={4} className="fill-acked" />
            <text x={labelW + full + 8} y={y + 15} className="fill-ink text-[13px]">
              {`${r.n}/${r.total}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
