// What every browser test shares: the host under test (BASE_URL), the
// users run.sh made, their words in Greek and English, a pass/fail count,
// axe-core checks, screenshots, a page per language and the sign-in.
//
// A test file calls run(async (browser) => { ... }): it launches Debian's
// chromium (headless), runs the body, prints "N passed, M failed" and
// exits 0 only when something passed and nothing failed.
//
// Environment: BASE_URL, ADMIN_PASSWORD, MARIA_PASSWORD, SCREENSHOTS, and
// ADMIN_TOKEN, MARIA_TOKEN (the users' API tokens, for setting data up).
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const axe = require('axe-core');

const BASE = process.env.BASE_URL;
const SCREENSHOTS = process.env.SCREENSHOTS;
const USERS = {
	maria: {
		password: process.env.MARIA_PASSWORD, token: process.env.MARIA_TOKEN,
		role: { el: 'λογιστής', en: 'accountant' },
	},
	admin: {
		password: process.env.ADMIN_PASSWORD, token: process.env.ADMIN_TOKEN,
		role: { el: 'διαχειριστής', en: 'administrator' },
	},
};
// The words of the layout and the sign-in page; a test adds its own with
// words({ el: {...}, en: {...} }).
const WORDS = {
	el: {
		signIn: 'Σύνδεση', user: 'Όνομα χρήστη', password: 'Κωδικός πρόσβασης', wrong: 'δεν είναι σωστά',
		signOut: 'Αποσύνδεση', welcome: 'Καλώς ήρθατε', csrf: 'Η φόρμα έληξε',
	},
	en: {
		signIn: 'Sign in', user: 'User name', password: 'Password', wrong: 'is wrong',
		signOut: 'Sign out', welcome: 'Welcome', csrf: 'This form has expired',
	},
};

function words(extra) {
	return { el: { ...WORDS.el, ...extra.el }, en: { ...WORDS.en, ...extra.en } };
}

let passed = 0;
let failed = 0;
function check(what, condition, detail) {
	if (condition) {
		passed++;
		console.log(`ok   ${what}`);
	} else {
		failed++;
		console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
	}
}

async function accessible(page, what) {
	await page.evaluate(axe.source);
	const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	check(`axe: ${what} has no serious or critical violation`, bad.length === 0,
		bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; '));
}

async function shot(page, name) {
	if (!SCREENSHOTS) return;
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// A fresh browser context in the language; page.language is set and
// page.cspViolations collects Content-Security-Policy violations and
// script errors.
async function newPage(browser, language, viewport) {
	const context = await browser.newContext({
		locale: language === 'el' ? 'el-GR' : 'en-US',
		viewport: viewport || { width: 1280, height: 800 },
		deviceScaleFactor: 1,
	});
	const page = await context.newPage();
	page.language = language;
	page.cspViolations = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text()))
			page.cspViolations.push(message.text());
	});
	page.on('pageerror', (error) => page.cspViolations.push(String(error)));
	return { context, page };
}

// Fills the sign-in form the page shows and submits it.
async function signIn(page, user, password) {
	await page.getByLabel(WORDS[page.language].user, { exact: true }).fill(user);
	await page.getByLabel(WORDS[page.language].password, { exact: true }).fill(password);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: WORDS[page.language].signIn }).click()]);
}

// A new page in the language, signed in as the user (on the home page).
async function signedIn(browser, user, language, viewport) {
	const opened = await newPage(browser, language, viewport);
	await opened.page.goto(`${BASE}/sign-in`);
	await signIn(opened.page, user, USERS[user].password);
	return opened;
}

async function run(body) {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
	try {
		await body(browser);
	} catch (error) {
		failed++;
		console.log(`FAIL the browser run stopped: ${error.stack || error}`);
	} finally {
		await browser.close();
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

module.exports = { BASE, SCREENSHOTS, USERS, WORDS, words, check, accessible, shot, newPage, signIn, signedIn, run };
