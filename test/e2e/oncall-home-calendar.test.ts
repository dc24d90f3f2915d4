// App Home, calendar links and holidays, as a team member meets them.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { blockText } from '../support/block-text.js';
import { bootApp, type BootedApp } from '../support/boot-app.js';

const config = `
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
        coverage: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00" }
        holidays: [2026-12-25]
      - name: paloalto
        timezone: America/Los_Angeles
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: [U0DAVE001, U0ERIN001]
`;

const clock = new ManualClock('2026-11-23T10:00:00Z');
let booted: BootedApp;

beforeAll(async () => {
  booted = await bootApp({ config, clock });
});
afterAll(async () => {
  await booted?.stop();
});

async function oncall(userId: string, text: string) {
  booted.slack.clearCalls();
  await booted.requester.slashCommand({
    command: '/oncall',
    text,
    userId,
    channelId: 'C0PLATFORM1',
  });
  return blockText((await booted.slack.waitForCall('response_url')).args.blocks);
}

describe('App Home', () => {
  it('shows your next shifts and who is on call now', async () => {
    booted.slack.clearCalls();
    await booted.requester.appHomeOpened('U0CAROL01');
    const published = await booted.slack.waitForCall('views.publish');
    expect(published.ok).toBe(true);
    const text = blockText(published.args.view);
    expect(text).toContain('Your next shifts');
    expect(text).toContain(`*zurich* <!date^${Date.parse('2026-11-30T08:00:00Z') / 1000}^`);
    expect(text).toContain('*zurich* (platform): <@U0BOB0001>');
  });

  it('tells someone outside every team why it is empty', async () => {
    booted.slack.clearCalls();
    await booted.requester.appHomeOpened('U0STRANGER');
    const text = blockText((await booted.slack.waitForCall('views.publish')).args.view);
    expect(text).toContain('not a member or manager of any team');
  });
});

describe('calendar links', () => {
  it('serve a valid iCalendar feed of your shifts; a new link turns the old one off', async () => {
    const reply = await oncall('U0ALICE01', 'calendar');
    const url = /`(http:\/\/localhost:\d+\/calendar\/[\w-]+\.ics)`/.exec(reply)?.[1];
    expect(url).toBeDefined();
    const path = new URL(url!).pathname;
    const feed = await fetch(`${booted.baseUrl}${path}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.summary === 'On call: zurich')).toBe(true);
    expect(
      events.some((e) => e.startDate.toJSDate().toISOString() === '2026-12-07T08:00:00.000Z'),
    ).toBe(true);

    await oncall('U0ALICE01', 'calendar');
    expect((await fetch(`${booted.baseUrl}${path}`)).status).toBe(404);
  });

  it('serve a whole rotation, and 404 for a made-up link', async () => {
    const reply = await oncall('U0DAVE001', 'calendar paloalto');
    const path = new URL(/`(http[^`]+)`/.exec(reply)?.[1] ?? 'http://x/').pathname;
    const body = await (await fetch(`${booted.baseUrl}${path}`)).text();
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(20);
    expect(
      (await fetch(`${booted.baseUrl}/calendar/not-a-real-token-at-all-0000.ics`)).status,
    ).toBe(404);
    expect(await oncall('U0DAVE001', 'calendar nowhere')).toContain(
      'There is no rotation called "nowhere"',
    );
  });
});

describe('holidays and coverage', () => {
  it('on a closed day, say so and name who is on duty at the other site', async () => {
    clock.set('2026-12-25T10:00:00Z');
    const text = await oncall('U0ALICE01', '');
    expect(text).toContain('Closed today (holiday)');
    expect(text).toMatch(/On duty right now: <@U0(DAVE001|ERIN001)> \(paloalto\)/);
    clock.set('2026-11-23T10:00:00Z');
  });

  it('outside coverage hours, say when coverage resumes', async () => {
    clock.set('2026-11-28T10:00:00Z');
    const text = await oncall('U0ALICE01', '');
    expect(text).toContain('Not covered now — covered Mon–Fri 08:00–18:00 Europe/Zurich; resumes');
    expect(text).toContain(`<!date^${Date.parse('2026-11-30T07:00:00Z') / 1000}^`);
    clock.set('2026-11-23T10:00:00Z');
  });
});
