'use client';
// Admin → TVDB API keys: the rotate and delete confirmations (on the shared modal dialog).
import { formError } from '@/components/queries/api-fetch';
import { useDeleteProxyKey, useRotateProxyKey, type IssuedProxyKey, type ProxyKeyView } from '@/components/queries/use-proxy-keys';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ModalDialog } from '@/components/ui/modal-dialog-client';

interface ConfirmProps {
  proxyKey: ProxyKeyView;
  onClose: () => void;
}

/** Rotate: a new key (and PIN) for the same record; the old ones and their tokens stop working. */
export function RotateProxyKeyDialog({ proxyKey, onClose, onRotated }: ConfirmProps & { onRotated: (issued: IssuedProxyKey) => void }) {
  const rotate = useRotateProxyKey();
  const pin = proxyKey.kind === 'user_supported';
  return (
    <ModalDialog
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
    </ModalDialog>
  );
}

export function DeleteProxyKeyDialog({ proxyKey, onClose, onDeleted }: ConfirmProps & { onDeleted: (id: string) => void }) {
  const remove = useDeleteProxyKey();
  return (
    <ModalDialog
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
    </ModalDialog>
  );
}
