// Events between the processes of one machine on the default (SQLite) install: every process
// listens on its own Unix socket in a private folder (0700) named after the database, and sends
// each frame to every other socket there, newline-delimited JSON. Why a mesh and not a hub: no
// election, no process whose crash silences the rest (web and worker restart independently),
// and it works the same when tests run the web and worker halves in one process or two.
// A new peer is found by watching the folder (inotify), and on send at most once a second as a
// fallback; the socket of a process killed with -9 is removed by the first peer that finds it dead.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, unlinkSync, watch, type FSWatcher } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventTransport, type Frame, frameSchema, MAX_FRAME_BYTES, type TransportFactory } from './transport';

const SOCKET = /^(\d+)-[0-9a-f]+\.sock$/;
const REDISCOVER_MS = 1_000;

/** The folder shared by every process of the installation whose database is `key`. */
export function meshFolder(key: string): string {
  // Unix socket paths are limited to ~107 bytes: a short hash under the temp folder, not DATA_DIR.
  return join(tmpdir(), `marquee-events-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Splits a byte stream into lines and hands each parsed frame on; bad lines are dropped. */
function readFrames(socket: Socket, deliver: (frame: Frame) => void) {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    if (buffered.length > 16 * MAX_FRAME_BYTES) buffered = ''; // a peer that never ends a line
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        const frame = frameSchema.safeParse(JSON.parse(line));
        if (frame.success) deliver(frame.data);
      } catch {
        /* not JSON: ignore */
      }
    }
  });
}

export function socketMeshTransport(key: string): TransportFactory {
  return (deliver) => {
    const folder = meshFolder(key);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const ownName = `${process.pid}-${randomBytes(4).toString('hex')}.sock`;
    const ownPath = join(folder, ownName);
    const peers = new Map<string, Socket>();
    let closed = false;
    let lastDiscovery = 0;

    const inbound = new Set<Socket>();
    const server: Server = createServer((socket) => {
      socket.unref();
      inbound.add(socket);
      socket.on('close', () => inbound.delete(socket));
      socket.on('error', () => socket.destroy());
      readFrames(socket, deliver);
    });
    server.on('error', () => undefined);
    server.listen(ownPath);
    server.unref();
    const removeOwn = () => {
      try {
        unlinkSync(ownPath);
      } catch {
        /* already gone */
      }
    };
    process.once('exit', removeOwn);

    function connectTo(name: string) {
      if (closed || name === ownName || peers.has(name)) return;
      const m = SOCKET.exec(name);
      if (!m) return;
      const path = join(folder, name);
      if (!alive(Number(m[1]))) {
        try {
          unlinkSync(path);
        } catch {
          /* someone else removed it */
        }
        return;
      }
      const socket = connect(path);
      socket.unref();
      peers.set(name, socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        if (peers.get(name) === socket) peers.delete(name);
      });
    }

    function discover() {
      lastDiscovery = Date.now();
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        return;
      }
      for (const name of names) connectTo(name);
    }

    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(folder, (_event, name) => {
        if (name && SOCKET.test(name)) connectTo(String(name));
      });
      watcher.unref();
      watcher.on('error', () => undefined);
    } catch {
      /* no inotify: discovery on send still finds peers */
    }
    discover();

    const transport: EventTransport = {
      kind: 'socket-mesh',
      send(frame) {
        if (closed) return;
        if (Date.now() - lastDiscovery > REDISCOVER_MS) discover();
        const line = `${JSON.stringify(frame)}\n`;
        if (line.length > MAX_FRAME_BYTES) throw new Error(`event ${frame.topic} is ${line.length} bytes; events carry ids, not data`);
        for (const socket of peers.values()) if (socket.writable) socket.write(line);
      },
      async close() {
        closed = true;
        watcher?.close();
        for (const socket of peers.values()) socket.destroy();
        peers.clear();
        for (const socket of inbound) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        removeOwn();
        process.removeListener('exit', removeOwn);
      },
    };
    return transport;
  };
}
