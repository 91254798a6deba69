{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{#HAS_DONE}}<p class="notice" role="status">{{T_board_added}}</p>
{{/HAS_DONE}}{{#HAS_ERROR}}<p class="error-summary" role="alert">{{T_board_refused}} <span lang="en">{{ERROR}}</span></p>
{{/HAS_ERROR}}{{#NO_NOTES}}<p class="empty">{{T_board_empty}}</p>
{{/NO_NOTES}}{{#HAS_NOTES}}<ul class="plain notes">
{{#NOTES}}<li>#{{INVOICE_ID}}: {{TEXT}} ({{BY}})</li>
{{/NOTES}}</ul>
{{/HAS_NOTES}}<form method="post" action="{{PAGE_URL}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="add">
<div class="field"><label for="invoice_id">{{T_board_invoice}}</label><input id="invoice_id" name="invoice_id" type="number" inputmode="numeric"></div>
<div class="field"><label for="text">{{T_board_note}}</label><input id="text" name="text" type="text"></div>
<div class="actions"><button type="submit">{{T_board_add}}</button></div>
</form>
