// Every environment variable Marquee reads, parsed once with zod. Nothing else reads process.env.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { CronError, parseCron } from './cron/cron';
import { throttleEnv, throttleSettings } from './config/throttle-limits';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'must start with file: or postgres://')
    .optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRANSCODE_DIR: z.string().min(1).optional(),
  RENDITIONS_DIR: z.string().min(1).optional(),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).default(20480),
  FFMPEG_PATH: z.string().min(1).optional(),
  FFPROBE_PATH: z.string().min(1).optional(),
  PATH: z.string().default(''),
  SAMPLE_LIBRARY: z.enum(['true', 'false']).default('true'),
  LIST_CACHE: z.enum(['on', 'off']).default('on'),
  // Replaced by TRUSTED_PROXIES (which proxies, not whether): `true` is refused with a pointer rather than ignored.
  TRUST_PROXY: z.enum(['false'], { error: 'replaced by TRUSTED_PROXIES (the proxy addresses or CIDRs to trust)' }).optional(),
  TRUSTED_PROXIES: z
    .string()
    .transform((v, ctx) => {
      const list = v.split(',').map((s) => s.trim()).filter(Boolean);
      for (const entry of list) {
        if (!isAddressOrCidr(entry)) ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR` });
      }
      return list;
    })
    .default([]),
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).default(5000),
  JOB_POLL_MS: z.coerce.number().int().min(10).default(2000),
  RESTART_LIMIT: z.coerce.number().int().min(1).default(5),
  RESTART_WINDOW_SECONDS: z.coerce.number().min(1).default(300),
  SCAN_INTERVAL_MINUTES: z.coerce.number().min(0.01).default(15),
  WATCH_STABLE_MS: z.coerce.number().int().min(0).default(2000),
  MISSING_PURGE_DAYS: z.coerce.number().min(0).default(30),
  MAX_TRANSCODES: z.coerce.number().int().min(0).optional(),
  TRANSCODE_PRESET: z.enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium']).default('veryfast'),
  TRANSCODE_MIN_FREE_MB: z.coerce.number().int().min(0).default(1024),
  STREAM_IDLE_SECONDS: z.coerce.number().min(1).default(60),
  STREAM_THROTTLE_SECONDS: z.coerce.number().min(1).default(60),
  TMDB_API_KEY: z.string().min(1).optional(),
  TMDB_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.themoviedb.org/3'),
  TMDB_IMAGE_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TMDB_LANGUAGE: z.string().min(2).default('en-US'),
  TVDB_API_KEY: z.string().min(1).optional(),
  TVDB_PIN: z.string().min(1).optional(),
  TVDB_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api4.thetvdb.com/v4'),
  TVDB_CACHE_STATIC_HOURS: z.coerce.number().min(0).default(24),
  TVDB_CACHE_DYNAMIC_HOURS: z.coerce.number().min(0).default(1),
  TVDB_CACHE_MEMORY_ENTRIES: z.coerce.number().int().min(1).default(5000),
  TVDB_PROXY_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  TVDB_PROXY_BURST: z.coerce.number().int().min(1).default(60),
  TVDB_PROXY_GLOBAL_RATE_LIMIT: z.coerce.number().int().min(0).default(0),
  TVDB_SYNC_MINUTES: z.coerce.number().min(1).default(60),
  EXPORT_CRON: z
    .string()
    .default('0 6 * * 0')
    .superRefine((v, ctx) => {
      const problem = v === 'off' ? null : cronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  EXPORT_KEEP: z.coerce.number().int().min(1).default(8),
  TRAKT_CLIENT_ID: z.string().min(1).optional(),
  TRAKT_CLIENT_SECRET: z.string().min(1).optional(),
  TRAKT_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.trakt.tv'),
  TRAKT_AUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRAKT_SYNC_MINUTES: z.coerce.number().min(0.01).default(60),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must look like smtp://user:pass@host:587 or smtps://user:pass@host:465' }).optional(),
  SMTP_CA_FILE: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  ACTIVATION_TOKEN_HOURS: z.coerce.number().min(0.01).default(24),
  PASSWORD_RESET_TOKEN_MINUTES: z.coerce.number().min(1).default(60),
  ...throttleEnv(),
});

/** `10.0.0.1`, `::1`, `10.0.0.0/8`, `fd00::/8`. */
function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function cronProblem(v: string): string | null {
  try {
    parseCron(v);
    return null;
  } catch (err) {
    return err instanceof CronError ? `${err.message} (or "off")` : String(err);
  }
}

export type Config = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {}

function buildConfig(env: z.infer<typeof envSchema>, authSecret: string, authSecretGenerated: boolean) {
  const dataDir = resolve(env.DATA_DIR);
  const databaseUrl = env.DATABASE_URL ?? `file:${join(dataDir, 'marquee.db')}`;
  const isPostgres = databaseUrl.startsWith('postgres');
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    db: isPostgres
      ? { provider: 'postgresql' as const, url: databaseUrl }
      : { provider: 'sqlite' as const, url: databaseUrl, file: sqliteFile(databaseUrl, dataDir) },
    auth: { secret: authSecret, secretGenerated: authSecretGenerated },
    paths: {
      data: dataDir,
      transcode: resolve(env.TRANSCODE_DIR ?? join(dataDir, 'transcode')),
      sampleMedia: join(dataDir, 'sample-media'),
      uploads: join(dataDir, 'uploads'),
      renditions: resolve(env.RENDITIONS_DIR ?? join(dataDir, 'renditions')),
    },
    upload: { maxBytes: env.UPLOAD_MAX_MB * 1024 * 1024 },
    ffmpeg: { ffmpegPath: env.FFMPEG_PATH, ffprobePath: env.FFPROBE_PATH, searchPath: env.PATH },
    sampleLibrary: env.SAMPLE_LIBRARY === 'true',
    listCache: env.LIST_CACHE === 'on',
    trustedProxies: env.TRUSTED_PROXIES,
    worker: { heartbeatMs: env.WORKER_HEARTBEAT_MS, pollMs: env.JOB_POLL_MS },
    supervisor: { maxCrashes: env.RESTART_LIMIT, windowMs: env.RESTART_WINDOW_SECONDS * 1000 },
    scan: { periodicMs: env.SCAN_INTERVAL_MINUTES * 60_000, watchStableMs: env.WATCH_STABLE_MS, missingPurgeDays: env.MISSING_PURGE_DAYS },
    stream: {
      // One veryfast 720p transcode fills two cores: default to one per two cores.
      maxTranscodes: env.MAX_TRANSCODES ?? Math.max(1, Math.floor(availableParallelism() / 2)),
      preset: env.TRANSCODE_PRESET,
      minFreeBytes: env.TRANSCODE_MIN_FREE_MB * 1024 * 1024,
      idleMs: env.STREAM_IDLE_SECONDS * 1000,
      throttleSeconds: env.STREAM_THROTTLE_SECONDS,
    },
    tmdb: { apiKey: env.TMDB_API_KEY, baseUrl: env.TMDB_BASE_URL.replace(/\/+$/, ''), imageBaseUrl: env.TMDB_IMAGE_BASE_URL, language: env.TMDB_LANGUAGE },
    tvdb: {
      apiKey: env.TVDB_API_KEY,
      pin: env.TVDB_PIN,
      baseUrl: env.TVDB_BASE_URL.replace(/\/+$/, ''),
      cache: { staticHours: env.TVDB_CACHE_STATIC_HOURS, dynamicHours: env.TVDB_CACHE_DYNAMIC_HOURS, memoryEntries: env.TVDB_CACHE_MEMORY_ENTRIES },
      proxy: { rateLimit: env.TVDB_PROXY_RATE_LIMIT, burst: env.TVDB_PROXY_BURST, globalRateLimit: env.TVDB_PROXY_GLOBAL_RATE_LIMIT },
      syncMs: env.TVDB_SYNC_MINUTES * 60_000,
    },
    backup: {
      dir: join(dataDir, 'exports'),
      cron: env.EXPORT_CRON === 'off' ? null : env.EXPORT_CRON,
      keep: env.EXPORT_KEEP,
    },
    trakt: {
      clientId: env.TRAKT_CLIENT_ID,
      clientSecret: env.TRAKT_CLIENT_SECRET,
      baseUrl: env.TRAKT_BASE_URL.replace(/\/+$/, ''),
      authUrl: (env.TRAKT_AUTH_URL ?? traktAuthUrl(env.TRAKT_BASE_URL)).replace(/\/+$/, ''),
      syncMs: env.TRAKT_SYNC_MINUTES * 60_000,
    },
    mail: {
      smtpUrl: env.SMTP_URL,
      caFile: env.SMTP_CA_FILE,
      from: env.MAIL_FROM ?? `Marquee <marquee@${new URL(publicUrl).hostname}>`,
      activationTtlMs: env.ACTIVATION_TOKEN_HOURS * 3600_000,
      passwordResetTtlMs: env.PASSWORD_RESET_TOKEN_MINUTES * 60_000,
    },
    throttle: throttleSettings(env),
  };
}

/** Trakt's authorize page is on trakt.tv, its API on api.trakt.tv; any other base serves both. */
function traktAuthUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.hostname.startsWith('api.')) url.hostname = url.hostname.slice('api.'.length);
  return url.toString();
}

function sqliteFile(url: string, dataDir: string): string {
  const path = url.slice('file:'.length);
  return isAbsolute(path) ? path : resolve(dataDir, '..', path);
}

/** Reads the persisted secret, or makes one on first start (zero-config). */
function ensureAuthSecret(dataDir: string): { secret: string; generated: boolean } {
  const file = join(dataDir, 'auth-secret');
  try {
    return { secret: readFileSync(file, 'utf8').trim(), generated: false };
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return { secret, generated: true };
    } catch {
      // Another process (web or worker) wrote it first: use theirs.
      return { secret: readFileSync(file, 'utf8').trim(), generated: false };
    }
  }
}

/** Parses an environment; throws ConfigError naming every bad key in one line. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const { secret, generated } = env.AUTH_SECRET
    ? { secret: env.AUTH_SECRET, generated: false }
    : ensureAuthSecret(resolve(env.DATA_DIR));
  return buildConfig(env, secret, generated);
}

let cached: Config | undefined;

/** Forgets the parsed config, so the next config() reads process.env again (tests). */
export function resetConfig() {
  cached = undefined;
}

/** The process's config, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Exits with one clear line when the config is bad; used by every entry point at start. */
export function loadConfigOrExit(): Config {
  try {
    const c = config();
    if (c.auth.secretGenerated) {
      console.warn(`[marquee] AUTH_SECRET is not set: generated one and saved it in ${join(c.paths.data, 'auth-secret')}`);
    }
    return c;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[marquee] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/** Environment for the processes the launcher starts (web, worker): one secret, one URL. */
export function childProcessEnv(c: Config, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AUTH_SECRET: c.auth.secret,
    NEXTAUTH_SECRET: c.auth.secret,
    NEXTAUTH_URL: c.publicUrl,
    DATA_DIR: c.paths.data,
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}
