// The web interface end to end in Debian's chromium (headless), through
// playwright-core: sign-in (a wrong password shows an error beside the
// field), the home page, the customers list, a customer created with a
// Greek name after a field error, edited, searched with htmx, a state
// change without the CSRF token refused, sign-out; as the accountant and
// as the administrator, in Greek and in English. axe-core checks every
// page (no serious or critical violation) and the page must raise no
// Content-Security-Policy violation. Screenshots of every page in both
// languages (desktop, and phone width) go to $SCREENSHOTS.
//
// Environment: see lib.js.
'use strict';

const { BASE, USERS, words, check, accessible, shot, newPage, signIn, run } = require('./lib');

const WORDS = words({
	el: {
		customers: 'Πελάτες', newCustomer: 'Νέος πελάτης', name: 'Όνομα', email: 'Email', save: 'Αποθήκευση',
		saved: 'Ο πελάτης αποθηκεύτηκε.', emailError: 'έγκυρη διεύθυνση email', search: 'Αναζήτηση με όνομα',
	},
	en: {
		customers: 'Customers', newCustomer: 'New customer', name: 'Name', email: 'Email', save: 'Save',
		saved: 'The customer has been saved.', emailError: 'valid email address', search: 'Search by name',
	},
});

// On the list page shown, or (more customers than one page: the other
// suites made some) found by the customer's name in another tab, as a user
// would search for it.
async function listedOrFound(page, text, name) {
	if ((await page.getByText(text).count()) === 1) return true;
	const other = await page.context().newPage();
	await other.goto(`${BASE}/customers?q=${encodeURIComponent(name)}`);
	const found = (await other.getByText(text).count()) === 1;
	await other.close();
	return found;
}

