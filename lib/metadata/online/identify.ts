// Which online record an item is: a manual choice, else an id we already know (from an NFO or an
// earlier match), else an IMDb or TheTVDB id looked up, else a search by title and year scored by
// match.ts. The explanation (method, candidates and scores, reason) is kept for
// GET /api/v1/media/:id/match and the admins' unmatched list.
import { decideMatch, scoreCandidates, type MatchKind, type ScoredCandidate } from '../match';
import type { OnlineDetails, OnlineProvider } from './provider';

export type MatchStatus = 'none' | 'matched' | 'unmatched' | 'manual';

export type MatchInfo = {
  provider: string;
  method: 'manual' | 'id' | 'external_id' | 'search';
  parsed: { title: string; year: number | null };
  candidates: ScoredCandidate[];
  reason: string;
  matched_id: string | null;
  at: string;
};

export type IdentifyInput = { kind: MatchKind; title: string; year: number | null; tmdbId: string | null; tvdbId: string | null; imdbId: string | null; matchStatus: string };
export type Identified = { status: MatchStatus; details: OnlineDetails | null; info: MatchInfo };

export async function identify(item: IdentifyInput, provider: OnlineProvider, now = new Date()): Promise<Identified> {
  const info = (method: MatchInfo['method'], reason: string, matched: string | null, candidates: ScoredCandidate[] = []): MatchInfo => ({
    provider: provider.name,
    method,
    parsed: { title: item.title, year: item.year },
    candidates: candidates.slice(0, 10),
    reason,
    matched_id: matched,
    at: now.toISOString(),
  });

  const ownId = provider.name === 'tvdb' ? item.tvdbId : item.tmdbId;
  if (ownId) {
    const details = await provider.details(item.kind, ownId);
    if (details) {
      const manual = item.matchStatus === 'manual';
      return { status: manual ? 'manual' : 'matched', details, info: info(manual ? 'manual' : 'id', manual ? 'chosen by an admin' : 'known id', details.id) };
    }
  }
  for (const [source, id] of [['imdb', item.imdbId], ['tvdb', item.kind === 'show' && provider.name !== 'tvdb' ? item.tvdbId : null]] as const) {
    if (!id) continue;
    const found = await provider.findByExternalId(item.kind, source, id);
    const details = found ? await provider.details(item.kind, found) : null;
    if (details) return { status: 'matched', details, info: info('external_id', `${source} id ${id}`, details.id) };
  }

  let candidates = await provider.search(item.kind, item.title, item.year);
  // A year filter hides releases dated a year apart in another country: look again without it.
  if (candidates.length === 0 && item.year !== null) candidates = await provider.search(item.kind, item.title, null);
  const scored = scoreCandidates({ kind: item.kind, title: item.title, year: item.year }, candidates);
  const decision = decideMatch(scored);
  const details = decision.accepted ? await provider.details(item.kind, decision.accepted.id) : null;
  return { status: details ? 'matched' : 'unmatched', details, info: info('search', decision.reason, details?.id ?? null, scored) };
}
