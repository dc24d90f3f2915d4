// The `watchkeeper` command line: check, migrate, start (default). Prints plain sentences, never stacks.
import { parseArgs } from 'node:util';
import { ConfigError } from './config/load.js';
import { isUserFacingError } from './errors.js';
import { checkCommand } from './cli/check.js';
import { migrateCommand } from './cli/migrate.js';
import { oncallCommand } from './cli/oncall.js';
import { scheduleCommand } from './cli/schedule.js';
import { sandboxCommand, startCommand } from './cli/start.js';

const usage = `Usage: watchkeeper <command> [options]

Commands:
  start                  run the app (default); without Slack credentials, the local sandbox
  sandbox                run the local sandbox: simulated clusters and a Slack-like console
  check [--config F]     validate app.yaml and print every problem
  oncall [--config F] [--at ISO] [--rotation R] [--json]
                         who is on duty at that instant in each rotation
  schedule --rotation R [--config F] [--from TIME] [--to TIME] [--json]
                         the shifts in that range (default: now to 4 weeks on)
  migrate                apply pending database migrations
  help                   show this text`;

type Handler = (args: string[]) => Promise<number>;

const commands: Record<string, Handler> = {
  start: startCommand,
  sandbox: sandboxCommand,
  check: checkCommand,
  migrate: migrateCommand,
  oncall: (args) => oncallCommand(args),
  schedule: (args) => scheduleCommand(args),
  help: async () => {
    console.log(usage);
    return 0;
  },
};

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, strict: false, allowPositionals: true });
  const name = positionals[0] ?? 'start';
  const handler = commands[name];
  if (!handler) {
    console.error(`watchkeeper: unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  return handler(positionals[0] === undefined ? argv : withoutFirst(argv, name));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`watchkeeper: app.yaml has problems:\n${error.message}`);
    } else if (isUserFacingError(error)) {
      console.error(`watchkeeper: ${error.message}`);
    } else {
      console.error('watchkeeper: unexpected failure:', error);
    }
    process.exitCode = 1;
  },
);

function withoutFirst(args: string[], value: string): string[] {
  const index = args.indexOf(value);
  return index < 0 ? args : [...args.slice(0, index), ...args.slice(index + 1)];
}
