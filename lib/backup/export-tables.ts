// What an export holds: one decision per database model, so a new model cannot slip into (or out
// of) backups unnoticed — `tablePlan()` throws for a model with no decision here, and a test runs it.
//
// Kept: everything a user would lose by moving (accounts with their password hashes, watch state,
// resume points, history, follows, library definitions, items with their edits and locks, API and
// proxy key hashes, settings). Left out: tokens and anything that works like one (sessions, invite
// codes), and what is rebuilt on its own (queues, leases, caches, live streams, scan issues).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type TablePolicy = { keep: true; reason?: string; skipRow?: (row: Record<string, unknown>) => boolean } | { keep: false; reason: string };

/** Setting keys that hold a secret or a credential: never exported. */
const SECRET_SETTING = /(secret|token|password|credential)/i;

export const TABLE_POLICY: Record<string, TablePolicy> = {
  User: { keep: true, reason: 'accounts, with argon2id password hashes (never the passwords)' },
  ApiSession: { keep: false, reason: 'sign-in tokens: a restored server asks everyone to sign in again' },
  ApiKey: { keep: true, reason: 'API keys as hashes: scripts keep working after a move' },
  Invite: { keep: false, reason: 'invite codes are single-use tokens' },
  LoginFailure: { keep: false, reason: 'throttling counters' },
  MailToken: { keep: false, reason: 'single-use links sent by mail (activation, password reset, email change) are tokens' },
  OutboxMail: { keep: false, reason: 'the mail log; mail kept without SMTP holds single-use links' },
  RateHit: { keep: false, reason: 'throttling counters' },
  Library: { keep: true },
  LibraryFolder: { keep: true },
  MediaItem: { keep: true, reason: 'items with their edits and locks' },
  Person: { keep: true },
  Credit: { keep: true },
  Season: { keep: true },
  Episode: { keep: true },
  MediaFile: { keep: true, reason: 'files by path, so items re-match the files on disk' },
  EpisodeFile: { keep: true },
  ScanIssue: { keep: false, reason: 'the next scan finds them again' },
  Job: { keep: false, reason: 'the job queue' },
  Setting: { keep: true, skipRow: (row) => SECRET_SETTING.test(String(row.key)) },
  Lease: { keep: false, reason: 'worker leases' },
  WorkerHeartbeat: { keep: false, reason: 'worker liveness' },
  StreamSession: { keep: false, reason: 'live playback sessions' },
  TranscodeSlot: { keep: false, reason: 'admission slots of live transcodes' },
  Device: { keep: false, reason: 'open players: each registers again when it opens' },
  DeviceCommand: { keep: false, reason: 'remote-control commands of live devices' },
  WatchState: { keep: true, reason: 'watched flags, play counts and resume points' },
  ShowWatch: { keep: true },
  Follow: { keep: true },
  WatchEvent: { keep: true, reason: 'watch history' },
  ProxyKey: { keep: true, reason: 'TVDB proxy keys and PINs as hashes' },
  ProxyKeyUsage: { keep: true },
  TvdbCacheEntry: { keep: false, reason: 'a cache of TheTVDB answers' },
  TraktLink: { keep: false, reason: 'Trakt tokens: a restored server asks each user to link Trakt again' },
  TraktAuthState: { keep: false, reason: 'single-use OAuth states and device codes' },
  ServiceKey: { keep: false, reason: "users' own Trakt app secrets (sealed with AUTH_SECRET): entered again after a move" },
  WatchOutbox: { keep: true, reason: 'watch changes not on Trakt yet: pushed once the user links again' },
  TraktItem: { keep: true, reason: "the movies and shows of each user's Trakt history (no tokens): History shows them before Trakt is linked again" },
  TraktSyncRun: { keep: false, reason: 'the sync log' },
  TraktPlay: { keep: true, reason: 'plays of titles in no library, including Marquee plays kept when their item was deleted (not on Trakt)' },
  CatalogTitle: { keep: false, reason: 'a cache of public TMDB metadata' },
};

export type FieldKind = 'plain' | 'date' | 'bigint' | 'json' | 'bytes';

export interface TablePlan {
  model: string;
  /** The client's property for the model (`mediaItem`). */
  delegate: string;
  fields: { name: string; kind: FieldKind; nullable: boolean }[];
  /** Primary key fields, in order: rows are written in this order. */
  key: string[];
  skipRow?: (row: Record<string, unknown>) => boolean;
}

function fieldKind(type: string): FieldKind {
  if (type === 'DateTime') return 'date';
  if (type === 'BigInt') return 'bigint';
  if (type === 'Json') return 'json';
  if (type === 'Bytes') return 'bytes';
  return 'plain';
}

interface ModelShape {
  name: string;
  fields: { name: string; type: string; nullable: boolean; isId: boolean; relationFields: string[] | null }[];
  compoundId: string[] | null;
}

/**
 * Models as prisma/models.prisma declares them. The client's own model description at run time
 * is trimmed (no keys, no relation directions), so the one schema file is read instead.
 */
export function readModels(file = join(process.cwd(), 'prisma', 'models.prisma')): ModelShape[] {
  const text = readFileSync(file, 'utf8');
  const models: ModelShape[] = [];
  for (const block of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const model: ModelShape = { name: block[1], fields: [], compoundId: null };
    for (const raw of block[2].split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      const compound = /^@@id\(\[([^\]]+)\]/.exec(line);
      if (compound) model.compoundId = compound[1].split(',').map((f) => f.trim());
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.startsWith('@')) continue;
      const relation = /@relation\([^)]*fields:\s*\[([^\]]+)\]/.exec(field[5]);
      if (field[3]) continue; // the list side of a relation
      model.fields.push({
        name: field[1],
        type: field[2],
        nullable: Boolean(field[4]),
        isId: /@id\b/.test(field[5]),
        relationFields: relation ? relation[1].split(',').map((f) => f.trim()) : null,
      });
    }
    models.push(model);
  }
  return models;
}

/** The kept models, parents before children (a row's foreign keys point at rows already written). */
export function tablePlan(): TablePlan[] {
  const models = readModels();
  const modelNames = new Set(models.map((m) => m.name));
  const unknown = models.map((m) => m.name).filter((name) => !(name in TABLE_POLICY));
  if (unknown.length > 0) {
    throw new Error(`lib/backup/export-tables.ts has no export decision for: ${unknown.join(', ')} (keep it, or say why not)`);
  }
  const kept = models.filter((m) => TABLE_POLICY[m.name].keep);
  const keptNames = new Set(kept.map((m) => m.name));
  const parents = new Map(
    kept.map((m) => [m.name, m.fields.filter((f) => f.relationFields && f.type !== m.name && keptNames.has(f.type)).map((f) => f.type)]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`relation loop between ${[...path, name].join(' → ')}`);
    for (const parent of parents.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const m of [...kept].sort((a, b) => a.name.localeCompare(b.name))) visit(m.name, []);
  return ordered.map((name) => {
    const m = kept.find((x) => x.name === name)!;
    const policy = TABLE_POLICY[name] as Extract<TablePolicy, { keep: true }>;
    const scalars = m.fields.filter((f) => !modelNames.has(f.type));
    return {
      model: name,
      delegate: name[0].toLowerCase() + name.slice(1),
      fields: scalars.map((f) => ({ name: f.name, kind: fieldKind(f.type), nullable: f.nullable })),
      key: m.compoundId ?? scalars.filter((f) => f.isId).map((f) => f.name),
      skipRow: policy.skipRow,
    };
  });
}
