{{%AUTOESCAPE context="HTML"}}<div class="heading-row">
<h1>{{T_reminders_title}}</h1>
</div>
{{#HAS_DONE}}{{#OUTCOME_STARTED}}<p class="notice" role="status">{{T_reminders_started}} <a href="{{PAGE_URL}}#runs-heading">{{T_reminders_follow}}</a></p>
{{/OUTCOME_STARTED}}{{#OUTCOME_ALREADY_RUN}}<p class="error-summary" role="status">{{T_reminders_already_run}}</p>
{{/OUTCOME_ALREADY_RUN}}{{#OUTCOME_PLANNED_ELSEWHERE}}<p class="notice" role="status">{{T_reminders_planned_elsewhere}} <a href="{{PAGE_URL}}#runs-heading">{{T_reminders_follow}}</a></p>
{{/OUTCOME_PLANNED_ELSEWHERE}}{{#OUTCOME_REMINDERS_OFF}}<p class="error-summary" role="status">{{T_reminders_is_off}}</p>
{{/OUTCOME_REMINDERS_OFF}}{{#OUTCOME_LIFTED}}<p class="notice" role="status">{{T_reminders_lifted}}</p>
{{/OUTCOME_LIFTED}}{{#NO_OUTCOME}}<p class="notice" role="status">{{#DONE_RUN}}{{T_reminders_done}}{{/DONE_RUN}}{{#DONE_TEST_EMAIL}}{{T_reminders_test_done}}{{/DONE_TEST_EMAIL}}{{#DONE_LIFT_BOUNCE}}{{T_reminders_lift_done}}{{/DONE_LIFT_BOUNCE}}{{#HAS_RESULT}} <span lang="en">{{RESULT}}</span>{{/HAS_RESULT}}{{#DONE_RUN}} <a href="{{PAGE_URL}}#runs-heading">{{T_reminders_follow}}</a>{{/DONE_RUN}}</p>
{{/NO_OUTCOME}}{{/HAS_DONE}}{{#HAS_ERROR}}<p class="error-summary" role="alert">{{T_reminders_refused}} <span lang="{{ERROR_LANG}}">{{ERROR}}</span></p>
{{/HAS_ERROR}}{{#OWNER_MISSING}}<p class="error-summary" role="status">{{T_reminders_owner_missing}} <a href="/settings/{{PLUGIN}}/email">{{T_reminders_owner_missing_link}}</a></p>
{{/OWNER_MISSING}}<section aria-labelledby="preview-heading">
<h2 id="preview-heading">{{T_reminders_preview}} · {{DATE_TEXT}}</h2>
{{#SUMMARY}}<dl class="facts">
<div><dt>{{T_reminders_to_remind}}</dt><dd>{{CUSTOMERS_TO_REMIND}}</dd></div>
<div><dt>{{T_reminders_invoices}}</dt><dd>{{REMINDED_INVOICES}}</dd></div>
<div><dt>{{T_reminders_amount}}</dt><dd>{{TOTALS_TEXT}}</dd></div>
<div><dt>{{T_reminders_without_email}}</dt><dd>{{CUSTOMERS_WITHOUT_VALID_EMAIL}}</dd></div>
<div><dt>{{T_reminders_switched_off}}</dt><dd>{{CUSTOMERS_SWITCHED_OFF}}</dd></div>
<div><dt>{{T_reminders_held}}</dt><dd>{{CUSTOMERS_HELD}}</dd></div>
</dl>
{{/SUMMARY}}{{#NO_MESSAGES}}<p class="empty">{{T_reminders_nobody}}</p>
{{/NO_MESSAGES}}{{#HAS_MESSAGES}}<table class="list reminders">
<caption>{{T_reminders_who}}</caption>
<thead><tr><th scope="col">{{T_reminders_customer}}</th><th scope="col">{{T_reminders_recipient}}</th><th scope="col">{{T_reminders_listed}}</th><th scope="col" class="amount">{{T_reminders_amount}}</th></tr></thead>
<tbody>
{{#MESSAGES}}<tr><td data-label="{{T_reminders_customer}}">{{#CUSTOMER}}<a href="/customers/{{ID}}">{{NAME}}</a>{{/CUSTOMER}}{{#THIS_WEEK}}<br><span class="hint">{{T_reminders_this_week}}: {{STATE_TEXT}}</span>{{/THIS_WEEK}}</td><td data-label="{{T_reminders_recipient}}">{{RECIPIENT}}</td><td data-label="{{T_reminders_listed}}"><ul class="plain">{{#INVOICES}}<li>{{NUMBER}} · <span class="nowrap">{{OUTSTANDING_TEXT}}</span> · {{T_reminders_days_overdue}} {{DAYS_OVERDUE}}{{#FINAL_REMINDER}} · <strong>{{T_reminders_final}}</strong>{{/FINAL_REMINDER}}</li>{{/INVOICES}}</ul></td><td data-label="{{T_reminders_amount}}" class="amount">{{TOTALS_TEXT}}</td></tr>
{{/MESSAGES}}</tbody>
</table>
{{/HAS_MESSAGES}}<h3>{{T_reminders_cannot}}</h3>
{{#NO_SKIPPED}}<p class="empty">{{T_reminders_none_cannot}}</p>
{{/NO_SKIPPED}}{{#HAS_SKIPPED}}<table class="list reminders">
<caption class="visually-hidden">{{T_reminders_cannot}}</caption>
<thead><tr><th scope="col">{{T_reminders_customer}}</th><th scope="col">{{T_reminders_why}}</th><th scope="col" class="amount">{{T_reminders_amount}}</th></tr></thead>
<tbody>
{{#SKIPPED}}<tr><td data-label="{{T_reminders_customer}}">{{#CUSTOMER}}<a href="/customers/{{ID}}">{{NAME}}</a>{{/CUSTOMER}}</td><td data-label="{{T_reminders_why}}">{{REASON_TEXT}}{{#HAS_BOUNCED_ON}}<form method="post" action="{{PAGE_URL}}" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="lift-bounce">
<input type="hidden" name="address" value="{{EMAIL}}">
<button type="submit" class="secondary">{{T_reminders_lift}}</button>
</form>{{/HAS_BOUNCED_ON}}</td><td data-label="{{T_reminders_amount}}" class="amount">{{TOTALS_TEXT}}</td></tr>
{{/SKIPPED}}</tbody>
</table>
{{/HAS_SKIPPED}}</section>
<section aria-labelledby="runs-heading">
<h2 id="runs-heading">{{T_reminders_runs}}</h2>
{{#IS_ADMIN}}<form method="post" action="{{PAGE_URL}}" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="run">
<button type="submit">{{T_reminders_run_now}}</button>
<p class="hint">{{T_reminders_run_now_hint}}</p>
</form>
{{/IS_ADMIN}}{{#NO_RUNS}}<p class="empty">{{T_reminders_no_runs}}</p>
{{/NO_RUNS}}{{#RUNS}}<details class="run">
<summary>{{T_reminders_week}} {{ISO_WEEK}} · {{DATE_TEXT}} · {{STATE_TEXT}}{{#HAS_PROGRESS_TEXT}} · <span class="run-progress">{{PROGRESS_TEXT}}</span>{{/HAS_PROGRESS_TEXT}}</summary>
<div class="run-report">
{{#HAS_REMINDED}}<table class="list reminders">
<caption>{{T_reminders_sent}}</caption>
<thead><tr><th scope="col">{{T_reminders_customer}}</th><th scope="col">{{T_reminders_recipient}}</th><th scope="col">{{T_reminders_state}}</th><th scope="col" class="amount">{{T_reminders_amount}}</th></tr></thead>
<tbody>
{{#REMINDED}}<tr><td data-label="{{T_reminders_customer}}">{{CUSTOMER}}</td><td data-label="{{T_reminders_recipient}}">{{RECIPIENT}}</td><td data-label="{{T_reminders_state}}">{{STATE_TEXT}}{{#HAS_REPLY_TEXT}}<br><span class="hint" lang="en">{{REPLY_TEXT}}</span>{{/HAS_REPLY_TEXT}}</td><td data-label="{{T_reminders_amount}}" class="amount">{{TOTALS_TEXT}}</td></tr>
{{/REMINDED}}</tbody>
</table>
{{/HAS_REMINDED}}{{#HAS_NOT_REMINDED}}<table class="list reminders">
<caption>{{T_reminders_not_sent}}</caption>
<thead><tr><th scope="col">{{T_reminders_customer}}</th><th scope="col">{{T_reminders_why}}</th><th scope="col" class="amount">{{T_reminders_amount}}</th></tr></thead>
<tbody>
{{#NOT_REMINDED}}<tr><td data-label="{{T_reminders_customer}}">{{CUSTOMER}}</td><td data-label="{{T_reminders_why}}">{{REASON_TEXT}}</td><td data-label="{{T_reminders_amount}}" class="amount">{{TOTALS_TEXT}}</td></tr>
{{/NOT_REMINDED}}</tbody>
</table>
{{/HAS_NOT_REMINDED}}<p class="hint">{{T_reminders_report_email}}: {{#HAS_REPORT_TEXT}}{{REPORT_TEXT}}{{/HAS_REPORT_TEXT}}{{#NO_REPORT_TEXT}}{{T_reminders_no_report}}{{/NO_REPORT_TEXT}}</p>
</div>
</details>
{{/RUNS}}</section>
{{#IS_ADMIN}}<section aria-labelledby="test-heading">
<h2 id="test-heading">{{T_reminders_test_title}}</h2>
<form method="post" action="{{PAGE_URL}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="test-email">
<input type="hidden" name="language" value="{{LANG}}">
<div class="field">
<label for="test-to">{{T_reminders_test_to}}</label>
<input id="test-to" name="to" type="email" autocomplete="email" aria-describedby="test-hint">
<p id="test-hint" class="hint">{{T_reminders_test_hint}}</p>
</div>
<div class="actions"><button type="submit">{{T_reminders_test_send}}</button></div>
</form>
</section>
{{/IS_ADMIN}}