/**
 * @module cli/progress
 * The cycle's progress bar, like the portal's (ENTRA-SPEC §2.14): pages of work done out of the
 * pages in the cycle, not users (a page holds several objects). Drawn only on a terminal: piped
 * output and CI logs get nothing rather than a stream of carriage returns.
 */
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number, phase?: string): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

export function createProgress(stream: NodeJS.WriteStream, label: string): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  const bar = new SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} pages | {phase}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, phase = '') {
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
        return;
      }
      // The total grows as the engine discovers more pages (groups after users, references).
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
