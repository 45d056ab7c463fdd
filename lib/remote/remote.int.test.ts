// Devices and remote control through the real route handlers and the real command stream (SSE),
// on this database's events transport: registration, isolation between users (404), a command's
// lifecycle, expiry when the device goes away, play_item, and device_id on stream sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { closeEvents } from '@/lib/events/events';
import { jobQueue } from '@/lib/jobs/job-queue';
import { createRegistry } from '@/lib/jobs/registry';
import { type JobRunner, startJobRunner } from '@/lib/jobs/runner';
import { jobDefinitions } from '@/scanner-worker/jobs';
import { api } from '@/test/api';
import { removeTestMedia } from '@/test/media-fixture';
import { CHROMIUM, IDLE_STATE, remoteFixture } from '@/test/remote-fixture';
import { openDeviceStream, type SseStream } from '@/test/sse-client';
import { waitFor } from '@/test/wait-for';

const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const STATE = IDLE_STATE;

let alice: { id: string; token: string; username: string };
let mallory: { token: string };
let ids: { movie: string; episode: string };
const streams: SseStream[] = [];

async function register(token: string, body: Record<string, unknown> = {}) {
  const res = await api('POST', '/api/v1/devices', { token, body: { capabilities: CHROMIUM, ...body }, headers: { 'user-agent': CHROME_UA } });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string };
}

async function connect(deviceId: string, token = alice.token) {
  const s = await openDeviceStream(deviceId, token);
  expect(s.status).toBe(200);
  streams.push(s);
  await s.next((e) => e.event === 'hello');
  expect((await api('PUT', `/api/v1/devices/${deviceId}/state`, { token, body: STATE })).status).toBe(204);
  return s;
}

const send = (deviceId: string, body: Record<string, unknown>, token = alice.token) => api('POST', `/api/v1/devices/${deviceId}/commands`, { token, body });
const status = async (deviceId: string, cid: string) => (await api('GET', `/api/v1/devices/${deviceId}/commands/${cid}`, { token: alice.token })).body;

beforeAll(async () => {
  ({ alice, mallory, ids } = await remoteFixture());
}, 120_000);

let runner: JobRunner | undefined;

afterAll(async () => {
  // A transcode still wanted would hold the runner until its idle timeout: end every session first.
  const live = await db.streamSession.findMany({ where: { status: { in: ['starting', 'running'] } }, select: { key: true } });
  for (const { key } of live) await api('DELETE', `/api/v1/admin/sessions/${key}`, { token: alice.token });
  await runner?.stop();
  for (const s of streams) await s.close();
  // Each stream's close clears its device's mark, announces it and expires its commands: all of it
  // before the bus closes (an announcement after would open a new bus that outlives the test).
  const open = async () =>
    (await db.device.count({ where: { connectionId: { not: null } } })) + (await db.deviceCommand.count({ where: { status: { in: ['pending', 'delivered'] } } }));
  await waitFor(async () => (await open()) === 0, { what: 'the streams to close' });
  removeTestMedia();
  await closeEvents();
});

