// The tvdbapi package (an unmodified TheTVDB v4 client used by the proxy tests) ships no types.
declare module 'tvdbapi' {
  type Call = (params?: Record<string, unknown>) => Promise<unknown>;
  export default class TVDB {
    constructor(settings: { apikey: string; endpoint?: string });
    login(opts?: { pin?: string }): Promise<{ token: string }>;
    series: { all: Call; get: Call; extended: Call; episodes: Record<string, Call> };
    movies: { all: Call; get: Call; extended: Call };
    people: { get: Call; extended: Call };
    search: Call;
    [group: string]: unknown;
  }
}
