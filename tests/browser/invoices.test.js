// The invoices, audit log and plugins pages end to end in Debian's
// chromium (headless): an accountant creates an invoice (a field error
// first, beside the field), filters the list, records a payment (an
// overpayment refused first) and is refused the administrators' pages,
// which her menu does not offer; an administrator reads the audit log and
// switches the reminders plugin off and on again. In Greek and in
// English; axe-core checks every page (no serious or critical violation),
// no Content-Security-Policy violation; screenshots of every page.
//
// Environment: see lib.js.
'use strict';

const { request } = require('playwright-core');
const { BASE, USERS, words, check, accessible, shot, signedIn, run } = require('./lib');

const WORDS = words({
	el: {
		invoices: 'Τιμολόγια', audit: 'Αρχείο ενεργειών', plugins: 'Πρόσθετα', newInvoice: 'Νέο τιμολόγιο',
		number: 'Αριθμός', findCustomer: 'Αναζήτηση πελάτη με όνομα', total: 'Σύνολο', save: 'Αποθήκευση',
		totalError: 'ποσό μεγαλύτερο του μηδενός', saved: 'Το τιμολόγιο αποθηκεύτηκε.', show: 'Εμφάνιση',
		customerName: 'Όνομα πελάτη', overdueOnly: 'Μόνο ληξιπρόθεσμα', status: 'Κατάσταση', amount: 'Ποσό',
		reference: 'Αιτιολογία', pay: 'Καταχώριση πληρωμής', overpaid: 'μεγαλύτερο από το υπόλοιπο',
		paymentSaved: 'Η πληρωμή καταχωρίστηκε.', forbidden: 'για διαχειριστές', action: 'Ενέργεια',
		switchOff: 'Απενεργοποίηση reminders', switchOn: 'Ενεργοποίηση reminders',
		off: 'Το πρόσθετο απενεργοποιήθηκε.', on: 'Το πρόσθετο ενεργοποιήθηκε.', paid: 'Εξοφλήθηκε', no: 'Όχι',
		money: '1.234,50 €', rest: '1.134,50 €', partly: 'Μερικώς εξοφλημένο',
	},
	en: {
		invoices: 'Invoices', audit: 'Audit log', plugins: 'Plugins', newInvoice: 'New invoice',
		number: 'Number', findCustomer: 'Find a customer by name', total: 'Total', save: 'Save',
		totalError: 'amount above zero', saved: 'The invoice has been saved.', show: 'Show',
		customerName: 'Customer name', overdueOnly: 'Overdue only', status: 'Status', amount: 'Amount',
		reference: 'Reference', pay: 'Record the payment', overpaid: 'more than what is outstanding',
		paymentSaved: 'The payment has been recorded.', forbidden: 'for administrators', action: 'Action',
		switchOff: 'Switch off reminders', switchOn: 'Switch on reminders',
		off: 'The plugin has been switched off.', on: 'The plugin has been switched on.', paid: 'Paid', no: 'No',
		money: '€1,234.50', rest: '€1,134.50', partly: 'Partially paid',
	},
});

const suffix = Date.now().toString(36);

