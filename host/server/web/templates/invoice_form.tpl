{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#HAS_ERROR}}<p class="error-summary" role="alert">{{T_form_errors}}</p>
{{/HAS_ERROR}}{{#HAS_ERRORS}}<p class="error-summary" role="alert">{{T_form_errors_many}}</p>
{{/HAS_ERRORS}}{{#FORM_ERROR}}<p class="error-summary" role="alert">{{ERROR}}</p>
{{/FORM_ERROR}}<form method="post" action="/invoices/new" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="number">{{T_invoice_number}}</label>
<input id="number" name="number" type="text" required maxlength="64" autocomplete="off" value="{{NUMBER}}" aria-describedby="{{NUMBER_DESCRIBEDBY}}"{{#NUMBER_INVALID}} aria-invalid="true"{{/NUMBER_INVALID}}>
<p id="number-hint" class="hint">{{T_invoice_number_hint}}</p>
{{#NUMBER_ERROR}}<p id="number-error" class="field-error">{{ERROR}}</p>
{{/NUMBER_ERROR}}</div>
<fieldset class="field customer-choice">
<legend>{{T_invoice_customer}}</legend>
<label for="customer-q" class="sub">{{T_invoice_customer_search}}</label>
<input id="customer-q" name="customer_q" type="search" autocomplete="off" value="{{CUSTOMER_Q}}" aria-controls="customer-id" hx-get="/invoices/new" hx-include="#customer-id" hx-trigger="input changed delay:300ms, search" hx-target="#customer-id" hx-select="#customer-id" hx-swap="outerHTML">
<label for="customer-id" class="sub">{{T_invoice_customer_choose}}</label>
<select id="customer-id" name="customer_id" required hx-post="/invoices/new" hx-vals='{"refresh": "1"}' hx-trigger="change" hx-include="closest form" hx-target="#plugin-fields" hx-select="#plugin-fields" hx-swap="outerHTML" aria-describedby="{{CUSTOMER_ID_DESCRIBEDBY}}"{{#CUSTOMER_ID_INVALID}} aria-invalid="true"{{/CUSTOMER_ID_INVALID}}>
<option value=""{{#NO_CUSTOMER}} selected{{/NO_CUSTOMER}}>{{#NO_CHOICES}}{{T_invoice_customer_none}}{{/NO_CHOICES}}{{#SOME_CHOICES}}{{T_invoice_customer_placeholder}}{{/SOME_CHOICES}}</option>
{{#CUSTOMER_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/CUSTOMER_OPTION}}</select>
<p id="customer-id-hint" class="hint">{{T_invoice_customer_hint}}</p>
{{#CUSTOMER_ID_ERROR}}<p id="customer-id-error" class="field-error">{{ERROR}}</p>
{{/CUSTOMER_ID_ERROR}}</fieldset>
<div class="field-row">
<div class="field">
<label for="issue-date">{{T_invoice_issue_date}}</label>
<input id="issue-date" name="issue_date" type="date" required value="{{ISSUE_DATE}}" aria-describedby="{{ISSUE_DATE_DESCRIBEDBY}}"{{#ISSUE_DATE_INVALID}} aria-invalid="true"{{/ISSUE_DATE_INVALID}}>
<p id="issue-date-hint" class="hint">{{T_invoice_issue_date_hint}}</p>
{{#ISSUE_DATE_ERROR}}<p id="issue-date-error" class="field-error">{{ERROR}}</p>
{{/ISSUE_DATE_ERROR}}</div>
<div class="field">
<label for="due-date">{{T_invoice_due_date}}</label>
<input id="due-date" name="due_date" type="date" value="{{DUE_DATE}}" aria-describedby="{{DUE_DATE_DESCRIBEDBY}}"{{#DUE_DATE_INVALID}} aria-invalid="true"{{/DUE_DATE_INVALID}}>
<p id="due-date-hint" class="hint">{{T_invoice_due_date_hint}}</p>
{{#DUE_DATE_ERROR}}<p id="due-date-error" class="field-error">{{ERROR}}</p>
{{/DUE_DATE_ERROR}}</div>
</div>
<div class="field-row">
<div class="field short">
<label for="currency">{{T_invoice_currency}}</label>
<input id="currency" name="currency" type="text" required maxlength="3" autocomplete="off" autocapitalize="characters" spellcheck="false" value="{{CURRENCY}}" aria-describedby="{{CURRENCY_DESCRIBEDBY}}"{{#CURRENCY_INVALID}} aria-invalid="true"{{/CURRENCY_INVALID}}>
<p id="currency-hint" class="hint">{{T_invoice_currency_hint}}</p>
{{#CURRENCY_ERROR}}<p id="currency-error" class="field-error">{{ERROR}}</p>
{{/CURRENCY_ERROR}}</div>
<div class="field">
<label for="total">{{T_invoice_total}}</label>
<input id="total" name="total" type="text" inputmode="decimal" required autocomplete="off" value="{{TOTAL}}" aria-describedby="{{TOTAL_DESCRIBEDBY}}"{{#TOTAL_INVALID}} aria-invalid="true"{{/TOTAL_INVALID}}>
<p id="total-hint" class="hint">{{T_invoice_total_hint}}</p>
{{#TOTAL_ERROR}}<p id="total-error" class="field-error">{{ERROR}}</p>
{{/TOTAL_ERROR}}</div>
</div>
<fieldset class="field choice" aria-describedby="{{PAID_DESCRIBEDBY}}">
<legend>{{T_invoice_paid}}</legend>
<div class="options">
<span class="option"><input id="paid-no" name="paid" type="radio" value="no"{{#PAID_NO}} checked{{/PAID_NO}} hx-post="/invoices/new" hx-vals='{"refresh": "1"}' hx-trigger="change" hx-include="closest form" hx-target="#plugin-fields" hx-select="#plugin-fields" hx-swap="outerHTML"{{#PAID_INVALID}} aria-invalid="true"{{/PAID_INVALID}}> <label for="paid-no">{{T_invoice_paid_no}}</label></span>
<span class="option"><input id="paid-yes" name="paid" type="radio" value="yes"{{#PAID_YES}} checked{{/PAID_YES}} hx-post="/invoices/new" hx-vals='{"refresh": "1"}' hx-trigger="change" hx-include="closest form" hx-target="#plugin-fields" hx-select="#plugin-fields" hx-swap="outerHTML"{{#PAID_INVALID}} aria-invalid="true"{{/PAID_INVALID}}> <label for="paid-yes">{{T_invoice_paid_yes}}</label></span>
</div>
<p id="paid-hint" class="hint">{{T_invoice_paid_hint}}</p>
{{#PAID_ERROR}}<p id="paid-error" class="field-error">{{ERROR}}</p>
{{/PAID_ERROR}}</fieldset>
<div id="plugin-fields" aria-live="polite">
<input type="hidden" name="extras_customer" value="{{EXTRAS_CUSTOMER}}">
{{>PLUGIN_FIELDS}}</div>
<div class="actions">
<button type="submit">{{T_invoice_save}}</button>
<a href="/invoices">{{T_invoice_cancel}}</a>
</div>
</form>
