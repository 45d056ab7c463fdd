'use client';
// Admin → TVDB API keys: create keys, find them (search, pages), edit, rotate and delete them. A key
// and PIN just issued are shown once, above the rest; edits and confirmations open in a dialog.
import { useState } from 'react';
import { useProxyKeys, type IssuedProxyKey, type ProxyKeyPage, type ProxyKeyView } from '@/components/queries/use-proxy-keys';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/components/ui/format-date';
import { Panel } from '@/components/ui/panel';
import { TextField } from '@/components/ui/text-field';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { DeleteProxyKeyDialog, RotateProxyKeyDialog } from './proxy-key-dialogs-client';
import { ProxyKeyCreateForm, ProxyKeyEditDialog, type ProxyKeyDefaults } from './proxy-key-forms-client';
import { ProxyKeySecret } from './proxy-key-secret-client';
import { DataTable } from '@/components/ui/data-table';

type Dialog = { kind: 'edit' | 'rotate' | 'delete'; proxyKey: ProxyKeyView };
type Issued = { proxyKey: IssuedProxyKey; action: 'created' | 'rotated' };

const KIND_LABELS: Record<ProxyKeyView['kind'], string> = { licensed: 'Licensed', user_supported: 'User-supported' };

const badge = 'rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

function StatusBadge({ proxyKey }: { proxyKey: ProxyKeyView }) {
  if (!proxyKey.active) return <span className={`${badge} bg-white/5 text-zinc-400 ring-white/10`}>Inactive</span>;
  if (proxyKey.expires_at && Date.parse(proxyKey.expires_at) <= Date.now()) return <span className={`${badge} bg-red-500/10 text-red-300 ring-red-500/30`}>Expired</span>;
  return <span className={`${badge} bg-emerald-500/10 text-emerald-300 ring-emerald-500/30`}>Active</span>;
}

function KeysTable({ items, onOpen }: { items: ProxyKeyView[]; onOpen: (d: Dialog) => void }) {
  return (
    <DataTable caption="TVDB proxy API keys" minWidth="64rem" columns={['Name', 'Kind', 'Key', 'Limit', 'Status', 'Expires', { label: 'Requests', align: 'right' }, 'Last used', 'Created by', { label: 'Actions', hidden: true }]}>
          {items.map((k) => (
            <tr key={k.id} data-testid={`proxy-key-row-${k.id}`} className="align-top hover:bg-white/[0.02]">
              <td className="min-w-40 max-w-64 px-4 py-3">
                <span className="font-medium text-zinc-100">{k.name}</span>
                {k.description && <span className="mt-0.5 block truncate text-xs text-zinc-400" title={k.description}>{k.description}</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-zinc-300">{KIND_LABELS[k.kind]}</td>
              <td className="px-4 py-3 font-mono text-xs text-zinc-400">{k.preview}</td>
              <td className="whitespace-nowrap px-4 py-3 text-zinc-300">
                {k.rate_limit.toLocaleString('en-US')}/min
                <span className="block text-xs text-zinc-500">burst {k.burst.toLocaleString('en-US')}</span>
              </td>
              <td className="px-4 py-3"><StatusBadge proxyKey={k} /></td>
              <td className="px-4 py-3 text-zinc-400">{k.expires_at ? <time dateTime={k.expires_at}>{formatDate(k.expires_at)}</time> : 'Never'}</td>
              <td className="px-4 py-3 text-right tabular-nums text-zinc-300">{k.total_requests.toLocaleString('en-US')}</td>
              <td className="px-4 py-3 text-zinc-400">{k.last_used_at ? <time dateTime={k.last_used_at}>{formatDate(k.last_used_at)}</time> : 'Never'}</td>
              <td className="px-4 py-3 text-zinc-400">{k.created_by?.username ?? '—'}</td>
              <td className="px-4 py-3">
                <div className="flex justify-end gap-1.5">
                  <Button variant="secondary" size="sm" aria-label={`Edit ${k.name}`} onClick={() => onOpen({ kind: 'edit', proxyKey: k })}>
                    Edit
                  </Button>
                  <Button variant="secondary" size="sm" aria-label={`Rotate ${k.name}`} onClick={() => onOpen({ kind: 'rotate', proxyKey: k })}>
                    Rotate
                  </Button>
                  <Button variant="danger" size="sm" aria-label={`Delete ${k.name}`} onClick={() => onOpen({ kind: 'delete', proxyKey: k })}>
                    Delete
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
  );
}

function Pager({ page, perPage, total, shown, onPage }: { page: number; perPage: number; total: number; shown: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages === 1) return null;
  const from = (page - 1) * perPage + 1;
  return (
    <nav aria-label="Pages of keys" className="flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-400">
      <p>
        {from}–{from + shown - 1} of {total} · page {page} of {pages}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous page
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next page
        </Button>
      </div>
    </nav>
  );
}

export function ProxyKeys({ initialPage, defaults }: { initialPage: ProxyKeyPage; defaults: ProxyKeyDefaults }) {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const perPage = initialPage.per_page;
  const list = useProxyKeys({ search: query, page, perPage }, query === '' && page === 1 ? initialPage : undefined);
  const { items, total } = list.data ?? initialPage;
  const [issued, setIssued] = useState<Issued | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const deleted = (id: string) => {
    if (issued?.proxyKey.id === id) setIssued(null);
    if (items.length === 1 && page > 1) setPage(page - 1);
    close();
  };

  return (
    <div className="space-y-6">
      <div aria-live="polite">{issued && <ProxyKeySecret issued={issued.proxyKey} action={issued.action} onDone={() => setIssued(null)} />}</div>

      <Panel title="New key" description="A licensed key logs in with the key alone; a user-supported key also needs its PIN. Both are shown once.">
        <ProxyKeyCreateForm defaults={defaults} onCreated={(proxyKey) => setIssued({ proxyKey, action: 'created' })} />
      </Panel>

      <Panel title="Keys" description="Newest first. Rotating a key gives it a new secret; deleting it stops it at once.">
        <div className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <TextField
              label="Search keys"
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(1);
              }}
              placeholder="Name, description or key preview"
              maxLength={100}
              autoComplete="off"
              className="w-full sm:max-w-sm"
            />
            <p role="status" className="text-sm text-zinc-400">
              {list.isPlaceholderData ? 'Searching…' : `${total} ${total === 1 ? 'key' : 'keys'}${query ? ` matching “${query}”` : ''}`}
            </p>
          </div>
          {list.error && <Alert tone="error">Keys could not be loaded: {list.error.message}</Alert>}
          {items.length === 0 ? (
            <p className="rounded-xl border border-dashed border-white/10 px-4 py-6 text-center text-sm text-zinc-400">
              {query ? 'No keys match this search.' : 'No keys yet. Create one above.'}
            </p>
          ) : (
            <KeysTable items={items} onOpen={setDialog} />
          )}
          <Pager page={page} perPage={perPage} total={total} shown={items.length} onPage={setPage} />
        </div>
      </Panel>

      {dialog?.kind === 'edit' && <ProxyKeyEditDialog key={dialog.proxyKey.id} proxyKey={dialog.proxyKey} onClose={close} />}
      {dialog?.kind === 'rotate' && (
        <RotateProxyKeyDialog
          proxyKey={dialog.proxyKey}
          onClose={close}
          onRotated={(proxyKey) => {
            close();
            setIssued({ proxyKey, action: 'rotated' });
          }}
        />
      )}
      {dialog?.kind === 'delete' && <DeleteProxyKeyDialog proxyKey={dialog.proxyKey} onClose={close} onDeleted={deleted} />}
    </div>
  );
}
