'use client';
// A library's admin actions beside Scan and Rescan: Edit (the library form in a dialog) and Delete
// (a confirmation that says what goes and that the files stay on disk).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formError } from '@/components/queries/api-fetch';
import { useDeleteLibrary, useUpdateLibrary, type LibraryView } from '@/components/queries/use-libraries';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ModalDialog } from '@/components/ui/modal-dialog-client';
import { itemCount } from './library-labels';
import { LibraryForm } from './library-form-client';

export function LibraryAdminActions({ library }: { library: LibraryView }) {
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen('edit')}>
        Edit
      </Button>
      <Button variant="danger" onClick={() => setOpen('delete')}>
        Delete
      </Button>
      {open === 'edit' && <EditLibraryDialog library={library} onClose={close} />}
      {open === 'delete' && <DeleteLibraryDialog library={library} onClose={close} />}
    </>
  );
}

function EditLibraryDialog({ library, onClose }: { library: LibraryView; onClose: () => void }) {
  const router = useRouter();
  const update = useUpdateLibrary(library.id);
  return (
    <ModalDialog title={`Edit “${library.name}”`} wide onClose={onClose} description="Changed folders are scanned at once; a new type reads every file again.">
      <LibraryForm
        library={library}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onCancel={onClose}
        onSubmit={(values) =>
          update.mutate(values, {
            onSuccess: () => {
              onClose();
              router.refresh();
            },
          })
        }
      />
    </ModalDialog>
  );
}

function DeleteLibraryDialog({ library, onClose }: { library: LibraryView; onClose: () => void }) {
  const router = useRouter();
  const remove = useDeleteLibrary(library.id);
  return (
    <ModalDialog
      title={`Delete “${library.name}”?`}
      onClose={onClose}
      description={
        <>
          <p>
            Marquee forgets this library and what it found there ({itemCount(library.type, library.media_count)}), with their artwork and everyone&apos;s watch
            progress. Its scans and watching stop.
          </p>
          <p className="mt-2 font-medium text-zinc-200">The files stay on disk, untouched. Adding the folders again later scans them anew.</p>
        </>
      }
    >
      {remove.error && (
        <Alert tone="error" className="mb-4">
          {formError(remove.error)}
        </Alert>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          pending={remove.isPending}
          onClick={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                router.push('/libraries');
                router.refresh();
              },
            })
          }
        >
          Delete library
        </Button>
      </div>
    </ModalDialog>
  );
}
