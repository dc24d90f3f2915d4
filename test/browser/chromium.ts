// Debian's Chromium driven by playwright-core for the console stories, and the screenshots they leave
// in test/artifacts/ (with an index.html linking them).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const artifactsDir = join(process.cwd(), 'test', 'artifacts');

/** Fails (never skips) when Chromium is missing, saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The browser tests need Chromium at ${chromiumPath}: run \`apt-get install chromium\` (Debian/Ubuntu) and test again.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Saves a screenshot of the story as test/artifacts/<name>.png, with its caption for the index. */
export async function saveStory(page: Page, name: string, caption: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  writeFileSync(join(artifactsDir, `${name}.json`), JSON.stringify({ caption }));
  writeIndex();
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** test/artifacts/index.html: every saved story, its caption and its screenshot. */
function writeIndex(): void {
  const stories = readdirSync(artifactsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      const { caption } = JSON.parse(readFileSync(join(artifactsDir, file), 'utf8')) as {
        caption: string;
      };
      return `<section><h2><a href="${name}.png">${escapeHtml(caption)}</a></h2><img src="${name}.png" alt="${escapeHtml(caption)}" width="900"></section>`;
    });
  writeFileSync(
    join(artifactsDir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Watchkeeper console stories</title><h1>Watchkeeper console stories</h1>\n${stories.join('\n')}\n`,
  );
}
