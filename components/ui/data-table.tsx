// The admin and settings tables: a scrolling frame, a caption for screen readers, a header row,
// and the rows the caller renders (each a <tr>).
import type { ReactNode } from 'react';

/** A column: its heading, or { label, align: 'right' }, or { label, hidden: true } for an action column. */
export type Column = string | { label: string; align?: 'right'; hidden?: boolean };

export function DataTable({ caption, minWidth, columns, children }: { caption: string; minWidth: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-white/10">
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-white/5 text-xs uppercase tracking-wide text-zinc-400">
          <tr>
            {columns.map((c) => {
              const col = typeof c === 'string' ? { label: c } : c;
              return (
                <th key={col.label} scope="col" className={`px-4 py-2.5 font-medium ${col.align === 'right' ? 'text-right' : ''}`}>
                  {col.hidden ? <span className="sr-only">{col.label}</span> : col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-white/5">{children}</tbody>
      </table>
    </div>
  );
}
