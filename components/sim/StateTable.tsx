import { describeState } from '@/lib/sim/describe';

/**
 * The current domain state as plain tables (one per entity collection): the screen-reader view of the picture, and
 * the whole picture for systems without a drawn view yet.
 */
export function StateTable({ d, caption, labels }: { d: unknown; caption: string; labels: { entity: string; value: string } }) {
  const sections = describeState(d);
  return (
    <div className="space-y-4 text-sm" data-testid="state-table">
      {sections.map((s) => (
        <table key={s.title} className="w-full border-collapse text-left">
          <caption className="py-1 text-left font-semibold">
            {caption} — {s.title}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="border border-line px-2 py-1">
                {labels.entity}
              </th>
              {s.columns.map((c) => (
                <th key={c} scope="col" className="border border-line px-2 py-1 font-mono">
                  {c === 'value' ? labels.value : c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.entity}>
                <th scope="row" className="border border-line px-2 py-1 font-mono">
                  {r.entity}
                </th>
                {r.cells.map((c, i) => (
                  <td key={i} className="border border-line px-2 py-1 font-mono break-all">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
