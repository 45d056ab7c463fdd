'use client';
// First run: "Add the sample libraries" — one click makes 'Sample Movies' and 'Sample TV' from the
// generated sample media and scans them. Shown to admins while there is no library at all.
import { useRouter } from 'next/navigation';
import { formError } from '@/components/queries/api-fetch';
import { useAddSampleLibraries, useSampleOffer } from '@/components/queries/use-libraries';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function SampleLibrariesOffer() {
  const router = useRouter();
  const offer = useSampleOffer();
  const add = useAddSampleLibraries();
  const status = offer.data?.status;
  if (status !== 'available' && status !== 'generating') return null;
  return (
    <section aria-labelledby="sample-offer-heading" className="rounded-2xl border border-accent-400/30 bg-accent-400/5 p-5 text-left sm:p-6">
      <h2 id="sample-offer-heading" className="font-semibold text-zinc-50">
        Try Marquee with the sample libraries
      </h2>
      <p className="mt-1 text-sm text-zinc-400">
        A short test-card movie and a show with two seasons, made on this server: “Sample Movies” and “Sample TV”, ready to scan and play. Delete them whenever you like.
      </p>
      {add.error && (
        <Alert tone="error" className="mt-3">
          {formError(add.error)}
        </Alert>
      )}
      <div className="mt-4">
        {status === 'available' ? (
          <Button pending={add.isPending} onClick={() => add.mutate(undefined, { onSuccess: () => router.refresh() })}>
            Add the sample libraries
          </Button>
        ) : (
          <p role="status" className="text-sm text-zinc-400">
            The sample media is still being made: this takes a few seconds.
          </p>
        )}
      </div>
    </section>
  );
}
