'use client';
// The add-library form (admins): the library form, then opens the new library.
import { useRouter } from 'next/navigation';
import { useCreateLibrary } from '@/components/queries/use-libraries';
import { LibraryForm } from './library-form-client';

export function AddLibraryForm() {
  const router = useRouter();
  const create = useCreateLibrary();
  return (
    <LibraryForm
      submitLabel="Add library"
      pending={create.isPending}
      error={create.error}
      onSubmit={(values) => create.mutate(values, { onSuccess: ({ id }) => router.push(`/libraries/${encodeURIComponent(id)}`) })}
    />
  );
}
