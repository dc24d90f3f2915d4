// A pid lock file beside the embedded database's directory, so two processes never open the same files at once.
import { open, readFile, rm } from 'node:fs/promises';
import { UserFacingError } from '../errors.js';

export interface DirLock {
  release(): Promise<void>;
}

/** Lock files this process holds; a file naming our pid that is not here was left by an earlier run (pid 1 in containers). */
const heldHere = new Set<string>();

/**
 * Takes `<dir>.lock`, holding this process id. A lock left by a process that no longer runs is taken
 * over; one held by a live process (this one included) is refused with a sentence naming the pid.
 */
export async function acquireDirLock(dir: string): Promise<DirLock> {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(lockPath);
      return {
        release: async () => {
          heldHere.delete(lockPath);
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    const staleSelf = holder === process.pid && !heldHere.has(lockPath);
    if (Number.isInteger(holder) && holder > 0 && !staleSelf && isRunning(holder)) {
      throw new UserFacingError(
        `The embedded database in ${dir} is in use by another Watchkeeper process (pid ${holder}). Stop that process, or set DATABASE_URL to use PostgreSQL.`,
      );
    }
    await rm(lockPath, { force: true });
  }
  throw new UserFacingError(
    `Could not lock the embedded database in ${dir}; remove ${lockPath} and try again.`,
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function isAlreadyExists(error: unknown): boolean {
  return errorCode(error) === 'EEXIST';
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
