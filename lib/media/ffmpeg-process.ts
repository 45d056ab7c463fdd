// The one place the worker starts a long-running ffmpeg (fluent-ffmpeg behind our own small
// interface): start with a prepared argument list, pause/resume (SIGSTOP/SIGCONT), stop, and a
// promise for the end with the last lines of ffmpeg's error output.
import ffmpeg from 'fluent-ffmpeg';

export type FfmpegExit = { code: number | null; signal: string | null; stderr: string; stoppedByUs: boolean };

export interface FfmpegProcess {
  readonly pid: number | undefined;
  readonly paused: boolean;
  readonly done: Promise<FfmpegExit>;
  pause(): void;
  resume(): void;
  /** Ends ffmpeg (resuming it first if paused) and resolves when it has exited. */
  stop(): Promise<FfmpegExit>;
}

/** Splits `[...inputOptions, '-i', input, ...outputOptions, output]` the way fluent-ffmpeg wants it. */
function splitArgs(args: readonly string[]) {
  const i = args.indexOf('-i');
  if (i < 0 || i + 1 >= args.length - 1) throw new Error('ffmpeg arguments need "-i <input>" and an output');
  const inputOptions = args.slice(0, i).filter((a) => a !== '-y');
  return { inputOptions, input: args[i + 1], outputOptions: args.slice(i + 2, -1).filter((a) => a !== '-y'), output: args[args.length - 1] };
}

export function startFfmpeg(ffmpegPath: string, args: readonly string[]): FfmpegProcess {
  const { inputOptions, input, outputOptions, output } = splitArgs(args);
  let stderr = '';
  let stoppedByUs = false;
  let paused = false;
  let pid: number | undefined;
  const command = ffmpeg({ stdoutLines: 0 })
    .setFfmpegPath(ffmpegPath)
    .input(input)
    .inputOptions(inputOptions)
    .outputOptions(outputOptions)
    .output(output);

  const done = new Promise<FfmpegExit>((resolve) => {
    command.on('start', () => {
      pid = (command as unknown as { ffmpegProc?: { pid?: number } }).ffmpegProc?.pid;
    });
    command.on('stderr', (line: string) => {
      stderr = `${stderr}${line}\n`.slice(-4000);
    });
    command.on('end', () => resolve({ code: 0, signal: null, stderr, stoppedByUs }));
    command.on('error', (err: Error) => {
      const m = /ffmpeg (?:exited with code (\d+)|was killed with signal (\w+))/.exec(err.message);
      resolve({ code: m?.[1] ? Number(m[1]) : null, signal: m?.[2] ?? null, stderr: stderr || err.message, stoppedByUs });
    });
  });
  command.run();

  const signal = (sig: NodeJS.Signals) => {
    try {
      command.kill(sig);
    } catch {
      /* already gone */
    }
  };

  return {
    get pid() {
      return pid;
    },
    get paused() {
      return paused;
    },
    done,
    pause() {
      if (paused) return;
      paused = true;
      signal('SIGSTOP');
    },
    resume() {
      if (!paused) return;
      paused = false;
      signal('SIGCONT');
    },
    async stop() {
      stoppedByUs = true;
      if (paused) this.resume();
      signal('SIGKILL');
      return done;
    },
  };
}
