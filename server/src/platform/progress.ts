import { SingleBar } from 'cli-progress';

/**
 * Start-up and CLI progress: each step announces itself, long steps with a
 * count draw a bar on a terminal (or print every tenth on a log), and each
 * step ends with its duration, so a slow start explains itself.
 */
export type ProgressUpdate = (done: number, total: number) => void;

export interface Progress {
  step<T>(label: string, run: (update: ProgressUpdate) => Promise<T>): Promise<T>;
}

export function createProgress(stream: NodeJS.WriteStream = process.stdout, enabled = true): Progress {
  const write = (line: string) => enabled && stream.write(`${line}\n`);
  return {
    async step(label, run) {
      const started = performance.now();
      write(`• ${label}…`);
      let bar: SingleBar | undefined;
      let lastTenth = -1;
      const update: ProgressUpdate = (done, total) => {
        if (!enabled || total <= 0) return;
        if (stream.isTTY) {
          if (!bar) {
            bar = new SingleBar(
              { format: '  [{bar}] {percentage}% {value}/{total}', hideCursor: true, stream },
              undefined,
            );
            bar.start(total, 0);
          }
          bar.setTotal(total);
          bar.update(done);
          return;
        }
        const tenth = Math.floor((done / total) * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          write(`  ${tenth * 10}% (${done}/${total})`);
        }
      };
      try {
        return await run(update);
      } finally {
        bar?.stop();
        write(`  done in ${formatSeconds(performance.now() - started)}`);
      }
    },
  };
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