describe('devices', () => {
  it('registers with a name from the User-Agent, renames, and lists only connected devices', async () => {
    const d = await register(alice.token);
    expect(d.name).toBe('Chrome on Linux');
    // Registered but with no stream open: not listed.
    expect((await api('GET', '/api/v1/devices', { token: alice.token })).body.map((x: { id: string }) => x.id)).not.toContain(d.id);
    await connect(d.id);
    const renamed = await api('PATCH', `/api/v1/devices/${d.id}`, { token: alice.token, body: { name: 'Living room' } });
    expect(renamed.body).toMatchObject({ id: d.id, name: 'Living room', connected: true });
    const list = (await api('GET', '/api/v1/devices', { token: alice.token })).body;
    expect(list.find((x: { id: string }) => x.id === d.id)).toMatchObject({ name: 'Living room', connected: true, state: { volume: 80, paused: true } });
    // Registering again with the id comes back as the same device, name kept.
    expect(await register(alice.token, { id: d.id })).toMatchObject({ id: d.id, name: 'Living room' });
  });

  it("hides one user's devices from another: 404 for every route, never listed", async () => {
    const d = await register(alice.token);
    await connect(d.id);
    expect((await api('GET', '/api/v1/devices', { token: mallory.token })).body).toEqual([]);
    expect((await api('GET', `/api/v1/devices/${d.id}`, { token: mallory.token })).status).toBe(404);
    expect((await api('PATCH', `/api/v1/devices/${d.id}`, { token: mallory.token, body: { name: 'mine' } })).status).toBe(404);
    expect((await api('PUT', `/api/v1/devices/${d.id}/state`, { token: mallory.token, body: STATE })).status).toBe(404);
    const cmd = await send(d.id, { command: 'pause' }, mallory.token);
    expect(cmd.status).toBe(404);
    expect(cmd.body.error.code).toBe('not_found');
    expect((await openDeviceStream(d.id, mallory.token)).status).toBe(404);
    const own = await send(d.id, { command: 'pause' });
    expect((await api('GET', `/api/v1/devices/${d.id}/commands/${own.body.id}`, { token: mallory.token })).status).toBe(404);
    expect((await api('POST', `/api/v1/devices/${d.id}/commands/${own.body.id}/ack`, { token: mallory.token, body: { status: 'done' } })).status).toBe(404);
    // A device registered by mallory with alice's device id is a new device of mallory's.
    expect((await register(mallory.token, { id: d.id })).id).not.toBe(d.id);
    expect((await db.device.findUniqueOrThrow({ where: { id: d.id } })).userId).toBe(alice.id);
  });

  it('refuses a bad command: unknown name, volume with both level and delta, seek without a position', async () => {
    const d = await register(alice.token);
    expect((await send(d.id, { command: 'rewind' })).status).toBe(400);
    expect((await send(d.id, { command: 'volume', level: 50, delta: 5 })).status).toBe(400);
    expect((await send(d.id, { command: 'volume', level: 101 })).status).toBe(400);
    expect((await send(d.id, { command: 'seek' })).status).toBe(400);
  });
});

describe('commands', () => {
  it('goes pending → delivered on the stream → done or failed as the device answers', async () => {
    const d = await register(alice.token);
    const s = await connect(d.id);
    const seek = await send(d.id, { command: 'seek', position_secs: 42.5 });
    expect(seek.status).toBe(202);
    expect(seek.body).toMatchObject({ command: 'seek', device_id: d.id });
    const frame = await s.next((e) => e.event === 'command' && e.data.id === seek.body.id);
    expect(frame.data).toEqual({ id: seek.body.id, command: 'seek', position_secs: 42.5 });
    expect((await status(d.id, seek.body.id)).status).toBe('delivered');
    const ack = await api('POST', `/api/v1/devices/${d.id}/commands/${seek.body.id}/ack`, { token: alice.token, body: { status: 'done' } });
    expect(ack.body).toMatchObject({ status: 'done', reason: null });

    const vol = await send(d.id, { command: 'volume', delta: -10 });
    expect((await s.next((e) => e.data.id === vol.body.id)).data).toMatchObject({ command: 'volume', delta: -10 });
    await api('POST', `/api/v1/devices/${d.id}/commands/${vol.body.id}/ack`, { token: alice.token, body: { status: 'failed', reason: 'volume is fixed on this TV' } });
    expect(await status(d.id, vol.body.id)).toMatchObject({ status: 'failed', reason: 'volume is fixed on this TV' });
    // A late answer does not reopen a finished command.
    await api('POST', `/api/v1/devices/${d.id}/commands/${vol.body.id}/ack`, { token: alice.token, body: { status: 'done' } });
    expect((await status(d.id, vol.body.id)).status).toBe('failed');
  });

  it('delivers commands sent before the stream opened, once, in order', async () => {
    const d = await register(alice.token);
    const first = await connect(d.id);
    await first.close();
    // Reconnected (a reload): the commands wait as pending for the new stream.
    const s = await connect(d.id);
    const a = await send(d.id, { command: 'pause' });
    const b = await send(d.id, { command: 'play' });
    await s.next((e) => e.data.id === b.body.id);
    const cmds = s.events.filter((e) => e.event === 'command').map((e) => e.data.id);
    expect(cmds).toEqual([a.body.id, b.body.id]);
  });

  it('expires at once for a device that is not connected, and when the stream closes', async () => {
    const d = await register(alice.token);
    const offline = await send(d.id, { command: 'pause' });
    expect(offline.status).toBe(202);
    expect(offline.body).toMatchObject({ status: 'expired', reason: expect.stringContaining('not connected') });

    const s = await connect(d.id);
    const cmd = await send(d.id, { command: 'toggle' });
    await s.next((e) => e.data.id === cmd.body.id);
    await s.close();
    await waitFor(async () => (await status(d.id, cmd.body.id)).status === 'expired', { what: 'the command to expire' });
    expect((await status(d.id, cmd.body.id)).reason).toMatch(/disconnected/);
    await waitFor(async () => !(await api('GET', '/api/v1/devices', { token: alice.token })).body.some((x: { id: string }) => x.id === d.id), { what: 'the device to drop out' });
  });

  it('drops a device that stops reporting (network cut, stream still open) within 15 s, its commands expired with a reason', async () => {
    const d = await register(alice.token);
    const s = await connect(d.id);
    const lastReport = Date.now();
    const cmd = await send(d.id, { command: 'pause' });
    await s.next((e) => e.data.id === cmd.body.id);
    await waitFor(async () => !(await api('GET', '/api/v1/devices', { token: alice.token })).body.some((x: { id: string }) => x.id === d.id), { timeoutMs: 20_000, intervalMs: 250, what: 'the silent device to drop out' });
    expect(Date.now() - lastReport).toBeLessThan(15_000);
    expect(await status(d.id, cmd.body.id)).toMatchObject({ status: 'expired', reason: expect.stringContaining('went away') });
  }, 40_000);
});

