// When a crashing container runs, dies and restarts: the kubelet's restart back-off
// (10 s doubling to 5 min) played forward from the pod's start.

export interface CrashMoment {
  restarts: number;
  /** Seconds after the pod started at which the current run began (running) or the last run did. */
  runStartedAt: number;
  running: boolean;
  /** When the last run ended, if a run has ended. */
  lastRun?: { startedAt: number; finishedAt: number };
  /** The back-off currently being waited out (seconds), when not running. */
  backoff: number;
}

const INITIAL_BACKOFF = 10;
const MAX_BACKOFF = 300;

function backoffAfter(restarts: number): number {
  return Math.min(INITIAL_BACKOFF * 2 ** restarts, MAX_BACKOFF);
}

/** The state `elapsed` seconds after start of a container that runs `runSeconds` then exits. */
export function crashMoment(elapsed: number, runSeconds: number): CrashMoment {
  let start = 0;
  let restarts = 0;
  let lastRun: CrashMoment['lastRun'];
  for (;;) {
    const end = start + runSeconds;
    if (elapsed < end) {
      return { restarts, runStartedAt: start, running: true, lastRun, backoff: 0 };
    }
    const backoff = backoffAfter(restarts);
    if (elapsed < end + backoff) {
      return {
        restarts,
        runStartedAt: start,
        running: false,
        lastRun: { startedAt: start, finishedAt: end },
        backoff,
      };
    }
    lastRun = { startedAt: start, finishedAt: end };
    start = end + backoff;
    restarts += 1;
    if (backoffAfter(restarts) === MAX_BACKOFF && elapsed >= start + runSeconds + MAX_BACKOFF) {
      const cycle = runSeconds + MAX_BACKOFF;
      const skipped = Math.floor((elapsed - start) / cycle);
      start += skipped * cycle;
      restarts += skipped;
      lastRun = { startedAt: start - cycle, finishedAt: start - MAX_BACKOFF };
    }
  }
}
