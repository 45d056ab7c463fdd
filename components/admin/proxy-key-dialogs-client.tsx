'use client';
// Admin → TVDB API keys: the modal dialog the page uses (the native <dialog>: focus stays inside,
// Escape closes it, focus goes back to the button that opened it), and the rotate and delete
// confirmations built on it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { formError } from '@/components/queries/api-fetch';
import { useDeleteProxyKey, useRotateProxyKey, type IssuedProxyKey, type ProxyKeyView } from '@/components/queries/use-proxy-keys';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

interface DialogProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/** Open while mounted. */
export function ProxyKeyDialog({ title, description, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // A click on the backdrop lands on the <dialog> itself.
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl border border-white/10 bg-zinc-900 p-0 text-zinc-100 shadow-2xl shadow-black/60 backdrop:bg-zinc-950/70 backdrop:backdrop-blur-sm"
    >
      <div className="p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-zinc-50">
          {title}
        </h2>
        {description && (
          <div id={`${id}-description`} className="mt-1.5 text-sm text-zinc-400">
            {description}
          </div>
        )}
        <div className="mt-5">{children}</div>
      </div>
    </dialog>
  );
}

interface ConfirmProps {
  proxyKey: ProxyKeyView;
  onClose: () => void;
}

/** Rotate: a new key (and PIN) for the same record; the old ones and their tokens stop working. */
export function RotateProxyKeyDialog({ proxyKey, onClose, onRotated }: ConfirmProps & { onRotated: (issued: IssuedProxyKey) => void }) {
  const rotate = useRotateProxyKey();
  const pin = proxyKey.kind === 'user_supported';
  return (
    <ProxyKeyDialog
      title={`Rotate “${proxyKey.name}”?`}
      onClose={onClose}
      description={
        <p>
          {pin ? 'A new key and PIN replace the current ones' : 'A new key replaces the current one'} at once: the old {pin ? 'key, its PIN' : 'key'} and every
          token issued for it stop working, so apps that use it need the new one. Its settings and usage stay.
        </p>
      }
    >
      {rotate.error && <Alert tone="error" className="mb-4">{formError(rotate.error)}</Alert>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" pending={rotate.isPending} onClick={() => rotate.mutate(proxyKey.id, { onSuccess: onRotated })}>
          Rotate key
        </Button>
      </div>
    </ProxyKeyDialog>
  );
}

export function DeleteProxyKeyDialog({ proxyKey, onClose, onDeleted }: ConfirmProps & { onDeleted: (id: string) => void }) {
  const remove = useDeleteProxyKey();
  return (
    <ProxyKeyDialog
      title={`Delete “${proxyKey.name}”?`}
      onClose={onClose}
      description={<p>The key and its tokens stop working at once, and its usage history is deleted with it. This cannot be undone.</p>}
    >
      {remove.error && <Alert tone="error" className="mb-4">{formError(remove.error)}</Alert>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate(proxyKey.id, { onSuccess: () => onDeleted(proxyKey.id) })}>
          Delete key
        </Button>
      </div>
    </ProxyKeyDialog>
  );
}