describe('play_item and device_id', () => {
  it('play_item starts a stream session chosen for the device and hands it over on the stream', async () => {
    const d = await register(alice.token);
    const s = await connect(d.id);
    const cmd = await send(d.id, { command: 'play_item', media_id: ids.movie, position_secs: 3 });
    expect(cmd.status).toBe(202);
    const frame = await s.next((e) => e.data.id === cmd.body.id);
    expect(frame.data).toMatchObject({ command: 'play_item', media_id: ids.movie, position_secs: 3, session: { mode: 'direct', stream_key: expect.any(String) } });
    const row = await db.streamSession.findUniqueOrThrow({ where: { key: frame.data.session.stream_key } });
    expect(row).toMatchObject({ deviceId: d.id, userId: alice.id, status: 'running' });
    // An item that does not exist is refused at once, not sent.
    expect((await send(d.id, { command: 'play_item', media_id: 'nope' })).status).toBe(404);
  });

  it("a device's new stream session ends its previous ones at once; another user's device id is a 404", async () => {
    const d = await register(alice.token);
    const start = (body: Record<string, unknown>, token = alice.token) => api('POST', '/api/v1/stream-session', { token, body: { supported_codecs: CHROMIUM, ...body } });
    const first = await start({ media_id: ids.movie, device_id: d.id });
    expect(first.status).toBe(200);
    const second = await start({ media_id: ids.movie, device_id: d.id });
    expect(second.status).toBe(200);
    expect((await db.streamSession.findUniqueOrThrow({ where: { key: first.body.stream_key } })).status).toBe('ended');
    expect((await db.streamSession.findUniqueOrThrow({ where: { key: second.body.stream_key } })).status).toBe('running');
    expect((await start({ media_id: ids.movie, device_id: d.id }, mallory.token)).status).toBe(404);
    await api('DELETE', `/api/v1/stream-session/${second.body.stream_key}`, { token: alice.token });
  });

  it('a full server names the sessions holding the transcode slots; the same device starting again takes its own slot back', async () => {
    const limits = config().stream;
    const saved = limits.maxTranscodes;
    limits.maxTranscodes = 1;
    try {
      const tv = await register(alice.token, { name: 'Bedroom TV' });
      const phone = await register(alice.token, { name: 'Phone' });
      // The HEVC/AC-3 episode is a transcode for this profile; no worker runs here, the row holds the slot.
      const held = await api('POST', '/api/v1/stream-session', { token: alice.token, body: { media_id: ids.episode, supported_codecs: CHROMIUM, device_id: tv.id } });
      expect(held.body.mode).toBe('transcode');
      const refused = await api('POST', '/api/v1/stream-session', { token: alice.token, body: { media_id: ids.episode, supported_codecs: CHROMIUM, device_id: phone.id } });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('transcode_capacity');
      expect(refused.body.error.message).toContain(`${alice.username}: Test Card Show S01E01`);
      expect(refused.body.error.message).toContain('on Bedroom TV');
      // The closed tab's next episode, on the same device: no 503.
      const again = await api('POST', '/api/v1/stream-session', { token: alice.token, body: { media_id: ids.episode, supported_codecs: CHROMIUM, device_id: tv.id } });
      expect(again.status).toBe(200);
      await api('DELETE', `/api/v1/stream-session/${again.body.stream_key}`, { token: alice.token });
    } finally {
      limits.maxTranscodes = saved;
    }
  });
});

