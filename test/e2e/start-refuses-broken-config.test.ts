// The app refuses to start with any broken app.yaml, saying why (the same lines `watchkeeper check` prints).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.js';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { startWatchkeeper } from '../../src/main.js';

const dir = new URL('../fixtures/config/', import.meta.url).pathname;
const fixtures = readdirSync(dir).filter((file) => file.endsWith('.yaml'));

describe('starting with a broken app.yaml', () => {
  it.each(fixtures)(
    '%s: refuses to start and names each problem with path and line',
    async (file) => {
      const env = readEnv({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        APP_CONFIG: `${dir}${file}`,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/never-reached',
      });
      const failure = await startWatchkeeper({ env }).then(
        () => new Error('started'),
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConfigError);
      const problems = (failure as ConfigError).problems;
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems)
        expect(problem.path.length + problem.message.length).toBeGreaterThan(0);
      if (file !== 'empty.yaml') expect((failure as ConfigError).message).toMatch(/\(line \d+\)/);
      expect(() => loadConfig(`${dir}${file}`)).toThrow((failure as ConfigError).message);
    },
  );
});
