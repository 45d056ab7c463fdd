// The live lists through the real route handlers, on this database's events transport: a user's
// devices (GET /api/v1/devices/events) and the admin's sessions (GET /api/v1/admin/sessions/events)
// follow registrations, state reports, renames, sessions and ffmpeg figures as they happen — also
// when they happen in another process (test/tools/remote-actor.ts) — and nobody sees what is not theirs.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessEnv, config } from '@/lib/config';
import { db } from '@/lib/db';
import { closeEvents, events } from '@/lib/events/events';
import { api } from '@/test/api';
import { removeTestMedia } from '@/test/media-fixture';
import { CHROMIUM, IDLE_STATE, remoteFixture } from '@/test/remote-fixture';
import { openDeviceStream, openEventStream, type SseStream } from '@/test/sse-client';
import { waitFor } from '@/test/wait-for';

const STATE = IDLE_STATE;

let alice: { id: string; token: string };
let mallory: { id: string; token: string };
let ids: { movie: string; episode: string };
const streams: SseStream[] = [];
let actor: ChildProcess;
let actorOutput = '';

async function open(path: string, token?: string) {
  const s = await openEventStream(path, token);
  streams.push(s);
  return s;
}

async function device(token: string, name: string) {
  const d = (await api('POST', '/api/v1/devices', { token, body: { name, capabilities: CHROMIUM } })).body as { id: string };
  const commands = await openDeviceStream(d.id, token);
  streams.push(commands);
  await commands.next((e) => e.event === 'hello');
  expect((await api('PUT', `/api/v1/devices/${d.id}/state`, { token, body: STATE })).status).toBe(204);
  return { id: d.id, commands };
}

/** Has the other process do something; resolves when it has (its events are sent by then). */
async function inOtherProcess(action: Record<string, unknown>) {
  const count = (actorOutput.match(/^done /gm) ?? []).length;
  actor.stdin!.write(`${JSON.stringify(action)}\n`);
  await waitFor(() => (actorOutput.match(/^done /gm) ?? []).length > count || actorOutput.includes('failed'), { what: 'the other process' });
  expect(actorOutput).not.toContain('failed');
}

beforeAll(async () => {
  ({ alice, mallory, ids } = await remoteFixture());
  // This process's transport first, so the other process finds it when it starts.
  events();
  const c = config();
  actor = spawn(process.execPath, ['--import', 'tsx', 'test/tools/remote-actor.ts'], { env: childProcessEnv(c, { DATABASE_URL: c.db.url }), stdio: ['pipe', 'pipe', 'pipe'] });
  actor.stdout!.on('data', (d) => (actorOutput += d));
  actor.stderr!.on('data', (d) => (actorOutput += d));
  await waitFor(() => actorOutput.includes('ready') || actor.exitCode !== null, { timeoutMs: 30_000, what: 'the other process' });
  expect(actor.exitCode, actorOutput).toBeNull();
}, 120_000);

afterAll(async () => {
  actor?.kill('SIGKILL');
  const live = await db.streamSession.findMany({ where: { status: { in: ['starting', 'running'] } }, select: { key: true } });
  for (const { key } of live) await api('DELETE', `/api/v1/admin/sessions/${key}`, { token: alice.token });
  for (const s of streams) await s.close();
  // Each command stream's close announces its device: all of it before the bus closes.
  await waitFor(async () => (await db.device.count({ where: { connectionId: { not: null } } })) === 0, { what: 'the streams to close' });
  await closeEvents();
  removeTestMedia();
});

