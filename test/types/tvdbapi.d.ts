// The tvdbapi package (an unmodified TheTVDB v4 client used by the proxy tests) ships no types.
declare module 'tvdbapi' {
  type Call = (params?: Record<string, unknown>) => Promise<unknown>;
  export default class TVDB {
    constructor(settings: { apikey: string; endpoint?: string });
    login(opts?: { pin?: string }): Promise<{ token: string }>;
    series: { get: Call; extended: Call; episodes: Record<string, Call> };
    search: Call;
    [group: string]: unknown;
  }
}
