'use client';
// "Identify" (admins, movie and show pages): a dialog with the item's current match, the provider's
// candidates and a search of the provider (TMDB). Picking a record fixes the match (PATCH
// /api/v1/media/{id}, kept through rescans); a metadata job then refreshes the item, and the page's
// data is loaded again.
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type ReactNode } from 'react';
import { catalogError } from '@/components/catalog/catalog-error';
import { mediaKeys } from '@/components/queries/use-media';
import { useFixMatch, useMatch, type MatchView, type ProviderRecord } from '@/components/queries/use-match';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ModalDialog } from '@/components/ui/modal-dialog-client';
import { MatchCandidates, MatchSummary, providerName, recordKey } from './identify-match-client';
import { IdentifySearch } from './identify-search-client';

/** `notice`: said first in the dialog (no metadata provider set up). */
export function IdentifyButton({ initialMatch, notice }: { initialMatch: MatchView; notice?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Identify
      </Button>
      {open && <IdentifyDialog initialMatch={initialMatch} notice={notice} onClose={() => setOpen(false)} />}
    </>
  );
}

function IdentifyDialog({ initialMatch, notice, onClose }: { initialMatch: MatchView; notice?: ReactNode; onClose: () => void }) {
  const router = useRouter();
  const qc = useQueryClient();
  const { data: match = initialMatch } = useMatch(initialMatch.id, initialMatch);
  const fix = useFixMatch(initialMatch.id);
  const [picked, setPicked] = useState<string | null>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const pendingKey = fix.isPending && fix.variables ? recordKey(fix.variables) : null;
  const noun = match.kind === 'show' ? 'show' : 'movie';

  const pick = (record: ProviderRecord, label: string) => {
    setPicked(label);
    fix.mutate(record, {
      onSuccess: () => router.refresh(),
      onSettled: () => feedback.current?.scrollIntoView({ block: 'nearest' }),
    });
  };

  // The metadata job may have finished by the time the dialog closes: load the page again.
  const close = () => {
    if (fix.isSuccess) {
      void qc.invalidateQueries({ queryKey: mediaKeys.detail(match.id) });
      router.refresh();
    }
    onClose();
  };

  return (
    <ModalDialog
      wide
      title={`Identify “${match.title}”`}
      description={<p>Which {providerName(match.provider ?? 'tmdb')} record this {noun} is. A record picked here is kept through rescans, and the {noun}’s details, artwork and cast are read from it.</p>}
      onClose={close}
    >
      <div className="space-y-6">
        {notice}
        <div ref={feedback} className="empty:hidden">
          {fix.isSuccess && (
            <Alert tone="success">
              Matched — refreshing metadata. {picked && <>“{picked}” is now this {noun}’s record; its details update in a moment.</>}
            </Alert>
          )}
          {fix.error && <Alert tone="error">{catalogError(fix.error)}</Alert>}
        </div>
        <MatchSummary match={match} />
        <MatchCandidates candidates={match.candidates} match={match} pendingKey={pendingKey} onPick={pick} />
        <IdentifySearch match={match} pendingKey={pendingKey} onPick={pick} />
      </div>
    </ModalDialog>
  );
}