describe('GET /api/v1/devices/events', () => {
  it('needs a signed-in caller', async () => {
    expect((await api('GET', '/api/v1/devices/events')).status).toBe(401);
    expect((await api('GET', '/api/v1/devices/events', { token: 'not-a-real-token' })).status).toBe(401);
  });

  it("sends the caller's devices as they join, change and go — never another user's", async () => {
    const mine = await open('/api/v1/devices/events', alice.token);
    const theirs = await open('/api/v1/devices/events', mallory.token);
    expect(mine.status).toBe(200);
    expect((await mine.next((e) => e.event === 'devices')).data).toEqual([]);
    expect((await theirs.next((e) => e.event === 'devices')).data).toEqual([]);

    // A device joins: the whole list again, with it.
    const tv = await device(alice.token, 'Living room TV');
    const joined = await mine.next((e) => e.event === 'devices' && e.data.length === 1);
    expect(joined.data[0]).toMatchObject({ id: tv.id, name: 'Living room TV', connected: true });

    // A pause and a seek on the device itself, as its player reports them.
    let from = mine.events.length;
    await api('PUT', `/api/v1/devices/${tv.id}/state`, { token: alice.token, body: { ...STATE, item_id: ids.movie, item_title: 'Big Test Pattern', position_secs: 61.5, paused: true, volume: 40 } });
    const paused = await mine.next((e) => e.event === 'device' && e.data.state?.position_secs === 61.5, { from });
    expect(paused.data).toMatchObject({ id: tv.id, connected: true, state: { item_title: 'Big Test Pattern', paused: true, volume: 40 } });

    from = mine.events.length;
    await api('PATCH', `/api/v1/devices/${tv.id}`, { token: alice.token, body: { name: 'Den TV' } });
    expect((await mine.next((e) => e.event === 'device' && e.data.name === 'Den TV', { from })).data.id).toBe(tv.id);

    // Mallory's own device reaches her stream, not alice's.
    const phone = await device(mallory.token, 'Mallory phone');
    expect((await theirs.next((e) => e.event === 'devices' && e.data.length === 1)).data[0].id).toBe(phone.id);

    // The tab closes: gone at once.
    from = mine.events.length;
    await tv.commands.close();
    expect((await mine.next((e) => e.event === 'device-gone', { from })).data).toEqual({ id: tv.id });

    const seenByMallory = JSON.stringify(theirs.events);
    expect(seenByMallory).not.toContain(tv.id);
    expect(seenByMallory).not.toContain('Den TV');
    expect(JSON.stringify(mine.events)).not.toContain(phone.id);
  });

  it('hears a state report that reached another process', async () => {
    const mine = await open('/api/v1/devices/events', alice.token);
    const tv = await device(alice.token, 'Bedroom TV');
    await mine.next((e) => e.event === 'devices' && e.data.some((d: { id: string }) => d.id === tv.id));
    const from = mine.events.length;
    await inOtherProcess({ do: 'report', userId: alice.id, deviceId: tv.id, state: { ...STATE, position_secs: 1234, paused: false } });
    const seen = await mine.next((e) => e.event === 'device' && e.data.id === tv.id && e.data.state?.position_secs === 1234, { from });
    expect(seen.data.state.paused).toBe(false);
  });

  it('drops a device that falls silent (network cut, stream still open) within 15 s, with no event to wake it', async () => {
    const mine = await open('/api/v1/devices/events', alice.token);
    const silent = await device(alice.token, 'Kitchen tablet');
    const lastReport = Date.now();
    await mine.next((e) => e.event === 'devices' && e.data.some((d: { id: string }) => d.id === silent.id));
    await mine.next((e) => e.event === 'device-gone' && e.data.id === silent.id, { timeoutMs: 20_000 });
    expect(Date.now() - lastReport).toBeLessThan(15_000);
  }, 30_000);
});

describe('GET /api/v1/admin/sessions/events', () => {
  it('is for admins: anonymous 401, a plain user 403', async () => {
    expect((await api('GET', '/api/v1/admin/sessions/events')).status).toBe(401);
    const res = await api('GET', '/api/v1/admin/sessions/events', { token: mallory.token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it("sends sessions as they start, as their device reports, as the worker measures them, and as they end", async () => {
    const live = await open('/api/v1/admin/sessions/events', alice.token);
    expect(live.status).toBe(200);
    await live.next((e) => e.event === 'sessions');

    // Mallory starts a direct play on her device: every user's sessions are listed for the admin.
    const phone = await device(mallory.token, 'Mallory phone');
    const started = await api('POST', '/api/v1/stream-session', { token: mallory.token, body: { media_id: ids.movie, supported_codecs: CHROMIUM, device_id: phone.id } });
    const key = started.body.stream_key as string;
    const listed = await live.next((e) => e.event === 'sessions' && e.data.some((s: { key: string }) => s.key === key));
    expect(listed.data.find((s: { key: string }) => s.key === key)).toMatchObject({ mode: 'direct', device: { id: phone.id, name: 'Mallory phone' }, item: { title: 'Big Test Pattern' } });

    // Her player reports its position and a pause.
    let from = live.events.length;
    await api('PUT', `/api/v1/devices/${phone.id}/state`, { token: mallory.token, body: { ...STATE, item_id: ids.movie, stream_key: key, position_secs: 7.5, paused: true } });
    expect((await live.next((e) => e.event === 'session' && e.data.key === key && e.data.position_secs === 7.5, { from })).data.paused).toBe(true);

    // A transcode (no worker here: the row waits as starting) whose figures another process measures.
    const transcode = await api('POST', '/api/v1/stream-session', { token: alice.token, body: { media_id: ids.episode, supported_codecs: CHROMIUM } });
    expect(transcode.body.mode).toBe('transcode');
    const tkey = transcode.body.stream_key as string;
    await live.next((e) => e.event === 'sessions' && e.data.some((s: { key: string }) => s.key === tkey));
    const row = await db.streamSession.findUniqueOrThrow({ where: { key: tkey }, select: { id: true } });
    from = live.events.length;
    await inOtherProcess({ do: 'figures', sessionId: row.id, speed: 2.5, cpuPercent: 87 });
    expect((await live.next((e) => e.event === 'session' && e.data.key === tkey && e.data.speed === 2.5, { from })).data.cpu_percent).toBe(87);

    // Stop: it ends on the stream, and her player is told why.
    from = live.events.length;
    const commandsFrom = phone.commands.events.length;
    expect((await api('DELETE', `/api/v1/admin/sessions/${key}?reason=${encodeURIComponent('Rebooting the server')}`, { token: alice.token })).status).toBe(204);
    expect((await live.next((e) => e.event === 'session-ended', { from })).data).toEqual({ key });
    expect((await phone.commands.next((e) => e.event === 'command' && e.data.command === 'stop', { from: commandsFrom })).data.reason).toBe('Rebooting the server');
    expect((await api('DELETE', `/api/v1/admin/sessions/${tkey}`, { token: alice.token })).status).toBe(204);
    await live.next((e) => e.event === 'session-ended' && e.data.key === tkey);
  });
});
