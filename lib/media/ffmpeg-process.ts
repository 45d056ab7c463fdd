// The one place the worker starts a long-running ffmpeg: start with a prepared argument list,
// pause/resume (SIGSTOP/SIGCONT), stop, and a promise for the end with the last lines of ffmpeg's
// error output. Plain spawn through spawnProcess (./spawn-process.ts): a binary that cannot start
// ends `done` with a clear message in `stderr`; nothing is thrown.
import { spawnProcess } from './spawn-process';

export type FfmpegExit = { code: number | null; signal: string | null; stderr: string; stoppedByUs: boolean };

export interface FfmpegProcess {
  readonly pid: number | undefined;
  /** The last `speed=` ffmpeg's progress line gave (× real time), null before the first. */
  readonly speed: number | null;
  readonly paused: boolean;
  readonly done: Promise<FfmpegExit>;
  pause(): void;
  resume(): void;
  /** Ends ffmpeg (resuming it first if paused) and resolves when it has exited. */
  stop(): Promise<FfmpegExit>;
}

export function startFfmpeg(ffmpegPath: string, args: readonly string[]): FfmpegProcess {
  let speed: number | null = null;
  const child = spawnProcess(ffmpegPath, args, {
    onStderr: (chunk) => {
      const all = [...chunk.matchAll(/speed=\s*([\d.]+)x/g)];
      if (all.length) speed = Number(all[all.length - 1][1]);
    },
  });
  let stoppedByUs = false;
  let paused = false;
  const done = child.done.then((end): FfmpegExit => ({ code: end.code, signal: end.signal, stderr: end.stderr, stoppedByUs }));

  return {
    get pid() {
      return child.pid;
    },
    get paused() {
      return paused;
    },
    get speed() {
      return speed;
    },
    done,
    pause() {
      if (paused) return;
      paused = true;
      child.kill('SIGSTOP');
    },
    resume() {
      if (!paused) return;
      paused = false;
      child.kill('SIGCONT');
    },
    async stop() {
      stoppedByUs = true;
      if (paused) this.resume();
      child.kill('SIGKILL');
      return done;
    },
  };
}
