{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Payment reminder</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<p>Dear {{CUSTOMER_NAME}},</p>
<p>{{#INVOICE_COUNT_ONE}}This is a friendly reminder that the following invoice is still unpaid:{{/INVOICE_COUNT_ONE}}{{#INVOICE_COUNT_OTHER}}This is a friendly reminder that the following invoices are still unpaid:{{/INVOICE_COUNT_OTHER}}</p>
<table style="border-collapse: collapse;" cellpadding="6">
<tr style="background: #f0f0f0;"><th align="left">Invoice</th><th align="left">Issued</th><th align="left">Due</th><th align="right">Amount</th><th align="right">Paid</th><th align="right">Outstanding</th><th align="right">Overdue</th><th></th></tr>
{{#INVOICES}}<tr><td>{{NUMBER}}<br><small>Reminder no. {{REMINDER_NUMBER}}</small></td><td>{{ISSUE_DATE}}</td><td>{{#BASIS_DUE}}{{DUE_DATE}}{{/BASIS_DUE}}{{#BASIS_ISSUE}}–{{/BASIS_ISSUE}}</td><td align="right">{{TOTAL}}</td><td align="right">{{PAID}}</td><td align="right"><strong>{{OUTSTANDING}}</strong></td><td align="right">{{DAYS_OVERDUE}} {{#DAYS_OVERDUE_ONE}}day{{/DAYS_OVERDUE_ONE}}{{#DAYS_OVERDUE_OTHER}}days{{/DAYS_OVERDUE_OTHER}} {{#BASIS_DUE}}past due{{/BASIS_DUE}}{{#BASIS_ISSUE}}since issue{{/BASIS_ISSUE}}</td><td>{{#PAY}}<a href="{{PAY_URL}}">Pay online</a>{{/PAY}}</td></tr>
{{/INVOICES}}</table>
<table style="border-collapse: collapse; margin-top: 1em;" cellpadding="6">
<tr><td><strong>Total outstanding:</strong></td><td align="right">{{#TOTALS}}{{AMOUNT}}</td></tr>{{#TOTALS_separator}}
<tr><td></td><td align="right">{{/TOTALS_separator}}{{/TOTALS}}
</table>
<p>If you have already paid, please disregard this message. If you have any questions, simply reply to this email.</p>
<p>Kind regards,<br>{{BUSINESS_NAME}}</p>
</body>
</html>