async function api(token) {
	return request.newContext({ baseURL: BASE, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

async function go(page, link) {
	await Promise.all([page.waitForNavigation(), link.click()]);
}

async function accountant(browser, language) {
	const w = WORDS[language];
	const tag = `maria/${language}`;
	const customer = `Ελαιουργία Μεσαράς ${language} ${suffix}`;
	const setup = await api(USERS.admin.token);
	const created = await setup.post('/api/customers', { data: { name: customer, email: `mesara.${language}@example.com` } });
	const customerId = (await created.json()).id;
	// An overdue invoice (due 2026-10-31) to find with the filter.
	await setup.post('/api/invoices', {
		data: { number: `OLD-${language}-${suffix}`, customer_id: customerId, issue_date: '2026-10-01',
			due_date: '2026-10-31', currency: 'EUR', total: '80' },
	});
	await setup.dispose();

	const { context, page } = await signedIn(browser, 'maria', language);
	const menu = page.getByRole('navigation');
	check(`${tag}: the menu offers the invoices`, await menu.getByRole('link', { name: w.invoices }).isVisible());
	check(`${tag}: the menu offers no audit log and no plugins`,
		(await menu.getByRole('link', { name: w.audit }).count()) === 0 &&
		(await menu.getByRole('link', { name: w.plugins }).count()) === 0);
	for (const path of ['/audit', '/plugins']) {
		const answer = await page.goto(`${BASE}${path}`);
		check(`${tag}: ${path} is refused (403)`, answer.status() === 403, `status ${answer.status()}`);
		check(`${tag}: ${path} says it is for administrators`,
			(await page.getByRole('heading', { level: 1 }).textContent()).includes(w.forbidden));
	}
	if (language === 'el') await shot(page, `forbidden.${language}`);
	await accessible(page, `${tag} forbidden`);

	// The list through the menu; the new-invoice form.
	await go(page, page.getByRole('navigation').getByRole('link', { name: w.invoices }));
	check(`${tag}: the menu leads to the invoices`, new URL(page.url()).pathname === '/invoices');
	await shot(page, `invoices.${language}`);
	await accessible(page, `${tag} invoices`);
	await go(page, page.getByRole('link', { name: w.newInvoice }));
	await shot(page, `invoice-new.${language}`);
	await accessible(page, `${tag} new invoice`);

	// The customer by a search as you type (htmx narrows the choice).
	const number = `INV-${language}-${suffix}`;
	await page.getByLabel(w.number, { exact: true }).fill(number);
	await page.getByLabel(w.findCustomer).pressSequentially(`Μεσαράς ${language} ${suffix}`, { delay: 10 });
	await page.waitForFunction(() => document.querySelectorAll('#customer-id option').length === 2);
	await page.locator('#customer-id').selectOption({ label: customer });
	check(`${tag}: the search left the one customer to choose`,
		(await page.locator('#customer-id option').count()) === 2);
	await page.locator('#due-date').fill('2027-01-31');
	await page.getByLabel(w.total, { exact: true }).fill('abc');
	await page.locator('#currency').fill('ZZZ');
	await go(page, page.getByRole('button', { name: w.save }));
	const error = page.locator('#total-error');
	check(`${tag}: two fields wrong: both are marked at once`,
		(await page.locator('#currency-error').isVisible()) &&
		(await page.getAttribute('#currency', 'aria-invalid')) === 'true' &&
		(await page.locator('.field-error').count()) === 2);
	check(`${tag}: the API's total error is shown beside the field`,
		(await error.isVisible()) && (await error.textContent()).includes(w.totalError));
	check(`${tag}: the total is marked invalid and described by its error`,
		(await page.getAttribute('#total', 'aria-invalid')) === 'true' &&
		(await page.getAttribute('#total', 'aria-describedby')).includes('total-error'));
	check(`${tag}: the chosen customer is kept`,
		(await page.locator('#customer-id option:checked').textContent()) === customer);
	await shot(page, `invoice-error.${language}`);
	await accessible(page, `${tag} new invoice with an error`);
	await page.locator('#currency').fill('EUR');
	await page.getByLabel(w.total, { exact: true }).fill(language === 'el' ? '1234,50' : '1234.50');
	check(`${tag}: "${w.paid}" is no by default`, await page.getByLabel(w.no, { exact: true }).isChecked());
	await go(page, page.getByRole('button', { name: w.save }));
	check(`${tag}: saved, back on the list`, new URL(page.url()).pathname === '/invoices');
	check(`${tag}: the list says it was saved`, (await page.locator('.notice').textContent()) === w.saved);
	check(`${tag}: the new invoice comes first (newest first)`,
		(await page.locator('table.invoices tbody tr').first().textContent()).includes(number));

	// Filters: the customer's name, then overdue only.
	await page.getByLabel(w.customerName).fill(`Μεσαράς ${language} ${suffix}`);
	await go(page, page.getByRole('button', { name: w.show }));
	const rows = page.locator('table.invoices tbody tr');
	check(`${tag}: the customer filter lists the customer's two invoices`, (await rows.count()) === 2,
		`${await rows.count()} rows`);
	const row = rows.filter({ hasText: number });
	check(`${tag}: the amount is written for ${language} (${w.money})`,
		(await row.locator('td.amount').first().textContent()) === w.money);
	await page.getByLabel(w.overdueOnly).check();
	await go(page, page.getByRole('button', { name: w.show }));
	check(`${tag}: overdue only leaves the old invoice`,
		(await rows.count()) === 1 && (await rows.first().textContent()).includes(`OLD-${language}-${suffix}`));
	check(`${tag}: the filters are in the address`, new URL(page.url()).searchParams.get('overdue') === '1');
	await shot(page, `invoices-filtered.${language}`);
	await accessible(page, `${tag} invoices filtered`);

	// The invoice's page; a payment, too much first.
	await page.getByLabel(w.overdueOnly).uncheck();
	await go(page, page.getByRole('button', { name: w.show }));
	await go(page, page.getByRole('link', { name: number }));
	check(`${tag}: the invoice's page`, (await page.getByRole('heading', { level: 1 }).textContent()).includes(number));
	await page.getByLabel(w.amount, { exact: true }).fill('5000');
	await go(page, page.getByRole('button', { name: w.pay }));
	const amountError = page.locator('#amount-error');
	check(`${tag}: an overpayment is refused beside the amount`,
		(await amountError.isVisible()) && (await amountError.textContent()).includes(w.overpaid));
	await shot(page, `invoice-payment-error.${language}`);
	await accessible(page, `${tag} payment with an error`);
	await page.getByLabel(w.amount, { exact: true }).fill('100');
	await page.getByLabel(w.reference, { exact: true }).fill(`ΕΜΒ-${suffix}`);
	await go(page, page.getByRole('button', { name: w.pay }));
	check(`${tag}: the payment is recorded`, (await page.locator('.notice').textContent()) === w.paymentSaved);
	check(`${tag}: the payment is listed`, (await page.getByText(`ΕΜΒ-${suffix}`).count()) === 1);
	check(`${tag}: the outstanding amount follows (${w.rest})`, (await page.locator('.facts').textContent()).includes(w.rest));
	check(`${tag}: the status follows`, (await page.locator('.facts').textContent()).includes(w.partly));
	await shot(page, `invoice.${language}`);
	await accessible(page, `${tag} invoice`);

	// A payment without the CSRF token is refused.
	const refused = await page.request.post(`${page.url().split('?')[0]}/payments`,
		{ form: { amount: '1' }, maxRedirects: 0 });
	check(`${tag}: a payment without the CSRF token is refused (403)`, refused.status() === 403,
		`status ${refused.status()}`);

	check(`${tag}: no Content-Security-Policy violation or script error`, page.cspViolations.length === 0,
		page.cspViolations.join(' | '));
	await context.close();
}

async function administrator(browser, language) {
	const w = WORDS[language];
	const tag = `admin/${language}`;
	const { context, page } = await signedIn(browser, 'admin', language);
	const menu = page.getByRole('navigation');
	check(`${tag}: the menu offers the audit log and the plugins`,
		(await menu.getByRole('link', { name: w.audit }).isVisible()) &&
		(await menu.getByRole('link', { name: w.plugins }).isVisible()));

	await go(page, menu.getByRole('link', { name: w.audit }));
	check(`${tag}: the audit log lists entries`, (await page.locator('table.audit tbody tr').count()) > 0);
	await shot(page, `audit.${language}`);
	await accessible(page, `${tag} audit log`);
	await page.getByLabel(w.action, { exact: true }).fill('invoice.payment');
	await go(page, page.getByRole('button', { name: w.show }));
	const entries = page.locator('table.audit tbody tr');
	check(`${tag}: the action filter keeps the payments`, (await entries.count()) >= 1 &&
		(await entries.locator('code').allTextContents()).every((text) => text === 'invoice.payment'));
	await shot(page, `audit-filtered.${language}`);
	await accessible(page, `${tag} audit log filtered`);

	await go(page, page.getByRole('navigation').getByRole('link', { name: w.plugins }));
	await shot(page, `plugins.${language}`);
	await accessible(page, `${tag} plugins`);
	await go(page, page.getByRole('button', { name: w.switchOff }));
	check(`${tag}: the plugin is switched off`, (await page.locator('.notice').textContent()) === w.off);
	check(`${tag}: it now offers to switch it on`, await page.getByRole('button', { name: w.switchOn }).isVisible());
	await shot(page, `plugins-disabled.${language}`);
	await accessible(page, `${tag} plugins, one switched off`);
	await go(page, page.getByRole('button', { name: w.switchOn }));
	check(`${tag}: the plugin is switched on again`, (await page.locator('.notice').textContent()) === w.on);

	check(`${tag}: no Content-Security-Policy violation or script error`, page.cspViolations.length === 0,
		page.cspViolations.join(' | '));
	await context.close();
}

async function phone(browser, language) {
	// The accountant's invoice pages at 375 px: no sideways scrolling.
	const { context, page } = await signedIn(browser, 'maria', language, { width: 375, height: 812 });
	for (const [name, url] of [['invoices', '/invoices'], ['invoice-new', '/invoices/new']]) {
		await page.goto(`${BASE}${url}`);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		check(`phone/${language}: ${name} fits 375 px (${wide})`, wide <= 375);
		await shot(page, `phone-${name}.${language}`);
		await accessible(page, `phone/${language} ${name}`);
	}
	await context.close();
}

run(async (browser) => {
	try {
		for (const language of ['el', 'en']) {
			await accountant(browser, language);
			await administrator(browser, language);
			await phone(browser, language);
		}
	} finally {
		// Whatever failed above, the plugin ends running.
		const admin = await api(USERS.admin.token);
		await admin.put('/api/plugins/reminders', { data: { enabled: true } });
		const plugins = await (await admin.get('/api/plugins')).json();
		const reminders = plugins.items.find((item) => item.id === 'reminders');
		check('the reminders plugin is running at the end', reminders && reminders.state === 'running');
		await admin.dispose();
	}
});
