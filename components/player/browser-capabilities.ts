// What this browser plays, asked of the browser itself (`MediaSource.isTypeSupported`, else
// `canPlayType`), in the shape POST /api/v1/stream-session takes as `supported_codecs`.

type Probe = (mime: string) => boolean;

const VIDEO: { codec: string; mime: string; profiles?: string[]; max_level?: number; max_bit_depth?: number; hdr?: boolean }[] = [
  { codec: 'h264', mime: 'video/mp4; codecs="avc1.640033"', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.1 },
  { codec: 'hevc', mime: 'video/mp4; codecs="hvc1.1.6.L120.90"', profiles: ['Main'] },
  { codec: 'vp9', mime: 'video/webm; codecs="vp09.00.10.08"' },
  { codec: 'av1', mime: 'video/mp4; codecs="av01.0.05M.08"' },
  { codec: 'vp8', mime: 'video/webm; codecs="vp8"' },
];
const AUDIO: [string, string][] = [
  ['aac', 'audio/mp4; codecs="mp4a.40.2"'],
  ['mp3', 'audio/mpeg'],
  ['opus', 'audio/webm; codecs="opus"'],
  ['flac', 'audio/flac'],
  ['ac3', 'audio/mp4; codecs="ac-3"'],
  ['eac3', 'audio/mp4; codecs="ec-3"'],
  ['vorbis', 'audio/webm; codecs="vorbis"'],
];
const CONTAINERS: [string, string][] = [
  ['mp4', 'video/mp4'],
  ['webm', 'video/webm'],
  ['mov', 'video/quicktime'],
  ['mkv', 'video/x-matroska'],
];

export type ClientCapabilities = {
  containers: string[];
  video: { codec: string; profiles?: string[]; max_level?: number }[];
  audio: string[];
  max_width: number;
  max_height: number;
  hls: boolean;
};

export function detectCapabilities(hlsJsSupported: boolean): ClientCapabilities {
  const video = document.createElement('video');
  const mse = typeof window.MediaSource !== 'undefined' ? (m: string) => window.MediaSource.isTypeSupported(m) : null;
  // A "maybe" from canPlayType is not enough where MSE can answer for sure (Chromium says maybe to HLS and Matroska).
  const can: Probe = (m) => (mse ? mse(m) : video.canPlayType(m) === 'probably');
  const plain: Probe = (m) => video.canPlayType(m) !== '';
  const containers = CONTAINERS.filter(([, m]) => (m === 'video/x-matroska' ? video.canPlayType(m) === 'probably' : plain(m))).map(([c]) => c);
  const screenW = Math.round(window.screen.width * (window.devicePixelRatio || 1));
  const screenH = Math.round(window.screen.height * (window.devicePixelRatio || 1));
  return {
    containers,
    video: VIDEO.filter((v) => can(v.mime)).map(({ codec, profiles, max_level }) => ({ codec, profiles, max_level })),
    audio: AUDIO.filter(([, m]) => can(m)).map(([c]) => c),
    // Never below 1080p: a small window may go full screen.
    max_width: Math.max(1920, screenW),
    max_height: Math.max(1080, screenH),
    hls: hlsJsSupported || video.canPlayType('application/vnd.apple.mpegurl') === 'probably',
  };
}
