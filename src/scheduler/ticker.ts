// Runs periodic jobs against the injected clock; tests and the sandbox call tick() to move on at once.
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';

export interface TickJob {
  name: string;
  run(now: Date): Promise<void>;
}

export class Ticker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly jobs: TickJob[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs = 15_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Runs every job once at the clock's now; a failing job is logged and does not stop the others. */
  tick(): Promise<void> {
    this.running ??= this.runJobs().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async runJobs(): Promise<void> {
    const now = this.clock.now();
    for (const job of this.jobs) {
      try {
        await job.run(now);
      } catch (error) {
        this.logger.error({ err: error, job: job.name }, 'scheduled job failed; it will run again');
      }
    }
  }
}
