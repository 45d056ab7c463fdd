import { describe, expect, it } from 'vitest';
import type { ItemFields } from '../apply-nfo';
import { episodePatchFromOnline, itemPatchFromOnline, nfoEpisodeFields, nfoItemFields } from './online-patch';
import type { OnlineDetails } from './provider';

const details: OnlineDetails = {
  provider: 'tmdb', id: '42', kind: 'movie', title: 'Big Test Pattern', year: 2024, overview: 'Bars and tone.', genres: ['Documentary'],
  ids: { tmdb: '42', tvdb: null, imdb: 'tt0042' }, poster: '/p.jpg', backdrop: null, cast: [], crew: [], seasons: [],
};
const current: ItemFields = { title: 'big test pattern', year: null, overview: null, tmdbId: null, tvdbId: null, imdbId: null };
const nfo = { title: 'My Title', showtitle: null, year: null, plot: null, ids: { tmdb: null, tvdb: null, imdb: 'tt9' } };

describe('itemPatchFromOnline', () => {
  it('fills and corrects fields, with the sort title', () => {
    expect(itemPatchFromOnline(details, current, new Set(), new Set())).toEqual({
      title: 'Big Test Pattern', sortTitle: 'big test pattern', year: 2024, overview: 'Bars and tone.', tmdbId: '42', imdbId: 'tt0042',
    });
  });

  it('never touches a locked field or one the NFO gives', () => {
    const patch = itemPatchFromOnline(details, current, new Set(['overview', 'ids']), nfoItemFields(nfo));
    expect(patch).toEqual({ year: 2024 });
  });

  it('takes the provider rating unless the rating is locked, and keeps a rating the provider lacks', () => {
    const rated = { ...details, rating: 7.4 };
    expect(itemPatchFromOnline(rated, { ...current, title: 'Big Test Pattern', year: 2024, overview: 'Bars and tone.', tmdbId: '42', imdbId: 'tt0042', rating: 6 }, new Set(), new Set())).toEqual({ rating: 7.4 });
    expect(itemPatchFromOnline(rated, current, new Set(['rating', 'title', 'year', 'overview', 'ids']), new Set())).toEqual({});
    expect(itemPatchFromOnline({ ...details, rating: null }, { ...current, rating: 6 }, new Set(), new Set())).not.toHaveProperty('rating');
  });

  it('writes nothing that is already so', () => {
    expect(itemPatchFromOnline(details, { ...current, title: 'Big Test Pattern', year: 2024, overview: 'Bars and tone.', tmdbId: '42', imdbId: 'tt0042' }, new Set(), new Set())).toEqual({});
  });
});

describe('episodePatchFromOnline', () => {
  it('fills title, overview and air date unless locked or from the NFO', () => {
    const e = { number: 1, title: 'Pilot', overview: 'It starts.', airDate: '2023-01-05', still: null };
    const cur = { title: null, overview: null, airDate: null };
    expect(episodePatchFromOnline(e, cur, new Set(), new Set())).toEqual({ title: 'Pilot', overview: 'It starts.', airDate: '2023-01-05' });
    expect(episodePatchFromOnline(e, cur, new Set(['air_date']), nfoEpisodeFields({ title: 'Mine', plot: null, premiered: null }))).toEqual({ overview: 'It starts.' });
  });
});
