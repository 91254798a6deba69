Dear {{CUSTOMER_NAME}},

{{#INVOICE_COUNT_ONE}}This is a friendly reminder that the following invoice is still unpaid:{{/INVOICE_COUNT_ONE}}{{#INVOICE_COUNT_OTHER}}This is a friendly reminder that the following invoices are still unpaid:{{/INVOICE_COUNT_OTHER}}
{{#INVOICES}}
* Invoice {{NUMBER}} (reminder no. {{REMINDER_NUMBER}}), issued {{ISSUE_DATE}}{{#BASIS_DUE}}, due {{DUE_DATE}}{{/BASIS_DUE}}
  Amount {{TOTAL}}, paid {{PAID}}, outstanding {{OUTSTANDING}}
  {{DAYS_OVERDUE}} {{#DAYS_OVERDUE_ONE}}day{{/DAYS_OVERDUE_ONE}}{{#DAYS_OVERDUE_OTHER}}days{{/DAYS_OVERDUE_OTHER}} {{#BASIS_DUE}}past the due date{{/BASIS_DUE}}{{#BASIS_ISSUE}}since issue{{/BASIS_ISSUE}}
{{#PAY}}  Pay online: {{PAY_URL}}
{{/PAY}}{{/INVOICES}}
Total outstanding: {{#TOTALS}}{{AMOUNT}}{{#TOTALS_separator}}
                   {{/TOTALS_separator}}{{/TOTALS}}

If you have already paid, please disregard this message. If you have any
questions, simply reply to this email.

Kind regards,
{{BUSINESS_NAME}}
