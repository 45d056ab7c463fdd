'use client';
// /show/[id]: a show's poster and overview, its seasons as tabs, the chosen season's episodes, and
// its cast and crew.
// The chosen season sits in the address (?season=<id>) so /season/<id> can link straight to it.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formError } from '@/components/queries/api-fetch';
import { useMedia, type MediaDetail } from '@/components/queries/use-media';
import { useSeason, useSeasons, type Episode, type Season, type SeasonDetail } from '@/components/queries/use-seasons';
import { useFollow, useSetWatched } from '@/components/queries/use-tracking';
import { EpisodeList } from './episode-list';
import { MediaHero } from './media-hero';
import { MissingBadge } from './missing-badge';

interface ShowProps {
  initialShow: MediaDetail;
  initialSeasons: Season[];
  initialSeason: SeasonDetail | null;
  library?: { id: string; name: string };
  initialFollowing: boolean;
  /** Beside Follow: the admins' Identify button. */
  identify?: ReactNode;
  /** Cast and crew, rendered on the server. */
  credits?: ReactNode;
}

const seasonName = (s: Season) => s.title.trim() || (s.number === 0 ? 'Specials' : `Season ${s.number}`);

export function ShowView({ initialShow, initialSeasons, initialSeason, library, initialFollowing, identify, credits }: ShowProps) {
  const [following, setFollowing] = useState(initialFollowing);
  const follow = useFollow(initialShow.id);
  const { data: show = initialShow } = useMedia(initialShow.id, initialShow);
  const { data: seasons = initialSeasons } = useSeasons(initialShow.id, initialSeasons);
  const [selectedId, setSelectedId] = useState(initialSeason?.id ?? seasons[0]?.id ?? null);
  const selected = seasons.find((s) => s.id === selectedId) ?? seasons[0] ?? null;
  const episodeCount = seasons.reduce((n, s) => n + s.episode_count, 0);

  return (
    <div className="space-y-10">
      <MediaHero
        item={show}
        library={library}
        facts={[`${seasons.length} season${seasons.length === 1 ? '' : 's'}`, `${episodeCount} episode${episodeCount === 1 ? '' : 's'}`]}
      >
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            aria-pressed={following}
            disabled={follow.isPending}
            onClick={() => {
              const next = !following;
              setFollowing(next);
              follow.mutate(next, { onError: () => setFollowing(!next) });
            }}
            className="rounded-lg bg-white/5 px-4 py-2 text-sm font-semibold text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10"
          >
            {following ? 'Following' : 'Follow'}
          </button>
          {identify}
        </div>
      </MediaHero>
      <section aria-labelledby="seasons-heading" className="space-y-4">
        <h2 id="seasons-heading" className="text-lg font-semibold text-zinc-50">
          Seasons
        </h2>
        {seasons.length === 0 || !selected ? (
          <p className="text-sm text-zinc-400">No seasons found yet.</p>
        ) : (
          <>
            <SeasonTabs
              seasons={seasons}
              selectedId={selected.id}
              onSelect={(id) => {
                setSelectedId(id);
                window.history.replaceState(null, '', `?season=${encodeURIComponent(id)}`);
              }}
            />
            <SeasonPanel key={selected.id} season={selected} initial={initialSeason?.id === selected.id ? initialSeason : undefined} />
          </>
        )}
      </section>
      {credits}
    </div>
  );
}

function SeasonTabs({ seasons, selectedId, onSelect }: { seasons: Season[]; selectedId: string; onSelect: (id: string) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs (and select), as the ARIA tabs pattern has it.
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? seasons.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = (to + seasons.length) % seasons.length;
    onSelect(seasons[next].id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Seasons" className="-mx-1 flex gap-1 overflow-x-auto border-b border-white/10 px-1">
      {seasons.map((s, i) => {
        const active = s.id === selectedId;
        return (
          <button
            key={s.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`season-tab-${s.id}`}
            aria-selected={active}
            aria-controls="season-panel"
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(s.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`-mb-px flex shrink-0 items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-400 ${
              active ? 'border-accent-400 text-zinc-50' : 'border-transparent text-zinc-400 hover:text-zinc-100'
            }`}
          >
            {seasonName(s)}
            <span className="text-xs text-zinc-500">{s.episode_count}</span>
          </button>
        );
      })}
    </div>
  );
}

function SeasonPanel({ season, initial }: { season: Season; initial?: SeasonDetail }) {
  const detail = useSeason(season.id, initial);
  const setWatched = useSetWatched(season.id);
  return (
    <div id="season-panel" role="tabpanel" aria-labelledby={`season-tab-${season.id}`} tabIndex={0} className="space-y-3 rounded-2xl focus-visible:outline-2 focus-visible:outline-accent-400">
      {season.status === 'missing' && (
        <p className="flex items-center gap-2 text-sm text-zinc-400">
          <MissingBadge /> This season’s files are no longer on disk.
        </p>
      )}
      {detail.isError ? (
        <p className="text-sm text-red-300">{formError(detail.error)}</p>
      ) : !detail.data ? (
        <p className="py-6 text-sm text-zinc-400" role="status">
          Loading episodes…
        </p>
      ) : (
        <>
          <SeasonWatchedBar season={season} episodes={detail.data.episodes} setWatched={setWatched} />
          {setWatched.isError && (
            // The checkmarks went back to what the server has: say why.
            <p role="alert" className="text-sm text-red-300">
              Not saved: {formError(setWatched.error)}
            </p>
          )}
          <EpisodeList
            episodes={detail.data.episodes}
            label={`${seasonName(season)} episodes`}
            onWatched={(e, watched) => setWatched.mutate({ episodeIds: [e.id], watched, path: `/api/v1/episode/${encodeURIComponent(e.id)}/watched` })}
          />
        </>
      )}
    </div>
  );
}

/** "Mark all watched" / "Mark all unwatched" for the season, with how many are watched. */
function SeasonWatchedBar({ season, episodes, setWatched }: { season: Season; episodes: Episode[]; setWatched: ReturnType<typeof useSetWatched> }) {
  const seen = episodes.filter((e) => e.watched).length;
  const all = episodes.length > 0 && seen === episodes.length;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-zinc-400" data-testid="season-watched">
        {seen} of {episodes.length} watched
      </p>
      <button
        type="button"
        onClick={() => setWatched.mutate({ episodeIds: episodes.map((e) => e.id), watched: !all, path: `/api/v1/media/${encodeURIComponent(season.id)}/watched` })}
        className="rounded-lg bg-white/5 px-3 py-1.5 text-sm font-medium text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10"
      >
        {all ? 'Mark all unwatched' : 'Mark all watched'}
      </button>
    </div>
  );
}
