// The team's status log from Slack: add entries and open items, close them, read today's or the week's.
// Nothing typed is lost: if the database does not take an entry, the reply gives the text back.
import { teamsForRequest, type RequestOrigin } from '../access/channel-scope.js';
import type { Clock } from '../clock.js';
import type { AppConfig, Team } from '../config/schema.js';
import { isUserFacingError, UserFacingError } from '../errors.js';
import { localDay, localWeek } from './local-days.js';
import type { LogEntry, LogStore } from './log-store.js';

export interface LogView {
  team: Team;
  title: string;
  entries: LogEntry[];
  openItems: LogEntry[];
}

export class StatusLog {
  constructor(private readonly deps: { config: AppConfig; store: LogStore; clock: Clock }) {}

  teamFor(origin: RequestOrigin): Team {
    const teams = teamsForRequest(this.deps.config, origin);
    if (teams.length === 1 && teams[0]) return teams[0];
    throw new UserFacingError(
      `You belong to several teams (${teams.map((t) => t.name).join(', ')}); use /log in the team's channel so it lands in the right log.`,
    );
  }

  async add(origin: RequestOrigin, body: string, open: boolean): Promise<LogEntry> {
    const team = this.teamFor(origin);
    try {
      const entry = await this.deps.store.add({
        team: team.name,
        author: origin.userId,
        body,
        open,
        source: 'command',
        now: this.deps.clock.now(),
      });
      if (!entry) throw new Error('log entry was not stored');
      return entry;
    } catch (error) {
      if (isUserFacingError(error)) throw error;
      throw new UserFacingError(
        `Your log entry could not be saved (the database did not answer). Nothing is lost — here it is to send again:\n>${body.slice(0, 2800).replace(/\n/g, '\n>')}`,
        { cause: error },
      );
    }
  }

  /** A reply in a daily post's thread: an entry for that post's team (once per Slack message). */
  async addFromThread(message: {
    channel: string;
    threadTs: string;
    ts: string;
    user: string;
    text: string;
  }): Promise<LogEntry | null> {
    const team = await this.deps.store.teamOfStatusThread(message.channel, message.threadTs);
    if (!team || message.text.trim() === '') return null;
    return this.deps.store.add({
      team,
      author: message.user,
      body: message.text.slice(0, 3000),
      source: 'thread',
      slack: { channel: message.channel, ts: message.ts },
      now: this.deps.clock.now(),
    });
  }

  async close(origin: RequestOrigin, idText: string): Promise<LogEntry> {
    const team = this.teamFor(origin);
    const id = idText.replace(/^#/, '');
    const closed = await this.deps.store.close(team.name, id, origin.userId, this.deps.clock.now());
    if (closed) return closed;
    const existing = /^\d{1,18}$/.test(id) ? await this.deps.store.get(id) : null;
    if (!existing || existing.team !== team.name) {
      throw new UserFacingError(
        `There is no log entry #${id.slice(0, 20)} in team ${team.name}'s log. \`/log\` lists today's.`,
      );
    }
    if (!existing.open)
      throw new UserFacingError(
        `Entry #${id} is a log entry, not an open item; only open items can be closed.`,
      );
    throw new UserFacingError(`Open item #${id} was already closed by <@${existing.closedBy}>.`);
  }

  async read(origin: RequestOrigin, period: 'today' | 'week'): Promise<LogView> {
    const team = this.teamFor(origin);
    const zone = team.statusLog?.timezone ?? team.timezone;
    const now = this.deps.clock.now();
    const range = period === 'today' ? localDay(zone, now) : localWeek(zone, now);
    const [entries, openItems] = await Promise.all([
      this.deps.store.between(team.name, range.from, range.to),
      this.deps.store.openItems(team.name),
    ]);
    return {
      team,
      title: period === 'today' ? `Today's log — ${team.name}` : `This week's log — ${team.name}`,
      entries,
      openItems,
    };
  }
}
