/**
 * Drives code-server's workbench with playwright-core and Debian's Chromium (no browser download),
 * using selectors checked against code-server's workbench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './code-server';

export interface Workbench {
  readonly page: Page;
  close(): Promise<void>;
}

export async function openWorkbench(url: string, folder: string): Promise<Workbench> {
  const profile = mkdtempSync(join(tmpdir(), 'keepalive-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache') },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench');
  await page.waitForSelector('.explorer-folders-view .monaco-list-row');
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Opens a file with Quick Open and waits until its tab is the active one (a tab left open by an
 * earlier step exists already; typing before it is active would edit the previous file). Quick Open
 * shows recently opened files first and re-renders when the file search answers; an Enter pressed
 * in between can be lost, so the pick is retried (bounded) until the tab is active.
 */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input.input');
  const active = page.locator('.tabs-container .tab.active', { hasText: fileName }).first();
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('Control+P');
    await input.waitFor();
    await input.fill(fileName);
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor();
    await page.keyboard.press('Enter');
    try {
      await active.waitFor({ timeout: 5_000 });
      return;
    } catch {
      if (await input.isVisible()) await page.keyboard.press('Escape');
    }
  }
  throw new Error(`Quick Open never made ${fileName} the active editor`);
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input.input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Opens the quick-fix menu on the first squiggle of the active editor and returns the titles of
 * its rows. Retries (bounded) while VS Code still says "No code actions available".
 */
export async function openQuickFixMenu(page: Page, squiggle: string): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.locator(squiggle).first().click({ force: true });
    await page.locator('.monaco-editor .lightBulbWidget').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.keyboard.press('Control+.');
    try {
      // Generous: a second Control+. while a late menu is open would apply its first action.
      await rows.first().waitFor({ timeout: 15_000 });
      return await rows.allInnerTexts();
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error('the quick-fix menu never listed any action');
}

/** Moves the focus in the open quick-fix menu to the row `title` and applies it with Enter. */
export async function chooseQuickFix(page: Page, title: string): Promise<void> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const count = await rows.count();
  for (let step = 0; step <= count; step++) {
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    if ((await focused.count()) > 0 && (await focused.first().innerText()).includes(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`quick fix "${title}" not found in: ${(await rows.allInnerTexts()).join(' | ')}`);
}
