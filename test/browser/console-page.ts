// The sandbox booted in-process on free ports, and the console page as a person uses it: pick who you
// are, open a channel, type, click, read what the app answered.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { readEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { runSandbox, type Sandbox } from '../../src/sandbox/run-sandbox.js';

export interface BootedSandbox {
  sandbox: Sandbox;
  stop(): Promise<void>;
}

export async function bootSandbox(): Promise<BootedSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), 'watchkeeper-sandbox-'));
  const sandbox = await runSandbox(
    readEnv({ PORT: '0', WATCHKEEPER_DATA_DIR: dataDir }),
    createLogger('warn'),
  );
  return {
    sandbox,
    async stop() {
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export class ConsolePage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string): Promise<ConsolePage> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('body[data-ready]').waitFor();
    return new ConsolePage(page);
  }

  async youAre(userId: string): Promise<void> {
    await this.page.selectOption('#you-are', userId);
    await expect.poll(() => this.page.inputValue('#you-are'), { timeout: 10_000 }).toBe(userId);
  }

  /** Opens a channel by name (`platform`), or the App Home / messages with `home` / a D… id. */
  async go(place: string): Promise<void> {
    const button = place.startsWith('#')
      ? this.page.locator('.place', { hasText: place.slice(1) }).first()
      : this.page.locator(`.place[data-place="${place}"]`);
    await button.click();
  }

  async type(text: string): Promise<void> {
    await this.page.fill('#message-box', text);
    await this.page.press('#message-box', 'Enter');
  }

  /** The newest message in the open conversation whose text contains `text`. */
  message(text: string): Locator {
    return this.page.locator('#messages .message', { hasText: text }).last();
  }

  async clockLabel(): Promise<string> {
    return (await this.page.textContent('#clock-label')) ?? '';
  }

  /** The sentence the console is showing at the bottom of the page, if any. */
  async toast(): Promise<string> {
    const toast = this.page.locator('#toast');
    return (await toast.isVisible()) ? ((await toast.textContent()) ?? '') : '';
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
