Dear {{CUSTOMER_NAME}},

This is a friendly reminder that the following invoices are still unpaid:
{{#INVOICES}}
* Invoice {{NUMBER}}, issued {{ISSUE_DATE}}{{#BASIS_DUE}}, due {{DUE_DATE}}{{/BASIS_DUE}}
  Amount {{TOTAL}}, paid {{PAID}}, outstanding {{OUTSTANDING}}
  {{#BASIS_DUE}}{{DAYS_OVERDUE}} days past the due date{{/BASIS_DUE}}{{#BASIS_ISSUE}}{{DAYS_OVERDUE}} days since issue{{/BASIS_ISSUE}}{{#FINAL}} (the last reminder for this invoice){{/FINAL}}
{{#PAY}}  Pay online: {{PAY_URL}}
{{/PAY}}{{/INVOICES}}
Total outstanding:{{#TOTALS}} {{AMOUNT}}{{#TOTALS_separator}} +{{/TOTALS_separator}}{{/TOTALS}}

If you have already paid, please disregard this message. If you have any
questions, simply reply to this email.

Kind regards,
{{BUSINESS_NAME}}