async function flow(browser, user, language, screenshots) {
	const w = WORDS[language];
	const tag = `${user}/${language}`;
	const { context, page } = await newPage(browser, language);

	// A protected page sends the browser to the sign-in page.
	await page.goto(`${BASE}/customers`);
	check(`${tag}: a protected page redirects to sign-in`, new URL(page.url()).pathname === '/sign-in');
	await page.goto(`${BASE}/sign-in`);
	check(`${tag}: the page's language is ${language}`, (await page.getAttribute('html', 'lang')) === language);
	check(`${tag}: the sign-in page is in ${language}`,
		(await page.getByRole('heading', { level: 1 }).textContent()) === w.signIn);
	if (screenshots) await shot(page, `sign-in.${language}`);
	await accessible(page, `${tag} sign-in`);

	// A wrong password: the error beside the password field.
	await signIn(page, user, 'not the password');
	const error = page.locator('#password-error');
	check(`${tag}: a wrong password shows an error beside the field`,
		(await error.isVisible()) && (await error.textContent()).includes(w.wrong));
	check(`${tag}: the password field points to its error`,
		(await page.getAttribute('#password', 'aria-describedby')) === 'password-error' &&
		(await page.getAttribute('#password', 'aria-invalid')) === 'true');
	if (screenshots) await shot(page, `sign-in-error.${language}`);
	await accessible(page, `${tag} sign-in with an error`);

	// The right one lands on the home page.
	await signIn(page, user, USERS[user].password);
	check(`${tag}: signing in lands on the home page`, new URL(page.url()).pathname === '/');
	check(`${tag}: the home page greets the user`,
		(await page.getByRole('heading', { level: 1 }).textContent()).includes(`${w.welcome}, ${user}`));
	check(`${tag}: the menu names the user's role`,
		(await page.locator('header .who').textContent()).includes(USERS[user].role[language]));
	if (screenshots) await shot(page, `home.${language}`);
	await accessible(page, `${tag} home`);

	// The customers list, through the menu, by keyboard.
	await page.getByRole('navigation').getByRole('link', { name: w.customers }).focus();
	await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
	check(`${tag}: the menu leads to the customers list`, new URL(page.url()).pathname === '/customers');
	if (screenshots) await shot(page, `customers.${language}`);
	await accessible(page, `${tag} customers`);

	// A new customer with a Greek name; a bad email first.
	const name = `Ελαιώνες Κρήτης ${user} ${language} Α.Ε.`;
	await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: w.newCustomer }).click()]);
	if (screenshots) await shot(page, `customer-new.${language}`);
	await accessible(page, `${tag} new customer`);
	await page.getByLabel(w.name, { exact: true }).fill(name);
	await page.getByLabel(w.email, { exact: true }).fill('not-an-address');
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: w.save }).click()]);
	const emailError = page.locator('#email-error');
	check(`${tag}: the API's email error is shown beside the field`,
		(await emailError.isVisible()) && (await emailError.textContent()).includes(w.emailError));
	check(`${tag}: the email field is marked invalid and described by its error`,
		(await page.getAttribute('#email', 'aria-invalid')) === 'true' &&
		(await page.getAttribute('#email', 'aria-describedby')).includes('email-error'));
	check(`${tag}: the typed name is kept`, (await page.inputValue('#name')) === name);
	if (screenshots) await shot(page, `customer-error.${language}`);
	await accessible(page, `${tag} customer form with an error`);
	await page.getByLabel(w.email, { exact: true }).fill(`info+${user}.${language}@elaiones.gr`);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: w.save }).click()]);
	check(`${tag}: saved, back on the list`, new URL(page.url()).pathname === '/customers');
	check(`${tag}: the list says it was saved`, (await page.locator('.notice').textContent()) === w.saved);
	let row = page.getByRole('link', { name });
	if ((await row.count()) === 0) {
		// More customers than one page (the other suites made some): found by
		// its name, as a user would.
		await page.goto(`${BASE}/customers?q=${encodeURIComponent(name)}`);
		row = page.getByRole('link', { name });
	}
	check(`${tag}: the new customer is listed with its Greek name`, (await row.count()) === 1);

	// Edit it.
	await Promise.all([page.waitForNavigation(), row.click()]);
	check(`${tag}: the edit form holds the customer`, (await page.inputValue('#name')) === name);
	if (screenshots) await shot(page, `customer-edit.${language}`);
	await accessible(page, `${tag} edit customer`);
	await page.getByLabel(w.email, { exact: true }).fill(`accounts.${user}.${language}@elaiones.gr`);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: w.save }).click()]);
	check(`${tag}: the changed email is listed`,
		await listedOrFound(page, `accounts.${user}.${language}@elaiones.gr`, name));

	// Search as you type (htmx swaps the list in place, the URL follows).
	const marker = await page.evaluate(() => (window.stayed = 'yes'));
	await page.getByLabel(w.search).pressSequentially(`${user} ${language}`, { delay: 20 });
	await page.waitForURL((url) => url.searchParams.get('q') === `${user} ${language}`);
	await page.waitForFunction((n) => document.querySelectorAll('#customer-list tbody tr').length === n, 1);
	check(`${tag}: the search filters the list without reloading the page`,
		(await page.evaluate(() => window.stayed)) === marker &&
		(await page.locator('#customer-list tbody tr').count()) === 1);
	if (screenshots) await shot(page, `customers-search.${language}`);
	await accessible(page, `${tag} customers searched`);

	// A state change with the page's cookie but without the CSRF token.
	const refused = await page.request.post(`${BASE}/customers/new`,
		{ form: { name: `Χωρίς διακριτικό ${user} ${language}` }, headers: { 'Accept-Language': language }, maxRedirects: 0 });
	check(`${tag}: a state change without the CSRF token is refused (403)`, refused.status() === 403,
		`status ${refused.status()}`);
	check(`${tag}: the refusal page says why`, (await refused.text()).includes(w.csrf));
	const token = await page.locator('input[name="csrf"]').first().inputValue();
	const accepted = await page.request.post(`${BASE}/customers/new`,
		{ form: { name: `Με διακριτικό ${user} ${language}`, csrf: token }, maxRedirects: 0 });
	check(`${tag}: the same change with the token is accepted (303)`, accepted.status() === 303,
		`status ${accepted.status()}`);
	const listed = async (text) => {
		await page.goto(`${BASE}/customers?q=${encodeURIComponent(text)}`);
		return page.locator('#customer-list tbody tr').count();
	};
	check(`${tag}: the refused change created nothing`, (await listed(`Χωρίς διακριτικό ${user} ${language}`)) === 0);
	check(`${tag}: the accepted one created the customer`, (await listed(`Με διακριτικό ${user} ${language}`)) === 1);

	const violations = page.cspViolations.length;
	check(`${tag}: no Content-Security-Policy violation or script error`, violations === 0,
		page.cspViolations.join(' | '));

	// Sign out; a protected page then redirects to sign-in.
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: w.signOut }).click()]);
	check(`${tag}: signing out shows the sign-in page`, new URL(page.url()).pathname === '/sign-in');
	await page.goto(`${BASE}/customers`);
	check(`${tag}: after signing out a protected page redirects to sign-in`,
		new URL(page.url()).pathname === '/sign-in');
	await context.close();
}

async function phone(browser, language) {
	// The accountant's pages at 375 px: no sideways scrolling.
	const w = WORDS[language];
	const { context, page } = await newPage(browser, language, { width: 375, height: 812 });
	await page.goto(`${BASE}/sign-in`);
	await shot(page, `phone-sign-in.${language}`);
	await signIn(page, 'maria', USERS.maria.password);
	for (const [name, url] of [['home', '/'], ['customers', '/customers'], ['customer-new', '/customers/new']]) {
		await page.goto(`${BASE}${url}`);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		check(`phone/${language}: ${name} fits 375 px (${wide})`, wide <= 375);
		await shot(page, `phone-${name}.${language}`);
		await accessible(page, `phone/${language} ${name}`);
	}
	check(`phone/${language}: the sign-out button is reachable`,
		await page.getByRole('button', { name: w.signOut }).isVisible());
	await context.close();
}

run(async (browser) => {
	await flow(browser, 'maria', 'el', true);
	await flow(browser, 'admin', 'en', true);
	await flow(browser, 'admin', 'el', false);
	await flow(browser, 'maria', 'en', false);
	await phone(browser, 'el');
	await phone(browser, 'en');
});
