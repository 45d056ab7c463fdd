// The event names of the two live lists, shared by the server streams and the pages that read them.
export const DEVICE_STREAM_EVENTS = { list: 'devices', item: 'device', gone: 'device-gone' } as const;
export const SESSION_STREAM_EVENTS = { list: 'sessions', item: 'session', gone: 'session-ended' } as const;
