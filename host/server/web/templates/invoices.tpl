{{%AUTOESCAPE context="HTML"}}<div class="heading-row">
<h1>{{T_invoices_title}}</h1>
<a class="button" href="/invoices/new">{{T_invoices_new}}</a>
</div>
<form method="get" action="/invoices" class="filters" role="search" aria-label="{{T_invoices_filters}}">
{{#BY_CUSTOMER_ID}}<input type="hidden" name="customer_id" value="{{CUSTOMER_ID}}">
{{/BY_CUSTOMER_ID}}<div class="field">
<label for="status">{{T_invoices_status}}</label>
<select id="status" name="status">
<option value="">{{T_invoices_status_all}}</option>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select>
</div>
<div class="field">
<label for="customer">{{T_invoices_customer_filter}}</label>
<input id="customer" name="customer" type="search" value="{{CUSTOMER}}">
</div>
<div class="field check">
<input id="overdue" name="overdue" type="checkbox" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}>
<label for="overdue">{{T_invoices_overdue_only}}</label>
</div>
<div class="field">
<button type="submit" class="secondary">{{T_invoices_filter}}</button>
</div>
</form>
<div id="invoice-list">
{{#SAVED}}<p class="notice" role="status">{{T_invoices_saved}}</p>
{{/SAVED}}{{#REFUSED}}<p class="error-summary" role="alert">{{T_invoices_action_refused}}</p>
{{/REFUSED}}{{#EMPTY}}<p class="empty">{{T_invoices_empty}}</p>
{{/EMPTY}}{{#TABLE}}<div class="table-scroll" role="region" aria-label="{{T_invoices_title}}" tabindex="0">
<table class="list invoices">
<caption class="visually-hidden">{{T_invoices_title}}</caption>
<thead><tr><th scope="col">{{T_invoices_number}}</th><th scope="col">{{T_invoices_customer}}</th><th scope="col">{{T_invoices_issue_date}}</th><th scope="col">{{T_invoices_due_date}}</th><th scope="col" class="amount">{{T_invoices_total}}</th><th scope="col" class="amount">{{T_invoices_outstanding}}</th><th scope="col">{{T_invoices_status}}</th><th scope="col">{{T_invoices_actions}}</th></tr></thead>
<tbody>
{{/TABLE}}{{#ROW}}<tr id="row-{{ID}}"><td data-label="{{T_invoices_number}}"><a href="/invoices/{{ID}}">{{NUMBER}}</a></td><td data-label="{{T_invoices_customer}}">{{CUSTOMER_NAME}}</td><td data-label="{{T_invoices_issue_date}}" class="nowrap">{{ISSUE_DATE}}</td><td data-label="{{T_invoices_due_date}}" class="nowrap">{{DUE_DATE}}{{#NO_DUE_DATE}}<span aria-hidden="true">—</span><span class="visually-hidden">{{T_invoices_no_due_date}}</span>{{/NO_DUE_DATE}}</td><td data-label="{{T_invoices_total}}" class="amount">{{TOTAL}}</td><td data-label="{{T_invoices_outstanding}}" class="amount">{{OUTSTANDING}}</td><td data-label="{{T_invoices_status}}"><span class="status-cell">{{#VIEW}}<a class="icon-link" href="{{URL}}" title="{{LABEL}}">{{>ICON}}<span class="visually-hidden">{{LABEL}}</span></a>{{/VIEW}}<span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#OVERDUE}} <span class="status status-overdue">{{T_invoices_overdue}}</span>{{/OVERDUE}}{{#BADGE}} <span class="status status-badge">{{TEXT}}</span>{{/BADGE}}</span></td><td data-label="{{T_invoices_actions}}" class="actions-cell">{{#ACTION}}<span id="{{DOM_ID}}" class="row-action">{{#TOGGLE}}<form method="post" action="{{URL}}" class="toggle" hx-post="{{URL}}" hx-target="#row-{{ID}}" hx-select="#row-{{ID}}" hx-swap="outerHTML"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="was" value="{{WAS}}"><input type="hidden" name="back" value="{{BACK}}"><button id="{{DOM_ID}}-button" type="submit" class="icon-button{{#ON}} on{{/ON}}" aria-pressed="{{PRESSED}}" title="{{TITLE}}">{{>ICON}}<span class="visually-hidden">{{LABEL}}: {{TITLE}}</span></button></form>{{/TOGGLE}}{{#UNAVAILABLE}}<span class="icon-off" title="{{TITLE}}">{{>ICON}}<span class="visually-hidden">{{LABEL}}: {{TITLE}}</span></span>{{/UNAVAILABLE}}{{#UNKNOWN}}<span class="icon-off" title="{{LABEL}}">?<span class="visually-hidden">{{LABEL}}</span></span>{{/UNKNOWN}}</span>{{/ACTION}}{{#ROW_REFUSED}}<p class="field-error" role="alert">{{REFUSED_TEXT}}</p>{{/ROW_REFUSED}}</td></tr>
{{/ROW}}{{#TABLE}}</tbody>
</table>
</div>
{{/TABLE}}{{#PAGER}}<nav class="pager" aria-label="{{T_invoices_pages}}">
{{#PREV}}<a href="{{PREV_URL}}" rel="prev">{{T_customers_previous}}</a>
{{/PREV}}<span>{{T_customers_page}} {{PAGE}}</span>
{{#NEXT}}<a href="{{NEXT_URL}}" rel="next">{{T_customers_next}}</a>
{{/NEXT}}</nav>
{{/PAGER}}</div>
