/**
 * Debian's chromium, driven by playwright-core (no browser is ever downloaded), with the
 * switches that stop its own background traffic (updates, safe browsing, first-run pages).
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './paths';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=zh-CN'];

/**
 * Starts a headless chromium. Throws when /usr/bin/chromium is missing (.ci/run installs it).
 * @example const browser = await launchChromium(); … await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A pane as wide as Excel's default task pane (320–400 px). */
export const PANE_VIEWPORT = { width: 360, height: 900 };
/** A wide browser window (file mode in a normal tab). */
export const WIDE_VIEWPORT = { width: 1100, height: 900 };
