// The users page and the language choice end to end in Debian's chromium
// (headless): an administrator adds a user (a short password refused
// beside its field first), the new user signs in and chooses the other
// language, which stays for the next sign-in whatever the browser says;
// the administrator issues an API token (shown once), revokes it, and
// disables the user, whose session ends. An accountant has no users page.
// In Greek and in English; axe-core on every page; screenshots.
//
// Environment: see lib.js.
'use strict';

const { request } = require('playwright-core');
const { BASE, USERS, words, check, accessible, shot, newPage, signIn, signedIn, run } = require('./lib');

const WORDS = words({
	el: {
		users: 'Χρήστες', name: 'Όνομα χρήστη', role: 'Ρόλος', passwordField: 'Κωδικός πρόσβασης', add: 'Προσθήκη χρήστη',
		added: 'Ο χρήστης προστέθηκε.', manage: 'Διαχείριση', issue: 'Έκδοση κλειδιού API', revoke: 'Ανάκληση κλειδιού API',
		disable: 'Απενεργοποίηση', other: 'English', home: 'Αρχική', shortError: 'at least 12 characters',
		fromConfig: 'Από το αρχείο ρυθμίσεων',
	},
	en: {
		users: 'Users', name: 'User name', role: 'Role', passwordField: 'Password', add: 'Add the user',
		added: 'The user has been added.', manage: 'Manage', issue: 'Issue an API token', revoke: 'Revoke the API token',
		disable: 'Disable', other: 'Ελληνικά', home: 'Home', shortError: 'at least 12 characters',
		fromConfig: 'From the configuration file',
	},
});

const suffix = Date.now().toString(36);

async function administrator(browser, language) {
	const w = WORDS[language];
	const other = language === 'el' ? 'en' : 'el';
	const { context, page } = await signedIn(browser, 'admin', language);
	await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: w.users, exact: true }).click()]);
	check(`${language}: the users page lists the configuration's users`, (await page.content()).includes(w.fromConfig));
	await accessible(page, `${language} users page`);
	await shot(page, `users.${language}`);

	const name = `eleni-${language}-${suffix}`;
	const password = `Ελένη-${suffix}-κωδικός`;
	await page.getByLabel(w.name, { exact: true }).fill(name);
	await page.locator('#new-password').fill('short');
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: w.add }).click()]);
	const error = await page.locator('#new-password-error').textContent().catch(() => '');
	check(`${language}: a short password is refused beside its field`, (error || '').includes(w.shortError), error);
	check(`${language}: the field says so to assistive technology`,
		(await page.locator('#new-password').getAttribute('aria-invalid')) === 'true');
	await accessible(page, `${language} users page with an error`);
	await shot(page, `users-error.${language}`);
	await page.locator('#new-password').fill(password);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: w.add }).click()]);
	check(`${language}: the user is added`, (await page.content()).includes(w.added));

	// The new user signs in and chooses the other language.
	const visitor = await newPage(browser, language);
	await visitor.page.goto(`${BASE}/sign-in`);
	await visitor.page.getByLabel(w.user, { exact: true }).fill(name);
	await visitor.page.getByLabel(w.password, { exact: true }).fill(password);
	await Promise.all([visitor.page.waitForNavigation(), visitor.page.getByRole('button', { name: w.signIn }).click()]);
	check(`${language}: the new user signs in`, visitor.page.url() === `${BASE}/`, visitor.page.url());
	await Promise.all([visitor.page.waitForNavigation(), visitor.page.getByRole('button', { name: w.other }).click()]);
	check(`${language}: the page is in the chosen language`,
		(await visitor.page.locator('html').getAttribute('lang')) === other);
	await shot(visitor.page, `language-chosen.${other}`);
	await visitor.context.close();
	const again = await newPage(browser, language);
	await again.page.goto(`${BASE}/sign-in`);
	await again.page.getByLabel(w.user, { exact: true }).fill(name);
	await again.page.getByLabel(w.password, { exact: true }).fill(password);
	await Promise.all([again.page.waitForNavigation(), again.page.getByRole('button', { name: w.signIn }).click()]);
	check(`${language}: the choice stays at the next sign-in, whatever the browser says`,
		(await again.page.locator('html').getAttribute('lang')) === other);

	// A token, shown once, then revoked; the user disabled.
	const row = page.locator('tr', { hasText: name });
	await row.locator('summary').click();
	await Promise.all([page.waitForNavigation(), row.getByRole('button', { name: w.issue }).click()]);
	const token = (await page.locator('.token code').textContent()) || '';
	check(`${language}: a token is shown once`, token.length === 48, token);
	await shot(page, `users-token.${language}`);
	const client = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
	check(`${language}: the token opens the API`, (await client.get('/api/customers')).status() === 200);
	await page.goto(`${BASE}/users`);
	check(`${language}: the token is not shown again`, !(await page.content()).includes(token));
	await page.locator('tr', { hasText: name }).locator('summary').click();
	await Promise.all([page.waitForNavigation(),
		page.locator('tr', { hasText: name }).getByRole('button', { name: w.revoke }).click()]);
	check(`${language}: a revoked token is refused`, (await client.get('/api/customers')).status() === 401);
	await client.dispose();
	await page.locator('tr', { hasText: name }).locator('summary').click();
	await Promise.all([page.waitForNavigation(),
		page.locator('tr', { hasText: name }).getByRole('button', { name: w.disable, exact: true }).click()]);
	await again.page.goto(`${BASE}/`);
	check(`${language}: a disabled user's session ends`, again.page.url().startsWith(`${BASE}/sign-in`), again.page.url());
	await again.context.close();
	check(`${language}: no Content-Security-Policy violation`, page.cspViolations.length === 0, page.cspViolations.join('; '));
	await context.close();
}

async function accountant(browser, language) {
	const w = WORDS[language];
	const { context, page } = await signedIn(browser, 'maria', language);
	check(`${language}: an accountant's menu has no users page`,
		(await page.getByRole('link', { name: w.users, exact: true }).count()) === 0);
	const response = await page.goto(`${BASE}/users`);
	check(`${language}: an accountant is refused the users page`, response.status() === 403);
	await context.close();
}

run(async (browser) => {
	for (const language of ['el', 'en']) {
		await administrator(browser, language);
		await accountant(browser, language);
	}
});
