// The throttling limits of the anonymous and sign-in endpoints, one environment variable each:
// `THROTTLE_<ACTION>_PER_<SCOPE>=<count>/<window>` (`40/15m`: 40 within 15 minutes; the window in
// s, m, h or d, at most a day, because counted hits are forgotten after a day). Read by lib/config.ts.
import { z } from 'zod';

export interface RateLimit {
  max: number;
  windowMs: number;
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 } as const;
const MAX_WINDOW_MS = UNIT_MS.d;

/** `15m` → 900000; null when it is not a whole number of s, m, h or d. */
export function parseDurationMs(text: string): number | null {
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(text.trim());
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : null;
}

/** `40/15m` → { max: 40, windowMs: 900000 }, or a message saying what is wrong. */
export function parseRateLimit(text: string): RateLimit | string {
  const match = /^(\d{1,6})\/(.+)$/.exec(text.trim());
  const windowMs = match ? parseDurationMs(match[2]) : null;
  if (!match || windowMs === null) return `"${text}" is not <count>/<window>, e.g. 40/15m (window in s, m, h or d)`;
  const max = Number(match[1]);
  if (max < 1) return `"${text}": the count must be at least 1`;
  if (windowMs < 1000) return `"${text}": the window must be at least 1s`;
  if (windowMs > MAX_WINDOW_MS) return `"${text}": the window can be at most 1d`;
  return { max, windowMs };
}

const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const parsed = parseRateLimit(v);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    });

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const ms = parseDurationMs(v);
      if (ms === null || ms < 1000 || ms > MAX_WINDOW_MS) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a duration from 1s to 1d, e.g. 60s or 2m` });
        return z.NEVER;
      }
      return ms;
    });

/** The defaults, as README and .env.example give them. */
export const THROTTLE_DEFAULTS = {
  THROTTLE_LOGIN_PER_PAIR: '5/15m',
  THROTTLE_LOGIN_PER_IP: '40/15m',
  THROTTLE_LOGIN_PER_ACCOUNT: '10/15m',
  THROTTLE_LOGIN_PER_DEVICE: '5/15m',
  THROTTLE_LOGIN_MAX_DELAY: '60s',
  THROTTLE_REGISTER_PER_IP: '10/1h',
  THROTTLE_DEMO_PER_IP: '30/1h',
  THROTTLE_ACTIVATION_RESEND_PER_IP: '10/15m',
  THROTTLE_ACTIVATION_RESEND_PER_EMAIL: '3/1h',
  THROTTLE_PASSWORD_RESET_PER_IP: '10/15m',
  THROTTLE_PASSWORD_RESET_PER_EMAIL: '3/1h',
} as const;

/** The zod fields lib/config.ts adds to its environment schema. */
export function throttleEnv() {
  const d = THROTTLE_DEFAULTS;
  return {
    THROTTLE_LOGIN_PER_PAIR: rateLimit(d.THROTTLE_LOGIN_PER_PAIR),
    THROTTLE_LOGIN_PER_IP: rateLimit(d.THROTTLE_LOGIN_PER_IP),
    THROTTLE_LOGIN_PER_ACCOUNT: rateLimit(d.THROTTLE_LOGIN_PER_ACCOUNT),
    THROTTLE_LOGIN_PER_DEVICE: rateLimit(d.THROTTLE_LOGIN_PER_DEVICE),
    THROTTLE_LOGIN_MAX_DELAY: duration(d.THROTTLE_LOGIN_MAX_DELAY),
    THROTTLE_REGISTER_PER_IP: rateLimit(d.THROTTLE_REGISTER_PER_IP),
    THROTTLE_DEMO_PER_IP: rateLimit(d.THROTTLE_DEMO_PER_IP),
    THROTTLE_ACTIVATION_RESEND_PER_IP: rateLimit(d.THROTTLE_ACTIVATION_RESEND_PER_IP),
    THROTTLE_ACTIVATION_RESEND_PER_EMAIL: rateLimit(d.THROTTLE_ACTIVATION_RESEND_PER_EMAIL),
    THROTTLE_PASSWORD_RESET_PER_IP: rateLimit(d.THROTTLE_PASSWORD_RESET_PER_IP),
    THROTTLE_PASSWORD_RESET_PER_EMAIL: rateLimit(d.THROTTLE_PASSWORD_RESET_PER_EMAIL),
  };
}

type ThrottleEnv = z.infer<z.ZodObject<ReturnType<typeof throttleEnv>>>;

export function throttleSettings(env: ThrottleEnv) {
  return {
    login: {
      /** Failures for one username from one address. */
      perPair: env.THROTTLE_LOGIN_PER_PAIR,
      /** Distinct usernames failing from one address. */
      perIp: env.THROTTLE_LOGIN_PER_IP,
      /** Failures on one account from anywhere before each attempt waits a doubling delay. */
      perAccount: env.THROTTLE_LOGIN_PER_ACCOUNT,
      /** Failures from one trusted device (the only ones that count there). */
      perDevice: env.THROTTLE_LOGIN_PER_DEVICE,
      maxDelayMs: env.THROTTLE_LOGIN_MAX_DELAY,
    },
    register: { perIp: env.THROTTLE_REGISTER_PER_IP },
    demo: { perIp: env.THROTTLE_DEMO_PER_IP },
    activationResend: { perIp: env.THROTTLE_ACTIVATION_RESEND_PER_IP, perEmail: env.THROTTLE_ACTIVATION_RESEND_PER_EMAIL },
    passwordReset: { perIp: env.THROTTLE_PASSWORD_RESET_PER_IP, perEmail: env.THROTTLE_PASSWORD_RESET_PER_EMAIL },
  };
}