describe('admin sessions', () => {
  it('lists every live session with user, device, item, mode and position; Stop ends it and tells the player why', async () => {
    const d = await register(alice.token, { name: 'Den TV' });
    const s = await connect(d.id);
    const started = await api('POST', '/api/v1/stream-session', { token: alice.token, body: { media_id: ids.movie, supported_codecs: CHROMIUM, device_id: d.id } });
    const key = started.body.stream_key as string;
    await api('PUT', `/api/v1/devices/${d.id}/state`, { token: alice.token, body: { ...STATE, item_id: ids.movie, stream_key: key, position_secs: 4.5, paused: false } });

    expect((await api('GET', '/api/v1/admin/sessions', { token: mallory.token })).status).toBe(403);
    expect((await api('DELETE', `/api/v1/admin/sessions/${key}`, { token: mallory.token })).status).toBe(403);
    const list = await api('GET', '/api/v1/admin/sessions', { token: alice.token });
    expect(list.body.find((r: { key: string }) => r.key === key)).toMatchObject({
      user: { username: alice.username }, device: { id: d.id, name: 'Den TV', connected: true }, item: { id: ids.movie, title: 'Big Test Pattern' },
      mode: 'direct', reasons: [expect.any(String)], position_secs: 4.5, paused: false, speed: null, cpu_percent: null,
    });

    const from = s.events.length;
    expect((await api('DELETE', `/api/v1/admin/sessions/${key}?reason=${encodeURIComponent('Server maintenance at midnight')}`, { token: alice.token })).status).toBe(204);
    expect((await db.streamSession.findUniqueOrThrow({ where: { key } })).status).toBe('ended');
    const stop = await s.next((e) => e.event === 'command' && e.data.command === 'stop', { from });
    expect(stop.data.reason).toBe('Server maintenance at midnight');
    expect((await api('GET', '/api/v1/admin/sessions', { token: alice.token })).body.some((r: { key: string }) => r.key === key)).toBe(false);
    expect((await api('DELETE', `/api/v1/admin/sessions/${key}`, { token: alice.token })).status).toBe(404);
  });

  it("shows a transcode's ffmpeg speed and CPU, measured by the process that runs ffmpeg", async () => {
    // The earlier tests ran no worker: their sessions' transcode and preview jobs are still queued.
    // Start from a clean queue, so the runner works on this session only.
    await db.streamSession.updateMany({ where: { status: { in: ['starting', 'running'] } }, data: { status: 'ended', endedAt: new Date() } });
    await db.transcodeSlot.deleteMany({});
    await db.job.deleteMany({ where: { status: 'queued' } });
    runner = startJobRunner({ queue: jobQueue(), registry: createRegistry(jobDefinitions), workerId: 'remote-test', pollMs: 50, concurrency: 2, log: { info() {}, warn() {}, error: console.error } });
    const started = await api('POST', '/api/v1/stream-session', { token: alice.token, body: { media_id: ids.episode, supported_codecs: CHROMIUM } });
    expect(started.body.mode).toBe('transcode');
    const key = started.body.stream_key as string;
    const row = await waitFor(
      async () => {
        // Keep the session wanted (a player asking), as the worker ends idle ones.
        await api('GET', `/api/v1/stream-session/${key}/media.m3u8`, { token: alice.token });
        const r = (await api('GET', '/api/v1/admin/sessions', { token: alice.token })).body.find((x: { key: string }) => x.key === key);
        return r?.speed !== null && r?.cpu_percent !== null && r;
      },
      // A transcode starting on a machine busy with other test files can take a while.
      { timeoutMs: 90_000, intervalMs: 500, what: 'ffmpeg figures on the session' },
    );
    expect(row.speed).toBeGreaterThan(0);
    expect(row.cpu_percent).toBeGreaterThanOrEqual(0);
    expect(row.mode).toBe('transcode');
    expect((await api('DELETE', `/api/v1/admin/sessions/${key}`, { token: alice.token })).status).toBe(204);
  }, 120_000);
});
