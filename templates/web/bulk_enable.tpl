{{%AUTOESCAPE context="HTML"}}<h1>{{T_bulk_title}}</h1>
{{#HAS_DONE}}<p class="notice" role="status">{{T_bulk_done}} <a href="/p/{{PLUGIN}}/reminders">{{T_bulk_to_preview}}</a></p>
{{/HAS_DONE}}{{#HAS_ERROR}}<p class="error-summary" role="alert">{{T_bulk_refused}} <span lang="{{ERROR_LANG}}">{{ERROR}}</span></p>
{{/HAS_ERROR}}<p>{{T_bulk_intro}}</p>
{{#NO_CUSTOMERS}}<p class="empty">{{T_bulk_none}}</p>
{{/NO_CUSTOMERS}}<form method="post" action="{{PAGE_URL}}" class="bulk">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="enable">
{{#CUSTOMERS}}<fieldset class="customer-group">
<legend>{{NAME}} · {{INVOICE_COUNT_TEXT}} · {{TOTAL_TEXT}}</legend>
{{#OFF}}<p class="hint" id="off-{{ID}}">{{T_bulk_customer_off}} <a href="/customers/{{ID}}">{{T_bulk_customer_off_link}}</a></p>
{{/OFF}}<div class="check all-of-customer"><input type="checkbox" id="all-{{ID}}" data-check-group="c{{ID}}"{{#ALL_TICKED}} checked{{/ALL_TICKED}}{{#OFF}} disabled aria-describedby="off-{{ID}}"{{/OFF}}><label for="all-{{ID}}">{{T_bulk_all_of_customer}}</label></div>
<ul class="plain">
{{#INVOICES}}<li class="check"><input type="checkbox" id="i{{ID}}" name="invoice_ids" value="{{ID}}" data-group="c{{CUSTOMER_ID}}"{{#TICKED}} checked{{/TICKED}}{{#BLOCKED}} disabled aria-describedby="off-{{CUSTOMER_ID}}"{{/BLOCKED}}><label for="i{{ID}}">{{NUMBER}} · {{#HAS_DUE_DATE}}{{T_bulk_due}} {{DUE_DATE_TEXT}}{{/HAS_DUE_DATE}}{{#NO_DUE_DATE}}{{T_bulk_issued}} {{ISSUE_DATE_TEXT}}{{/NO_DUE_DATE}} · {{OUTSTANDING_TEXT}}{{#MARKED}} · <span class="marked">{{T_bulk_marked}}</span>{{/MARKED}}</label></li>
{{/INVOICES}}</ul>
</fieldset>
{{/CUSTOMERS}}{{#HAS_CUSTOMERS}}<p class="total">{{T_bulk_page_total}}: <strong>{{PAGE_TOTAL_TEXT}}</strong></p>
{{/HAS_CUSTOMERS}}<div class="actions">
{{#HAS_CUSTOMERS}}<button type="submit">{{T_bulk_enable}}</button>{{/HAS_CUSTOMERS}}
<a href="/p/{{PLUGIN}}/reminders">{{T_bulk_skip}}</a>
</div>
</form>
{{#PAGED}}<nav class="pager" aria-label="{{T_bulk_pages}}">
{{#HAS_FIRST_URL}}<a href="{{PAGE_URL}}">{{T_bulk_first}}</a>
{{/HAS_FIRST_URL}}{{#HAS_NEXT_URL}}<a href="{{PAGE_URL}}{{NEXT_URL}}" rel="next">{{T_bulk_next}}</a>
{{/HAS_NEXT_URL}}</nav>
{{/PAGED}}
