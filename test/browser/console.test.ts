// The sandbox console in a real browser, as a person uses it: commands answered in the page, time
// travel, buttons that round-trip through the app, forms, the App Home, escaping and breaking things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/load.js';
import { shiftsBetween } from '../../src/oncall/engine/index.js';
import { rotationSpec } from '../../src/oncall/rotation-spec.js';
import { nextHandoff } from '../../src/sandbox/demo/next-events.js';
import { launchChromium, saveStory } from './chromium.js';
import { bootSandbox, ConsolePage, type BootedSandbox } from './console-page.js';

const config = loadConfig('app.yaml');
const people = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'manager'];
let browser: Browser;
let booted: BootedSandbox;
let console_: ConsolePage;

beforeAll(async () => {
  browser = await launchChromium();
  booted = await bootSandbox();
  console_ = await ConsolePage.open(browser, booted.sandbox.url);
});
afterAll(async () => {
  await browser?.close();
  await booted?.stop();
});

function rotationNamed(name: string) {
  return config.teams.flatMap((t) => t.rotations).find((r) => r.name === name)!;
}

/** When the next shift of `member` that has not started yet starts (app.yaml alone). */
function nextShift(rotationName: string, member: string): Date {
  const now = booted.sandbox.clock.now();
  const later = new Date(now.getTime() + 10 * 7 * 86_400_000);
  const spec = rotationSpec(rotationNamed(rotationName));
  const shifts = shiftsBetween(spec, { overrides: [], swaps: [] }, now, later);
  return shifts.find((shift) => shift.member === member && shift.start > now)!.start;
}

/** YYYY-MM-DD in the rotation's zone. */
function localDate(rotationName: string, instant: Date): string {
  const timeZone = rotationNamed(rotationName).timezone;
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);
}

function nextShiftDate(rotationName: string, member: string): string {
  return localDate(rotationName, nextShift(rotationName, member));
}

