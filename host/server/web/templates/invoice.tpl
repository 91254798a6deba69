{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/invoices">{{T_invoice_back}}</a></p>
<h1>{{T_invoice_title}} {{NUMBER}}</h1>
{{#PAID_NOTICE}}<p class="notice" role="status">{{T_payment_saved}}</p>
{{/PAID_NOTICE}}<dl class="facts">
<div><dt>{{T_invoices_customer}}</dt><dd><a href="/customers/{{CUSTOMER_ID}}">{{CUSTOMER_NAME}}</a></dd></div>
<div><dt>{{T_invoices_status}}</dt><dd><span class="status-cell">{{!-- plugin actions --}}<span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></span></dd></div>
<div><dt>{{T_invoices_issue_date}}</dt><dd>{{ISSUE_DATE}}</dd></div>
<div><dt>{{T_invoices_due_date}}</dt><dd>{{DUE_DATE}}{{#NO_DUE_DATE}}{{T_invoices_no_due_date}}{{/NO_DUE_DATE}}</dd></div>
<div><dt>{{T_invoices_total}}</dt><dd>{{TOTAL}}</dd></div>
<div><dt>{{T_invoice_paid_amount}}</dt><dd>{{PAID}}</dd></div>
<div><dt>{{T_invoices_outstanding}}</dt><dd><strong>{{OUTSTANDING}}</strong></dd></div>
<div><dt>{{T_invoice_created_by}}</dt><dd>{{CREATED_BY}}</dd></div>
</dl>
<h2>{{T_payments_title}}</h2>
{{#NO_PAYMENTS}}<p class="empty">{{T_payments_empty}}</p>
{{/NO_PAYMENTS}}{{#PAYMENTS}}<table class="list">
<caption class="visually-hidden">{{T_payments_title}}</caption>
<thead><tr><th scope="col">{{T_payment_paid_on}}</th><th scope="col" class="amount">{{T_payment_amount}}</th><th scope="col">{{T_payment_reference}}</th><th scope="col">{{T_payment_by}}</th></tr></thead>
<tbody>
{{/PAYMENTS}}{{#PAYMENT}}<tr><td data-label="{{T_payment_paid_on}}">{{PAID_ON}}</td><td data-label="{{T_payment_amount}}" class="amount">{{AMOUNT}}</td><td data-label="{{T_payment_reference}}">{{REFERENCE}}{{#NO_REFERENCE}}<span aria-hidden="true">—</span><span class="visually-hidden">{{T_payment_no_reference}}</span>{{/NO_REFERENCE}}</td><td data-label="{{T_payment_by}}">{{BY}}</td></tr>
{{/PAYMENT}}{{#PAYMENTS}}</tbody>
</table>
{{/PAYMENTS}}{{#PAY}}<h2 id="pay-heading">{{T_payment_new}}</h2>
{{#HAS_ERROR}}<p class="error-summary" role="alert">{{T_form_errors}}</p>
{{/HAS_ERROR}}{{#HAS_ERRORS}}<p class="error-summary" role="alert">{{T_form_errors_many}}</p>
{{/HAS_ERRORS}}{{#FORM_ERROR}}<p class="error-summary" role="alert">{{ERROR}}</p>
{{/FORM_ERROR}}<form method="post" action="/invoices/{{ID}}/payments" class="form" novalidate aria-labelledby="pay-heading">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field-row">
<div class="field">
<label for="amount">{{T_payment_amount}}</label>
<input id="amount" name="amount" type="text" inputmode="decimal" required autocomplete="off" value="{{AMOUNT}}" aria-describedby="{{AMOUNT_DESCRIBEDBY}}"{{#AMOUNT_INVALID}} aria-invalid="true"{{/AMOUNT_INVALID}}>
<p id="amount-hint" class="hint">{{T_payment_amount_hint}} {{OUTSTANDING}}</p>
{{#AMOUNT_ERROR}}<p id="amount-error" class="field-error">{{ERROR}}</p>
{{/AMOUNT_ERROR}}</div>
<div class="field">
<label for="paid-on">{{T_payment_paid_on}}</label>
<input id="paid-on" name="paid_on" type="date" value="{{PAID_ON}}" aria-describedby="{{PAID_ON_DESCRIBEDBY}}"{{#PAID_ON_INVALID}} aria-invalid="true"{{/PAID_ON_INVALID}}>
<p id="paid-on-hint" class="hint">{{T_payment_paid_on_hint}}</p>
{{#PAID_ON_ERROR}}<p id="paid-on-error" class="field-error">{{ERROR}}</p>
{{/PAID_ON_ERROR}}</div>
</div>
<div class="field">
<label for="reference">{{T_payment_reference}}</label>
<input id="reference" name="reference" type="text" maxlength="200" autocomplete="off" value="{{REFERENCE}}" aria-describedby="{{REFERENCE_DESCRIBEDBY}}"{{#REFERENCE_INVALID}} aria-invalid="true"{{/REFERENCE_INVALID}}>
<p id="reference-hint" class="hint">{{T_payment_reference_hint}}</p>
{{#REFERENCE_ERROR}}<p id="reference-error" class="field-error">{{ERROR}}</p>
{{/REFERENCE_ERROR}}</div>
<div class="actions">
<button type="submit">{{T_payment_save}}</button>
</div>
</form>
{{/PAY}}