describe('the sandbox console', () => {
  it('answers /oncall in the page, with people and times shown as names and local times', async () => {
    await console_.youAre('U0ALICE01');
    await console_.go('#platform');
    await console_.type('/oncall');
    const answer = console_.message('On call now');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('Only visible to you');
    expect(await answer.textContent()).not.toMatch(/<@|<!date|&lt;/);
    const mentions = await answer.locator('.mention').allTextContents();
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) expect(people).toContain(mention.replace(/^@/, ''));
    await saveStory(console_.page, '01-oncall', '/oncall answered in #platform, as Alice');
  });

  it('answers /k8s status from the simulated clusters, bad rollout and NotReady node included', async () => {
    await console_.type('/k8s status');
    const answer = console_.message('Cluster status');
    await answer.waitFor();
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain('prod-eu');
    expect(text).toContain('shop/checkout');
    expect(text).toContain('prod-eu-pool-a-04');
    await saveStory(console_.page, '02-k8s-status', '/k8s status: the seeded bad rollout and node');
  });

  it('confirms a swap with a button clicked by the other member', async () => {
    const carolDate = nextShiftDate('zurich', 'U0CAROL01');
    const aliceDate = nextShiftDate('zurich', 'U0ALICE01');
    await console_.youAre('U0ALICE01');
    await console_.type(`/oncall swap zurich @carol ${carolDate} @alice ${aliceDate}`);
    const request = console_.message('asks to swap shifts');
    await request.locator('button', { hasText: 'Confirm swap' }).waitFor();
    await console_.youAre('U0CAROL01');
    await request.locator('button', { hasText: 'Confirm swap' }).click();
    const decided = console_.message('confirmed by @carol');
    await decided.waitFor();
    expect(await decided.locator('[data-action-id]').count()).toBe(0);
    await saveStory(console_.page, '03-swap-confirmed', 'Carol confirms the swap Alice asked for');
  });

  it('asks before taking a cover request: Cancel sends nothing, confirming takes it', async () => {
    const frank = nextShift('palo-alto', 'U0FRANK01');
    const day = localDate('palo-alto', new Date(frank.getTime() + 86_400_000));
    await console_.youAre('U0FRANK01');
    await console_.type(`/oncall cover palo-alto ${day} 13:00 ${day} 15:00 school play`);
    const request = console_.message('needs cover');
    const take = request.locator('button', { hasText: "I'll cover" });
    await take.waitFor();
    await console_.youAre('U0DAVE001');
    await take.click();
    const dialog = console_.page.locator('.dialog', { hasText: 'Take this shift?' });
    await dialog.waitFor();
    await saveStory(
      console_.page,
      '04-cover-confirm',
      "Dave is asked before taking Frank's cover request",
    );
    await dialog.locator('button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await take.isVisible()).toBe(true);
    await take.click();
    await dialog.locator('button', { hasText: "Yes, I'll cover" }).click();
    await console_.message('@dave covers palo-alto for @frank').waitFor();
  });

  it('opens the override form, shows a bad field, and makes the override when it is right', async () => {
    await console_.youAre('U0ALICE01');
    await console_.type('/oncall override');
    const form = console_.page.locator('.modal');
    await form.waitFor();
    await form.locator('[data-block-id="rotation"] select').selectOption('zurich');
    await form.locator('[data-block-id="from"] input').fill('tomorrow 25:00');
    await form.locator('[data-block-id="to"] input').fill('+2d');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => form.locator('[data-block-id="from"] .field-error').textContent(), {
        timeout: 10_000,
      })
      .toContain('25:00');
    await saveStory(console_.page, '05-override-form', 'The override form points at the bad field');
    await form.locator('[data-block-id="from"] input').fill('tomorrow 13:00');
    await form.locator('[data-block-id="to"] input').fill('tomorrow 15:00');
    await form.locator('[data-block-id="reason"] input').fill('dentist');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    await console_.message('put @alice on call').waitFor();
  });

  it('shows the App Home of whoever you are', async () => {
    await console_.go('home');
    await console_.page.locator('.home', { hasText: 'Your next shifts' }).waitFor();
    await saveStory(console_.page, '06-app-home', 'The App Home, as Alice');
    await console_.go('#platform');
  });

  it('shows typed markup as text, never as HTML, and keeps replies in a thread', async () => {
    const typed = '<img src=x onerror="window.pwned=1"> *really* <script>window.pwned=2</script>';
    await console_.type(typed);
    const message = console_.message('onerror');
    await message.waitFor();
    expect(await message.locator('.message-body').textContent()).toContain(
      '<img src=x onerror="window.pwned=1">',
    );
    expect(await message.locator('.message-body strong').textContent()).toBe('really');
    expect(await console_.page.evaluate('window.pwned')).toBeUndefined();
    await message.hover();
    await message.locator('.reply-link').click();
    await console_.page.fill('#thread-box', 'looked into it, all fine');
    await console_.page.press('#thread-box', 'Enter');
    await console_.page.locator('#thread .message', { hasText: 'all fine' }).waitFor();
    await message.locator('.replies', { hasText: '1 reply' }).waitFor();
    await saveStory(console_.page, '07-escaping-thread', 'Markup shown as text; a thread reply');
    await console_.page.click('#close-thread');
  });

  it('jumps to the next handoff: the clock moves there and the handoff is posted in the rotation’s channel', async () => {
    const handoff = nextHandoff(config, booted.sandbox.clock.now())!;
    const rotation = config.teams.flatMap((t) => t.rotations).find((r) => r.name === handoff.name)!;
    const channel = booted.sandbox.fake.workspace.channels.get(rotation.channel)!;
    const label = (await console_.page.textContent('#next-handoff')) ?? '';
    const when = /, (.+)$/.exec(label)?.[1] ?? '';
    expect(label).toContain(handoff.name);
    await console_.page.click('#next-handoff');
    await expect.poll(() => console_.clockLabel(), { timeout: 10_000 }).toContain(when);
    await console_.go(`#${channel.name}`);
    await console_.message(`Handoff — ${handoff.name}`).waitFor();
    await saveStory(
      console_.page,
      '08-next-handoff',
      `Jumped to the handoff of ${handoff.name} (${when})`,
    );
  });

  it('breaks a deployment with a bad rollout: a notice in #shopdev, and /k8s status shows it', async () => {
    await console_.go('#platform');
    await console_.page.selectOption('#break-cluster', 'prod-eu');
    await console_.page.selectOption('#break-target', 'shop/web');
    await console_.page.click('#break-crash');
    await expect
      .poll(() => console_.toast(), { timeout: 10_000 })
      .toContain('ghcr.io/acme/shop-web:2.4.2');
    await console_.page.click('#plus-hour');
    await expect.poll(() => console_.toast(), { timeout: 10_000 }).toBe('One hour later.');
    await expect
      .poll(
        async () => {
          await console_.type('/k8s status prod-eu');
          await console_.message('Cluster prod-eu').waitFor();
          return console_.message('Cluster prod-eu').textContent();
        },
        { timeout: 10_000 },
      )
      .toContain('shop/web');
    await console_.go('#shopdev');
    const notice = console_.message('shop/web on prod-eu: revision 4 is failing');
    await notice.locator('.replies').click();
    await console_.page.locator('#thread', { hasText: 'Why shop/web revision 4' }).waitFor();
    await saveStory(
      console_.page,
      '09-break-deployment',
      'After "Crash it": the rollout notice and its thread in #shopdev',
    );
  });
});
